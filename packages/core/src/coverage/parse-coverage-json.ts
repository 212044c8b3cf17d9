import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  DOT,
  isDigit,
  isWhitespace,
  JSON_STRING_BODY,
  MINUS,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from './json-syntax';
import { skipJsonValue, skipJsonWhitespace } from './skip-json-value';

/**
 * What the counts and the lcov/cobertura renderers read of a file's coverage, as lists indexed like
 * istanbul's maps keyed "0", "1", ...: statement start lines, functions' names and declaration
 * lines, branches' start lines and `line` members, and the hit counts.
 */
export interface ScannedFileData {
  /** `statementMap[i].start.line`. */
  statementLines: number[];
  s: number[];
  fnMap: { name: string; line: number }[];
  f: number[];
  /** `branchMap[i].loc.start.line` and `branchMap[i].line` (absent: undefined). */
  branchMap: { locLine: number; line: number | null | undefined }[];
  b: number[][];
  bT?: number[][];
}

/** A piece of JSON text: a string, or UTF-8 bytes (a view into the file that was read). */
export type JsonPiece = string | Uint8Array;

/** One file entry of a coverage-final.json read by `parseCoverageJson`. */
export interface ScannedFileCoverage {
  /** The entry's key, as JSON.parse would give it. */
  key: string;
  /** The data the counts and renderers need (`path` is set by the merge). */
  data: ScannedFileData;
  /** `JSON.stringify` of the entry with `path` set to `path` and `inputSourceMap` left out, in pieces. */
  jsonPieces(path: string): JsonPiece[];
}

/** A coverage-final.json read without building its objects: see `parseCoverageJson`. */
export class ScannedCoverage {
  constructor(readonly entries: ScannedFileCoverage[]) {}
}

const BAIL = Symbol('not the common istanbul shape');

const CANONICAL_INTEGER = /^-?(?:0|[1-9]\d{0,14})$/;
const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;
const TRUE = 'true';
const FALSE = 'false';
const NULL = 'null';
const POSITION_NAMES = ['line', 'column'];
const POSITION_KEYS = POSITION_NAMES.map((name) => `"${name}"`);
const LOCATION_NAMES = ['start', 'end'];
const LOCATION_KEYS = LOCATION_NAMES.map((name) => `"${name}"`);
const FUNCTION_NAMES = ['name', 'decl', 'loc', 'line'];
const FUNCTION_KEYS = FUNCTION_NAMES.map((name) => `"${name}"`);
const BRANCH_NAMES = ['loc', 'type', 'locations', 'line'];
const BRANCH_KEYS = BRANCH_NAMES.map((name) => `"${name}"`);
// A location as JSON.stringify writes it (columns and the end line may be null).
const COUNT = '(?:0|[1-9]\\d{0,14})(?![\\d.eE])';
const COMPACT_LOCATION = new RegExp(`\\{"start":\\{"line":${COUNT},"column":(?:${COUNT}|null)\\},"end":\\{"line":(?:${COUNT}|null),"column":(?:${COUNT}|null)\\}\\}`, 'y');
const START_LINE_AT = '{"start":{"line":'.length;

// A source map is worth leaving out of the scanned text when it is longer than this (Jest's run to hundreds of KB).
const ELIDE_AT_LEAST = 256;
const SOURCE_MAP_KEY = Buffer.from('"inputSourceMap":');
const PLACEHOLDER = 'null';

/** A source map value left out of the scanned text: `null` stands at text offset `at` for the bytes [from, to). */
interface Elision {
  at: number;
  from: number;
  to: number;
}

/**
 * The bytes as Latin-1 text (one character per byte) with every long `"inputSourceMap":` value
 * replaced by `null`: most of a Jest coverage file is source maps, which the merge drops, so they
 * are only checked to be JSON (`skipJsonValue`), never decoded. In valid JSON an unescaped
 * `"inputSourceMap":` is always a key; the scanner accepts each `null` only as an entry's
 * inputSourceMap member (see `Scanner.elided`), so a match anywhere else sends the file to JSON.parse.
 */
function textWithoutSourceMaps(bytes: Buffer): { text: string; elisions: Elision[] } {
  const elisions: Elision[] = [];
  const parts: string[] = [];
  let copied = 0;
  let length = 0;
  for (let found = bytes.indexOf(SOURCE_MAP_KEY); found >= 0; found = bytes.indexOf(SOURCE_MAP_KEY, found + 1)) {
    // A quote escaped inside a string ends a key that only ends with `inputSourceMap`.
    let backslashes = 0;
    while (bytes[found - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 1) continue;
    const from = skipJsonWhitespace(bytes, found + SOURCE_MAP_KEY.length);
    const to = skipJsonValue(bytes, from);
    // Not JSON: JSON.parse says so, with its own message.
    if (to < 0) throw BAIL;
    if (to - from < ELIDE_AT_LEAST) continue;
    parts.push(bytes.toString('latin1', copied, from), PLACEHOLDER);
    length += from - copied;
    elisions.push({ at: length, from, to });
    length += PLACEHOLDER.length;
    copied = to;
    found = to - 1;
  }
  if (elisions.length === 0) return { text: bytes.toString('latin1'), elisions };
  parts.push(bytes.toString('latin1', copied));
  return { text: parts.join(''), elisions };
}

const ENTRY_MEMBERS = ['path', 'statementMap', 'fnMap', 'branchMap', 's', 'f', 'b', 'bT', 'all', 'inputSourceMap', '_coverageSchema', 'hash'] as const;
type EntryMember = (typeof ENTRY_MEMBERS)[number];
const MEMBER_KEYS = new Map<string, string>(ENTRY_MEMBERS.map((name) => [name, `${JSON.stringify(name)}:`]));

/**
 * A strict reader of the JSON istanbul instrumenters write, working on the file's bytes. It yields
 * the canonical text of what it reads (whitespace dropped, tokens as JSON.stringify writes them) as
 * views into the input plus the few tokens it had to rewrite. Anything outside the shape it knows
 * throws BAIL; the caller then uses JSON.parse.
 */
class Scanner {
  pos = 0;
  private parts: JsonPiece[] = [];
  private copyFrom = 0;
  private capturing = false;

  private readonly text: string;
  private readonly elisions: Elision[];
  // The elisions consumed, and those before the last offset turned into a byte offset (with their length).
  private consumed = 0;
  private passed = 0;
  private shift = 0;

  // Scanned as Latin-1 text (one character per byte, so offsets are byte offsets but for the source
  // maps left out); pieces are cut from the bytes.
  constructor(private readonly bytes: Buffer) {
    ({ text: this.text, elisions: this.elisions } = textWithoutSourceMaps(bytes));
  }

  // The byte offset of a text offset; asked in increasing order, never inside a placeholder.
  private byteAt(pos: number): number {
    const { elisions } = this;
    while (this.passed < elisions.length && (elisions[this.passed] as Elision).at < pos) {
      const elision = elisions[this.passed++] as Elision;
      this.shift += elision.to - elision.from - PLACEHOLDER.length;
    }
    return pos + this.shift;
  }

  private cut(start: number, end: number): Uint8Array {
    return this.bytes.subarray(this.byteAt(start), this.byteAt(end));
  }

  /** Whether a source map left out of the text stands here (an entry's inputSourceMap); consumes it if so. */
  elided(): boolean {
    const next = this.elisions[this.consumed];
    if (next?.at !== this.pos) return false;
    this.consumed++;
    this.pos += PLACEHOLDER.length;
    return true;
  }

  fail(): never {
    throw BAIL;
  }

  ws(): void {
    const { text } = this;
    let pos = this.pos;
    if (!isWhitespace(text.charCodeAt(pos))) return;
    const start = pos;
    while (isWhitespace(text.charCodeAt(pos))) pos++;
    if (this.capturing) {
      if (start > this.copyFrom) this.parts.push(this.cut(this.copyFrom, start));
      this.copyFrom = pos;
    }
    this.pos = pos;
  }

  expect(code: number): void {
    if (this.text.charCodeAt(this.pos) !== code) this.fail();
    this.pos++;
  }

  /** After a member or item: true when another one follows (the comma consumed). */
  more(close: number): boolean {
    this.ws();
    const c = this.text.charCodeAt(this.pos++);
    if (c === COMMA) {
      this.ws();
      return true;
    }
    if (c !== close) this.fail();
    return false;
  }

  /** Opens an object or array; false when it is empty (and already closed). */
  open(openCode: number, close: number): boolean {
    this.expect(openCode);
    this.ws();
    if (this.text.charCodeAt(this.pos) === close) {
      this.pos++;
      return false;
    }
    return true;
  }

  begin(): void {
    this.capturing = true;
    this.parts = [];
    this.copyFrom = this.pos;
  }

  end(): JsonPiece[] {
    this.capturing = false;
    if (this.pos > this.copyFrom) this.parts.push(this.cut(this.copyFrom, this.pos));
    return this.parts;
  }

  private replace(start: number, end: number, canonical: string): void {
    if (!this.capturing) return;
    if (start > this.copyFrom) this.parts.push(this.cut(this.copyFrom, start));
    this.parts.push(canonical);
    this.copyFrom = end;
  }

  literal(pattern: string): boolean {
    if (!this.text.startsWith(pattern, this.pos)) return false;
    this.pos += pattern.length;
    return true;
  }

  string(): string {
    const { text } = this;
    const start = this.pos;
    if (text.charCodeAt(start) !== QUOTE) this.fail();
    let i = start + 1;
    let plain = true;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        plain = false;
        i += 2;
        continue;
      }
      // A raw control character or the end of the input: not JSON.
      if (!(c >= 32)) this.fail();
      if (c >= 128) plain = false;
      i++;
    }
    this.pos = i + 1;
    if (plain) return text.slice(start + 1, i);
    // Escapes and non-ASCII text are decoded as JSON.parse would, and written back as JSON.stringify does.
    let value: string;
    try {
      value = JSON.parse(this.bytes.toString('utf8', this.byteAt(start), this.byteAt(i + 1))) as string;
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      return this.fail();
    }
    this.replace(start, i + 1, JSON.stringify(value));
    return value;
  }

  /**
   * Steps over a string whose value is not kept (outside a captured member), failing where
   * `string()` would, without decoding it: one native match.
   */
  private skipString(): void {
    if (this.text.charCodeAt(this.pos) !== QUOTE) this.fail();
    JSON_STRING_BODY.lastIndex = this.pos + 1;
    JSON_STRING_BODY.test(this.text);
    if (this.text.charCodeAt(JSON_STRING_BODY.lastIndex) !== QUOTE) this.fail();
    this.pos = JSON_STRING_BODY.lastIndex + 1;
  }

  /** A hit count or line: a non-negative integer written as JSON.stringify writes it, below 10^15. */
  count(): number {
    const { text } = this;
    let i = this.pos;
    let c = text.charCodeAt(i);
    if (!isDigit(c)) this.fail();
    let value = c - 48;
    c = text.charCodeAt(++i);
    if (value !== 0) {
      const limit = this.pos + 15;
      while (isDigit(c)) {
        if (i === limit) this.fail();
        value = value * 10 + c - 48;
        c = text.charCodeAt(++i);
      }
    }
    if (c === DOT || c === 101 || c === 69 || isDigit(c)) this.fail();
    this.pos = i;
    return value;
  }

  private number(): void {
    const { text } = this;
    const start = this.pos;
    let i = start;
    // The usual case, a small non-negative integer, needs no text.
    if (isDigit(text.charCodeAt(i))) {
      let end = i + 1;
      if (text.charCodeAt(i) !== 48) while (isDigit(text.charCodeAt(end))) end++;
      const next = text.charCodeAt(end);
      if (end - i <= 15 && next !== DOT && next !== 101 && next !== 69 && !isDigit(next)) {
        this.pos = end;
        return;
      }
    }
    if (text.charCodeAt(i) === MINUS) i++;
    if (text.charCodeAt(i) === 48) i++;
    else if (isDigit(text.charCodeAt(i)) && text.charCodeAt(i) !== 48) while (isDigit(text.charCodeAt(i))) i++;
    else this.fail();
    if (text.charCodeAt(i) === DOT) {
      i++;
      if (!isDigit(text.charCodeAt(i))) this.fail();
      while (isDigit(text.charCodeAt(i))) i++;
    }
    if (text.charCodeAt(i) === 101 || text.charCodeAt(i) === 69) {
      i++;
      if (text.charCodeAt(i) === 43 || text.charCodeAt(i) === MINUS) i++;
      if (!isDigit(text.charCodeAt(i))) this.fail();
      while (isDigit(text.charCodeAt(i))) i++;
    }
    this.pos = i;
    const token = text.slice(start, i);
    if (CANONICAL_INTEGER.test(token) && token !== '-0') return;
    this.replace(start, i, JSON.stringify(Number(token)));
  }

  /** Any JSON value, checked and turned canonical; objects with array-index or repeated keys are not handled. */
  value(): void {
    const c = this.text.charCodeAt(this.pos);
    if (c === QUOTE) {
      // Uncaptured, a string's canonical form is not needed: only whether it is valid.
      if (this.capturing) this.string();
      else this.skipString();
    } else if (c === OPEN_BRACE) {
      if (!this.open(OPEN_BRACE, CLOSE_BRACE)) return;
      // Repeated and array-index keys change what JSON.stringify(JSON.parse(…)) writes, which only
      // matters for a captured value; an uncaptured one (a dropped source map, which Jest may record
      // as a string spread into an object of index keys) is only checked.
      const seen = this.capturing ? new Set<string>() : undefined;
      do {
        if (seen) {
          const key = this.key();
          if (seen.has(key) || ARRAY_INDEX.test(key)) this.fail();
          seen.add(key);
        } else {
          this.skipString();
          this.colon();
        }
        this.value();
      } while (this.more(CLOSE_BRACE));
    } else if (c === OPEN_BRACKET) {
      if (!this.open(OPEN_BRACKET, CLOSE_BRACKET)) return;
      do this.value();
      while (this.more(CLOSE_BRACKET));
    } else if (isDigit(c)) {
      this.number();
    } else if (!this.literal(TRUE) && !this.literal(FALSE) && !this.literal(NULL)) {
      this.number();
    }
  }

  /** A member's key and the colon after it. */
  key(): string {
    const key = this.string();
    this.colon();
    return key;
  }

  /** The colon after a member's key, with the whitespace around it. */
  private colon(): void {
    this.ws();
    this.expect(COLON);
    this.ws();
  }

  /** A member's key (and the colon) as its index in `names`, or -1; the usual spelling is compared in place. */
  knownKey(quoted: readonly string[], names: readonly string[]): number {
    let found = -1;
    for (let i = 0; i < quoted.length; i++) {
      if (this.literal(quoted[i] as string)) {
        found = i;
        break;
      }
    }
    if (found === -1) found = names.indexOf(this.string());
    this.colon();
    return found;
  }

  /** The members of an object, each key once; `onMember` reads the value. */
  members(onMember: (key: string) => void): void {
    if (!this.open(OPEN_BRACE, CLOSE_BRACE)) return;
    do onMember(this.key());
    while (this.more(CLOSE_BRACE));
  }

  /** Whether the key `"<index>"` comes next, written plainly; consumes it if so. */
  private plainIndexKey(index: number): boolean {
    const { text } = this;
    let i = this.pos;
    if (text.charCodeAt(i) !== QUOTE) return false;
    i++;
    let value = 0;
    const first = i;
    while (isDigit(text.charCodeAt(i))) value = value * 10 + text.charCodeAt(i++) - 48;
    if (text.charCodeAt(i) !== QUOTE || i === first || i - first > 15 || (text.charCodeAt(first) === 48 && i - first > 1) || value !== index) return false;
    this.pos = i + 1;
    return true;
  }

  /** An object keyed "0", "1", ... in order, as istanbul writes its maps. */
  indexed(onItem: () => void): void {
    if (!this.open(OPEN_BRACE, CLOSE_BRACE)) return;
    let i = 0;
    do {
      if (!this.plainIndexKey(i) && this.string() !== String(i)) this.fail();
      i++;
      this.colon();
      onItem();
    } while (this.more(CLOSE_BRACE));
  }

  /** `{ line, column }`: the line when it is a count, else -1. */
  position(): number {
    let line = -1;
    let seen = 0;
    if (!this.open(OPEN_BRACE, CLOSE_BRACE)) return line;
    do {
      const found = this.knownKey(POSITION_KEYS, POSITION_NAMES);
      const bit = 1 << found;
      if (found < 0 || seen & bit) this.fail();
      seen |= bit;
      if (found === 0 && isDigit(this.text.charCodeAt(this.pos))) line = this.count();
      else this.value();
    } while (this.more(CLOSE_BRACE));
    return line;
  }

  /** `{ start, end }`: the start line when it is a count, else -1. */
  location(): number {
    const compact = this.compactLocation();
    if (compact >= 0) return compact;
    let line = -1;
    let seen = 0;
    if (!this.open(OPEN_BRACE, CLOSE_BRACE)) return line;
    do {
      const found = this.knownKey(LOCATION_KEYS, LOCATION_NAMES);
      const bit = 1 << found;
      if (found < 0 || seen & bit) this.fail();
      seen |= bit;
      if (found === 0) line = this.position();
      else this.position();
    } while (this.more(CLOSE_BRACE));
    return line;
  }

  /**
   * The usual location, `{"start":{"line":1,"column":2},"end":{"line":3,"column":4}}` written
   * compactly (columns and the end line may be null): its start line, or -1 with nothing consumed.
   */
  private compactLocation(): number {
    COMPACT_LOCATION.lastIndex = this.pos;
    if (!COMPACT_LOCATION.test(this.text)) return -1;
    const { text } = this;
    let line = 0;
    for (let i = this.pos + START_LINE_AT; isDigit(text.charCodeAt(i)); i++) line = line * 10 + text.charCodeAt(i) - 48;
    this.pos = COMPACT_LOCATION.lastIndex;
    return line;
  }

  counts(): number[] {
    const counts: number[] = [];
    this.indexed(() => counts.push(this.count()));
    return counts;
  }

  branchCounts(): number[][] {
    const all: number[][] = [];
    this.indexed(() => {
      const counts: number[] = [];
      if (this.open(OPEN_BRACKET, CLOSE_BRACKET)) {
        do counts.push(this.count());
        while (this.more(CLOSE_BRACKET));
      }
      all.push(counts);
    });
    return all;
  }

  statementMap(): number[] {
    const lines: number[] = [];
    this.indexed(() => {
      const line = this.location();
      if (line < 0) this.fail();
      lines.push(line);
    });
    return lines;
  }

  /** An object's members named in `names` (each once, any order), read by `onMember(index)`. */
  private record(quoted: readonly string[], names: readonly string[], onMember: (index: number) => void): void {
    let seen = 0;
    if (!this.open(OPEN_BRACE, CLOSE_BRACE)) return;
    do {
      const found = this.knownKey(quoted, names);
      const bit = 1 << found;
      if (found < 0 || seen & bit) this.fail();
      seen |= bit;
      onMember(found);
    } while (this.more(CLOSE_BRACE));
  }

  fnMap(): ScannedFileData['fnMap'] {
    const functions: ScannedFileData['fnMap'] = [];
    this.indexed(() => {
      let name: string | undefined;
      let declLine = -1;
      this.record(FUNCTION_KEYS, FUNCTION_NAMES, (member) => {
        if (member === 0) name = this.string();
        else if (member === 1) declLine = this.location();
        else if (member === 2) this.location();
        else this.value();
      });
      // Both renderers read the declaration's line (cobertura only that one).
      if (name === undefined || declLine < 0) this.fail();
      functions.push({ name, line: declLine });
    });
    return functions;
  }

  branchMap(): ScannedFileData['branchMap'] {
    const branches: ScannedFileData['branchMap'] = [];
    this.indexed(() => {
      let locLine = -1;
      let line: number | null | undefined;
      this.record(BRANCH_KEYS, BRANCH_NAMES, (member) => {
        if (member === 0) locLine = this.location();
        else if (member === 3) {
          if (isDigit(this.text.charCodeAt(this.pos))) line = this.count();
          else if (this.literal(NULL)) line = null;
          else this.fail();
        } else if (member === 2 && this.text.charCodeAt(this.pos) === OPEN_BRACKET) {
          if (this.open(OPEN_BRACKET, CLOSE_BRACKET)) {
            do this.location();
            while (this.more(CLOSE_BRACKET));
          }
        } else this.value();
      });
      if (locLine < 0) this.fail();
      branches.push({ locLine, line });
    });
    return branches;
  }

  entry(key: string): ScannedFileCoverage {
    const before: JsonPiece[][] = [];
    const after: JsonPiece[][] = [];
    const data: Partial<ScannedFileData> = {};
    const seen = new Set<EntryMember>();
    let hasPath = false;
    this.members((name) => {
      const member = MEMBER_KEYS.has(name) ? (name as EntryMember) : undefined;
      if (member === undefined || seen.has(member)) this.fail();
      seen.add(member);
      if (member === 'path' || member === 'inputSourceMap') {
        // Replaced by the workspace-relative path, or dropped: only checked (a long source map before the scan).
        if (member === 'path' || !this.elided()) this.value();
        hasPath ||= member === 'path';
        return;
      }
      this.begin();
      if (member === 'statementMap') data.statementLines = this.statementMap();
      else if (member === 'fnMap') data.fnMap = this.fnMap();
      else if (member === 'branchMap') data.branchMap = this.branchMap();
      else if (member === 's') data.s = this.counts();
      else if (member === 'f') data.f = this.counts();
      else if (member === 'b') data.b = this.branchCounts();
      else if (member === 'bT') data.bT = this.branchCounts();
      else if (member === 'all') {
        if (!this.literal(TRUE) && !this.literal(FALSE)) this.fail();
      } else this.string();
      (hasPath ? after : before).push([MEMBER_KEYS.get(member) as string, ...this.end()]);
    });
    if (!data.statementLines || !data.fnMap || !data.branchMap || !data.s || !data.f || !data.b) this.fail();
    const jsonPieces = (path: string): JsonPiece[] => {
      const pieces: JsonPiece[] = ['{'];
      const add = (member: JsonPiece[]): void => {
        if (pieces.length > 1) pieces.push(',');
        pieces.push(...member);
      };
      before.forEach(add);
      add([`"path":${JSON.stringify(path)}`]);
      after.forEach(add);
      pieces.push('}');
      return pieces;
    };
    return { key, data: data as ScannedFileData, jsonPieces };
  }

  file(): ScannedCoverage {
    const entries: ScannedFileCoverage[] = [];
    const keys = new Set<string>();
    this.ws();
    this.members((key) => {
      // JSON.parse would keep the last of repeated keys and list array-index keys first.
      if (keys.has(key) || ARRAY_INDEX.test(key) || this.text.charCodeAt(this.pos) !== OPEN_BRACE) this.fail();
      keys.add(key);
      entries.push(this.entry(key));
    });
    this.ws();
    // A `null` left for a source map somewhere else than an entry's inputSourceMap: not the shape known.
    if (this.pos !== this.text.length || this.consumed !== this.elisions.length) this.fail();
    return new ScannedCoverage(entries);
  }
}

/**
 * Parses a coverage-final.json from its bytes (or text). Input in the shape istanbul instrumenters
 * and v8-to-istanbul write (any whitespace) is read without building its objects: the result is a
 * `ScannedCoverage` holding each file's canonical JSON text and the few values the merge needs,
 * which `CoverageMerger` takes like the parsed object. Anything else is returned by `JSON.parse` of
 * the UTF-8 text (which throws a SyntaxError on text that is not JSON).
 */
export function parseCoverageJson(input: Uint8Array | string): unknown {
  // Text with unpaired surrogates has no UTF-8 form to scan; JSON.parse keeps them.
  if (typeof input === 'string' && /[\ud800-\udfff]/.test(input)) return JSON.parse(input) as unknown;
  const bytes = typeof input === 'string' ? Buffer.from(input) : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  try {
    return new Scanner(bytes).file();
  } catch (error) {
    // Not the shape the scanner knows (or nested too deeply for it): the general parser decides.
    if (error !== BAIL && !(error instanceof RangeError)) throw error;
    return JSON.parse(typeof input === 'string' ? input : bytes.toString()) as unknown;
  }
}
