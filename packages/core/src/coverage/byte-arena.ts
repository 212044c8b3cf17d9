const SLAB_BYTES = 4 << 20;
// Short texts (separators, keys, paths) are copied here: cheaper than a call into the encoder.
const SHORT_TEXT = 64;

function writeShort(slab: Buffer, text: string, start: number): number {
  let at = start;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128) return start + slab.write(text, start);
    slab[at++] = code;
  }
  return at;
}

/**
 * Keeps many small texts as UTF-8 in a few large buffers outside the JavaScript heap: the garbage
 * collector neither copies nor scans them, and they are written to files without encoding again.
 */
export class ByteArena {
  private slab = Buffer.allocUnsafeSlow(0);
  private used = 0;

  /** Copies the pieces (strings as UTF-8) one after another and returns a view of the bytes. */
  store(pieces: readonly (string | Uint8Array)[]): Buffer {
    let bound = 0;
    for (const piece of pieces) bound += typeof piece === 'string' ? piece.length * 3 : piece.length;
    if (this.used + bound > this.slab.length) {
      this.slab = Buffer.allocUnsafeSlow(Math.max(SLAB_BYTES, bound));
      this.used = 0;
    }
    const start = this.used;
    let at = start;
    const { slab } = this;
    for (const piece of pieces) {
      if (typeof piece === 'string') {
        at = piece.length <= SHORT_TEXT ? writeShort(slab, piece, at) : at + slab.write(piece, at);
      } else {
        slab.set(piece, at);
        at += piece.length;
      }
    }
    this.used = at;
    return this.slab.subarray(start, at);
  }
}
