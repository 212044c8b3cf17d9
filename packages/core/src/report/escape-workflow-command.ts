import { stripAnsi } from '../text/strip-ansi';

/** Escapes the message part of a GitHub Actions workflow command (`%`, CR, LF). */
export function escapeWorkflowData(text: string): string {
  return stripAnsi(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command (`file=`, `title=`): also `:` and `,`. */
export function escapeWorkflowProperty(text: string): string {
  return escapeWorkflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
