import { parse, sep } from 'node:path';

/** A folder or a file of the coverage tree; `elements` is its path below the files' common folder. */
export interface CoverageTreeNode {
  elements: string[];
  /** The coverage map key of a file node; undefined for folders. */
  file?: string;
  parent?: CoverageTreeNode;
  children: CoverageTreeNode[];
}

// A key as istanbul-lib-report splits it: the root and the folder/file parts, separators folded.
function pathElements(key: string): string[] {
  if (key === '') return [];
  const parsed = parse(key);
  let dir = parsed.dir.substring(parsed.root.length);
  let file = parsed.base;
  if (sep !== '/') {
    dir = dir.split(sep).join('/');
    file = file.split(sep).join('/');
  }
  let joined = dir === '' ? file : `${dir}/${file}`;
  if (joined.startsWith('/')) joined = joined.substring(1);
  return joined.split(/\/+/);
}

function commonPrefix(a: string[], b: string[]): string[] {
  const length = Math.min(a.length, b.length);
  let i = 0;
  while (i < length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

// A folder holding nothing but one folder is merged into it, as istanbul's "nested" summarizer does.
function foldSingleFolders(node: CoverageTreeNode, parent: CoverageTreeNode | undefined): CoverageTreeNode {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (only && only.file === undefined) {
    only.parent = parent;
    return foldSingleFolders(only, parent);
  }
  node.children = node.children.map((child) => foldSingleFolders(child, node));
  return node;
}

function sortChildren(node: CoverageTreeNode): void {
  const named = node.children.map((child) => ({ child, name: child.elements.join('/') }));
  named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  node.children = named.map((entry) => entry.child);
  for (const child of node.children) if (child.file === undefined) sortChildren(child);
}

/**
 * The folder tree istanbul-lib-report's default ("nested") summarizer builds over the map's keys (in
 * the map's key order): paths below the common folder of all files, folders with a single subfolder
 * folded into it, children sorted by path. lcov and cobertura visit files in this order.
 */
export function buildCoverageTree(keys: readonly string[]): CoverageTreeNode {
  const files = keys.map((key) => ({ key, elements: pathElements(key) }));
  const parents = files.map((file) => file.elements.slice(0, -1));
  const common = parents.reduce((prefix, elements) => commonPrefix(prefix, elements), parents[0] ?? []);
  for (const file of files) file.elements.splice(0, common.length);

  const folders = new Map<string, CoverageTreeNode>();
  const tops: CoverageTreeNode[] = [];
  const attach = (elements: string[], node: CoverageTreeNode): void => {
    const parentElements = elements.slice(0, -1);
    const name = parentElements.join('/');
    let parent = folders.get(name);
    if (!parent) {
      parent = { elements: parentElements, children: [] };
      folders.set(name, parent);
      if (parentElements.length > 0) attach(parentElements, parent);
      else tops.push(parent);
    }
    node.parent = parent;
    parent.children.push(node);
  };
  for (const file of files) attach(file.elements, { elements: file.elements, file: file.key, children: [] });

  const root = tops.length === 1 ? foldSingleFolders(tops[0] as CoverageTreeNode, undefined) : { elements: [], children: [] };
  sortChildren(root);
  return root;
}

/** A node's path relative to its parent's, as istanbul-lib-report names packages and classes. */
export function relativeName(node: CoverageTreeNode): string {
  const parent = node.parent?.elements ?? [];
  const below = parent.length < node.elements.length && parent.every((element, i) => node.elements[i] === element);
  const name = (below ? node.elements.slice(parent.length) : node.elements).join('/');
  return name.startsWith('/') ? name.substring(1) : name;
}

/**
 * The class name cobertura gives a file: its name without folders. A file's parent in the tree is
 * always its own folder (only folders holding a single folder are folded), so it depends on the key only.
 */
export function coverageClassName(key: string): string {
  const elements = pathElements(key);
  return (elements[elements.length - 1] ?? '').replace(/.*[\\/]/, '');
}
