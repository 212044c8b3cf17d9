// ESC/CSI sequences (colors, cursor moves) as terminals and Jest's formatter emit them.
// eslint-disable-next-line no-control-regex
const ANSI_PATTERN = /[\u001b\u009b][[\]()#;?]*(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-ORZcf-nqry=><~]|\][^\u0007]*\u0007)/g;

/** Removes ANSI escape codes from tool output. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI_PATTERN, '');
}

/** The first `maxLines` lines of a failure message before its stack trace, ANSI stripped, for result files. */
export function firstMessageLines(text: string, maxLines = 8): string {
  const all = stripAnsi(text)
    .split(/\r?\n/)
    .map((line) => line.trimEnd());
  const stackStart = all.findIndex((line) => /^\s+at /.test(line));
  const lines = stackStart > 0 ? all.slice(0, stackStart) : all;
  const start = lines.findIndex((line) => line.trim() !== '');
  if (start < 0) return '';
  const kept = lines.slice(start, start + maxLines);
  const more = lines.slice(start + maxLines).some((line) => line.trim() !== '');
  return `${kept.join('\n').trimEnd()}${more ? '\n…' : ''}`;
}
