/**
 * Line and column of the first stack frame that points into `absoluteFile` (where a test failed),
 * read from an error's stack or a message that embeds it. Undefined when no frame points there.
 */
export function positionInStack(stack: string, absoluteFile: string): { line: number; column: number } | undefined {
  for (const marker of [`${absoluteFile}:`, `file://${absoluteFile}:`]) {
    let at = stack.indexOf(marker);
    while (at >= 0) {
      const match = /^(\d+):(\d+)/.exec(stack.slice(at + marker.length));
      if (match) return { line: Number(match[1]), column: Number(match[2]) };
      at = stack.indexOf(marker, at + 1);
    }
  }
  return undefined;
}
