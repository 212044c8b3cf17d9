import type { TestFailure } from '@nx-quality/core';
import { firstMessageLines } from './first-message-lines';

/** A failing test as test.json records it, at its position where the runner gave a real (1-based) one. */
export function testFailureAt(file: string, fullName: string, text: string, position: { line: number; column: number } | undefined): TestFailure {
  return {
    file,
    fullName,
    message: firstMessageLines(text),
    ...(position && position.line > 0 ? { line: position.line } : {}),
    ...(position && position.column > 0 ? { column: position.column } : {}),
  };
}
