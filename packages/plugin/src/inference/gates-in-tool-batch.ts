import { nxMajor } from '../tool-facts/nx-major';

/** The first Nx major that hashes a batch task again, once the batch ran, when its dependencies' outputs are among its inputs. */
const FIRST_NX_MAJOR = 23;

/**
 * Whether the quality target can use the tool executor, so that its tasks join the tools' batch:
 * each project's gates are then evaluated the moment its tools finish, in the batch process, instead
 * of in a second batch process Nx starts after the slowest project. Nx hashes a batch's tasks before
 * it runs them, and a quality task's hash covers its tools' result files
 * (`dependentTasksOutputFiles`), which the batch is about to replace. Nx 23 hashes such a task again
 * after the batch and caches it under that hash; Nx 22 caches it under the first one, so a later run
 * could restore gates evaluated on other results. `nxVersion` is the workspace's installed Nx
 * (`installedNxVersion`); unknown keeps the quality executor.
 */
export function gatesInToolBatch(nxVersion: string | undefined): boolean {
  const major = nxMajor(nxVersion);
  return major !== undefined && major >= FIRST_NX_MAJOR;
}
