import { toWorkspacePath, type TypeDiagnostic } from '@nx-quality/core';
import type { Diagnostic } from 'typescript';
import type { TypeScriptModule } from './resolve-typescript';

const CATEGORIES = ['warning', 'error', 'suggestion', 'message'] as const;

/** A TypeScript diagnostic as recorded: `TS` code, flattened message chain, workspace-relative file and 1-based position. */
export function toTypeDiagnostic(ts: TypeScriptModule, diagnostic: Diagnostic, workspaceRoot: string, tsconfig: string): TypeDiagnostic {
  const message = ts
    .flattenDiagnosticMessageText(diagnostic.messageText, '\n')
    // Results are cached and replayed elsewhere: no absolute workspace paths in messages.
    .replaceAll(`${workspaceRoot}/`, '');
  const recorded: TypeDiagnostic = {
    code: `TS${diagnostic.code}`,
    category: CATEGORIES[diagnostic.category] ?? 'error',
    message,
    tsconfig,
  };
  if (diagnostic.file) {
    recorded.file = toWorkspacePath(workspaceRoot, diagnostic.file.fileName);
    if (diagnostic.start !== undefined) {
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      recorded.line = line + 1;
      recorded.column = character + 1;
    }
  }
  return recorded;
}
