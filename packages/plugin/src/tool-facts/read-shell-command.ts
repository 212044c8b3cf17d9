/** One word of a shell command line, as the program receives it. */
export interface ShellWord {
  word: string;
  /** Whether the shell would change the word before the program sees it (an expansion, a glob). */
  dynamic: boolean;
}

/**
 * The simple commands of a POSIX shell command line (a package.json script, a run-commands command),
 * split at `&&`, `||`, `;`, `|`, `&` and parentheses, each as its words, with quotes and backslashes
 * read as sh reads them. A word the shell would change before the program sees it is `dynamic`: an
 * unquoted or double-quoted `$` or backquote, a leading `~`, an unquoted glob character (sh expands
 * `src/*.ts` into the files it matches). Undefined for an unterminated quote.
 */
export function readShellCommand(command: string): ShellWord[][] | undefined {
  const commands: ShellWord[][] = [[]];
  let word: string | undefined;
  let dynamic = false;
  const endWord = (): void => {
    if (word !== undefined) commands[commands.length - 1]!.push({ word, dynamic });
    word = undefined;
    dynamic = false;
  };
  const endCommand = (): void => {
    endWord();
    if (commands[commands.length - 1]!.length > 0) commands.push([]);
  };
  for (let index = 0; index < command.length; index++) {
    const char = command[index]!;
    if (char === ' ' || char === '\t') {
      endWord();
      continue;
    }
    if (char === '\n' || char === ';' || char === '|' || char === '&' || char === '(' || char === ')') {
      endCommand();
      continue;
    }
    word ??= '';
    if (char === "'") {
      const close = command.indexOf("'", index + 1);
      if (close < 0) return undefined;
      word += command.slice(index + 1, close);
      index = close;
    } else if (char === '"') {
      let close = index + 1;
      for (; close < command.length && command[close] !== '"'; close++) {
        const inner = command[close]!;
        if (inner === '\\' && close + 1 < command.length && '"\\$`'.includes(command[close + 1]!)) {
          word += command[++close];
        } else {
          if (inner === '$' || inner === '`') dynamic = true;
          word += inner;
        }
      }
      if (close >= command.length) return undefined;
      index = close;
    } else if (char === '\\' && index + 1 < command.length) {
      word += command[++index];
    } else {
      if (char === '$' || char === '`' || char === '*' || char === '?' || char === '[' || (char === '~' && word === '')) dynamic = true;
      word += char;
    }
  }
  endWord();
  return commands.filter((words) => words.length > 0);
}
