/** A TODO comment split into its tag and the text after it. */
export interface ParsedTodo {
  tag: string;
  text: string;
}

/**
 * Splits the raw comment (as ESLint's parser delimits it, delimiters included) into the tag that starts
 * it and the rest of the text, whitespace collapsed. Returns the first tag when none is found at the start.
 */
export function parseTodoComment(rawComment: string, tags: string[]): ParsedTodo {
  const body = rawComment
    .replace(/^\/\*+|\*+\/$|^\/\/+/g, '')
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[*\-/]*\s?/, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  const lowered = body.toLowerCase();
  const tag = tags.find((candidate) => lowered.startsWith(candidate.toLowerCase())) ?? tags[0] ?? 'TODO';
  const rest = lowered.startsWith(tag.toLowerCase()) ? body.slice(tag.length) : body;
  return { tag: tag.toUpperCase(), text: rest.replace(/^(\([^)]*\))?\s*[:\-–]?\s*/, '').trim() };
}
