/**
 * Actions the workflow uses, pinned to their current major tags (checked against each action's
 * releases when this list was last updated; bump a major here, nowhere else).
 */
export const PINNED_ACTIONS = {
  checkout: 'actions/checkout@v6',
  setupNode: 'actions/setup-node@v6',
  setShas: 'nrwl/nx-set-shas@v5',
  uploadSarif: 'github/codeql-action/upload-sarif@v4',
  uploadArtifact: 'actions/upload-artifact@v7',
} as const;
