import { stripAnsi } from '../text/strip-ansi';

/**
 * Makes a string from user code safe inside a GitHub Markdown table cell or inline text: ANSI and
 * control characters removed, newlines folded to spaces, HTML neutralised (GitHub renders some raw
 * HTML), and Markdown syntax (pipes, backticks, emphasis, links, strikethrough) backslash-escaped,
 * plus a leading character that would start a block (list, heading) where the text begins a line item.
 */
export function escapeMarkdown(text: string): string {
  return stripAnsi(text)
    .replace(/\r\n|\r|\n/g, ' ')
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    .replace(/^([#+\-=])/, '\\$1');
}
