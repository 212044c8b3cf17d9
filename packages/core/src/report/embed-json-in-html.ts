/**
 * JSON safe inside `<script type="application/json">`: `<` (so `</script>` and `<!--` cannot end
 * or alter the element), `>`, `&` and the JavaScript line separators are written as `\u` escapes.
 */
export function embedJsonInHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
