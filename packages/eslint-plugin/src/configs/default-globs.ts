const CODE_EXTENSIONS = '{ts,tsx,mts,cts,js,jsx,mjs,cjs}';

/** Every JS/TS file. */
export const DEFAULT_CODE_FILES = [`**/*.${CODE_EXTENSIONS}`];

/** Test files by the usual Jest/Vitest conventions. */
export const DEFAULT_TEST_FILES = [`**/*.{spec,test}.${CODE_EXTENSIONS}`, `**/__tests__/**/*.${CODE_EXTENSIONS}`];
