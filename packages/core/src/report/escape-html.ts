import { stripAnsi } from '../text/strip-ansi';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes a string for HTML text and quoted attribute values (ANSI sequences and control characters removed first). */
export function escapeHtml(text: string): string {
  return stripAnsi(text)
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[&<>"']/g, (char) => ENTITIES[char] as string);
}
