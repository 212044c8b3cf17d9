// CSI/OSC escape sequences as terminals and test runners emit them (colors, cursor moves, hyperlinks).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ANSI_PATTERN = /[\u001b\u009b](?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;

/** Removes ANSI escape sequences from text recorded from user code or tool output. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI_PATTERN, '');
}
