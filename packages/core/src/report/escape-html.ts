import { stripAnsi } from './strip-ansi';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes a string for HTML text and quoted attribute values (ANSI sequences removed first). */
export function escapeHtml(text: string): string {
  return stripAnsi(text).replace(/[&<>"']/g, (char) => ENTITIES[char] as string);
}
