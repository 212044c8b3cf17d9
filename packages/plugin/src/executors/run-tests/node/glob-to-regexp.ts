/**
 * Compiles a POSIX glob (`**`, `*`, `?`, `{a,b}`) matched against a relative POSIX path into a RegExp.
 * Node 20's test runner takes no globs and `fs.glob` needs Node 22, so the executor expands them itself.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      const followedBySlash = glob[i + 2] === '/';
      // `**/` matches zero or more folders; a trailing `**` matches anything below.
      source += followedBySlash ? '(?:[^/]*/)*' : '.*';
      i += followedBySlash ? 2 : 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) {
        source += '\\{';
        continue;
      }
      const options = glob.slice(i + 1, close).split(',');
      source += `(?:${options.map((option) => globToRegExp(option).source.slice(1, -1)).join('|')})`;
      i = close;
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}
