import { stripAnsi } from '../text/strip-ansi';

/**
 * Renders a string from user code as a Markdown code span, so it reads (and greps) literally:
 * `<`, `*`, `_` need no escaping because code spans are never parsed for Markdown or HTML. The fence
 * is one backtick longer than the longest backtick run inside, with a space of padding when the text
 * starts or ends with a backtick or space (CommonMark strips exactly one such space from each side).
 * In a GFM table cell, `|` still splits the row before code spans are parsed, so `inTable` escapes it
 * as `\|` (which GFM turns back into `|` inside the span).
 */
export function markdownCodeSpan(text: string, options: { inTable?: boolean } = {}): string {
  let content = stripAnsi(text)
    .replace(/\r\n|\r|\n/g, ' ')
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  if (content === '') return '';
  if (options.inTable) content = content.replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = /^[` ]|[` ]$/.test(content) && !/^ +$/.test(content) ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}
