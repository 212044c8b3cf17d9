const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;
const ESCAPED: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * JSON safe inside `<script type="application/json">`: `<` (so `</script>` and `<!--` cannot end
 * or alter the element), `>`, `&` and the JavaScript line separators are written as `\u` escapes.
 */
export function embedJsonInHtml(value: unknown): string {
  // One pass over the text, however large the report.
  return JSON.stringify(value).replace(UNSAFE_IN_SCRIPT, (character) => ESCAPED[character] as string);
}
