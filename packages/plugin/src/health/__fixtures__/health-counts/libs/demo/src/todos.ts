// TODO: sanitize user input before rendering (XSS)
// FIXME: this loop is slow on large inputs
/* HACK: crash when the list is empty */
// XXX document the return value
// TODO refactor into smaller helpers
// TODO: support pagination
// TODO ask the team
// this comment mentions todo in the middle and is not one
export const marker = '// TODO not a comment';

/**
 * TODO: explain the retry policy
 */
export const retries = 3;
