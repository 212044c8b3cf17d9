import type { TodoCategory, TodoItem } from '@nx-quality/core';
import { categorizeTodo } from './categorize-todo';
import { parseTodoComment } from './parse-todo-comment';
import type { HealthLintMessage } from './run-health-eslint';

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/gu;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(LINE_BREAK)) starts.push((match.index ?? 0) + match[0].length);
  return starts;
}

/**
 * Turns no-warning-comments messages into TODO items. ESLint's parser delimits each comment (the message
 * spans it from start to end), so the text is cut from the file at exactly that range and then sorted into
 * a category by keyword.
 */
export function collectTodos(
  messages: HealthLintMessage[],
  readText: (projectFile: string) => string | undefined,
  toWorkspacePath: (projectFile: string) => string,
  tags: string[],
  categories: Record<string, string[]>,
): TodoItem[] {
  const starts = new Map<string, number[]>();
  const todos: TodoItem[] = [];
  for (const message of messages) {
    const text = readText(message.file) ?? '';
    if (!starts.has(message.file)) starts.set(message.file, lineStarts(text));
    const fileStarts = starts.get(message.file) as number[];
    const offset = (line: number, column: number): number => (fileStarts[line - 1] ?? text.length) + column - 1;
    const from = offset(message.line, message.column);
    const lineEnd = text.indexOf('\n', from);
    const to = message.endLine && message.endColumn ? offset(message.endLine, message.endColumn) : lineEnd < 0 ? text.length : lineEnd;
    const { tag, text: body } = parseTodoComment(text.slice(from, to), tags);
    const category: TodoCategory = categorizeTodo(body, categories);
    todos.push({ file: toWorkspacePath(message.file), line: message.line, tag, category, text: body });
  }
  return todos;
}
