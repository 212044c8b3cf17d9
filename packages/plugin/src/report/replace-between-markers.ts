import { QualityError } from '@nx-quality/core';

/** Where a generated section of a README goes: its two markers, and what to say when they are missing. */
export interface GeneratedSection {
  start: string;
  end: string;
  /** Error code when the markers are missing, e.g. `CONFIG_REFERENCE_MARKERS_MISSING`. */
  code: string;
  /** What the section is, for the message ("the generated config reference section"). */
  what: string;
}

/** The text with what lies between the section's markers (markers included) replaced by `content`. */
export function replaceBetweenMarkers(text: string, section: GeneratedSection, content: string): string {
  const start = text.indexOf(section.start);
  const end = text.indexOf(section.end);
  if (start < 0 || end < start) {
    throw new QualityError(section.code, `the README has no ${section.what}`, { hint: `Put ${section.start} and ${section.end} where it belongs.` });
  }
  return `${text.slice(0, start)}${content}${text.slice(end + section.end.length)}`;
}
