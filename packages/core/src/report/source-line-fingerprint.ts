import { createHash } from 'node:crypto';

/**
 * A location-independent fingerprint of a finding: rule, workspace-relative file, message and the
 * trimmed source line (not its number, so unrelated edits above it keep the fingerprint stable).
 */
export function sourceLineFingerprint(parts: { ruleId: string; file: string; message: string; lineText?: string }): string {
  return createHash('sha256')
    .update([parts.ruleId, parts.file, parts.message, (parts.lineText ?? '').trim().replace(/\s+/g, ' ')].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}
