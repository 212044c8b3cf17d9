import { z } from 'zod';
import { listCapOption } from '../../shared/list-cap-option';
import { resultsDirOption } from '../../shared/results-dir-option';
import { taskEnvironmentOptionsShape } from '../../shared/task-environment-options';

/** Options of the `typecheck` executor; `schema.json` is generated from this (`npm run schemas`). */
export const optionsSchema = z
  .strictObject({
    ...taskEnvironmentOptionsShape,
    tsConfig: z
      .string()
      .min(1)
      .default('{projectRoot}/tsconfig.json')
      .describe('Workspace-relative entry tsconfig; its references inside the project are followed as `tsc -b` does. {projectRoot} is substituted.'),
    strictnessLadder: z
      .boolean()
      .default(false)
      .describe('Also measure how many errors each stricter compiler flag not yet enabled would add (costs one extra check per flag).'),
    diagnosticsCap: listCapOption(500, 'diagnostics listed in typecheck.json (errors first)'),
    resultsDir: resultsDirOption('Workspace-relative folder of typecheck.json; {projectRoot} and {projectName} are substituted.'),
  })
  .meta({ title: 'Typecheck', description: 'Options of @nx-quality/plugin:typecheck' });

/** Options as written in project.json / nx.json. */
export type TypecheckExecutorOptions = z.input<typeof optionsSchema>;
/** Options after defaults. */
export type ParsedTypecheckOptions = z.output<typeof optionsSchema>;
