import { stripAnsi } from '@nx-quality/core';

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
