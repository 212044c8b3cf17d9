import type { Diagnostic, Program } from 'typescript';

/**
 * A program's diagnostics in the order and with the short-circuits of `tsc -p` (so the counts
 * equal tsc's): syntax errors first and, only when there are none, option, global and semantic
 * diagnostics, then declaration diagnostics for configs that emit declarations (composite).
 */
export function collectProgramDiagnostics(program: Program): Diagnostic[] {
  const all: Diagnostic[] = [...program.getConfigFileParsingDiagnostics()];
  const configCount = all.length;
  all.push(...program.getSyntacticDiagnostics());
  if (all.length !== configCount) return all;
  all.push(...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics());
  if (all.length !== configCount) return all;
  all.push(...program.getSemanticDiagnostics());
  const options = program.getCompilerOptions();
  if (all.length === configCount && (options.declaration || options.composite)) all.push(...program.getDeclarationDiagnostics());
  return all;
}
