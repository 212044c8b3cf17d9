/** Lines of a text as ESLint's max-lines counts them (a final newline does not start a line). */
export function countLines(text: string): number {
  if (text === '') return 0;
  const lines = text.split(/\r\n|[\r\n\u2028\u2029]/u);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.length;
}
