import { markdownCodeSpan } from './markdown-code-span';

describe('markdownCodeSpan', () => {
  it('keeps comparison operators and Markdown syntax literal, so sentences can be grepped', () => {
    expect(markdownCodeSpan('coverage.lines 63.63 < 80 (project a*b_c)')).toBe('`coverage.lines 63.63 < 80 (project a*b_c)`');
  });

  it('uses a fence longer than any backtick run inside and pads text that starts or ends with a backtick', () => {
    expect(markdownCodeSpan('a `b` c')).toBe('``a `b` c``');
    expect(markdownCodeSpan('x ``` y')).toBe('````x ``` y````');
    expect(markdownCodeSpan('`start')).toBe('`` `start ``');
    expect(markdownCodeSpan('end`')).toBe('`` end` ``');
    // CommonMark strips one space from each side when both are present: pad so none is lost.
    expect(markdownCodeSpan(' spaced ')).toBe('`  spaced  `');
  });

  it('escapes pipes only in table cells, and folds newlines and control characters', () => {
    expect(markdownCodeSpan('a | b')).toBe('`a | b`');
    expect(markdownCodeSpan('a | b', { inTable: true })).toBe('`a \\| b`');
    expect(markdownCodeSpan('one\ntwo\u001b[31m red\u001b[0m\u0007')).toBe('`one two red`');
    expect(markdownCodeSpan('')).toBe('');
  });
});
