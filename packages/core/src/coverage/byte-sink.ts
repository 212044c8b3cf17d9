const CHUNK_BYTES = 1 << 20;
// Text is gathered in a string first: appending to a string and encoding it in one call beats
// encoding many small pieces.
const PENDING_CHARS = 1 << 16;

/**
 * Collects UTF-8 output in buffers of about a megabyte, so a renderer can write small pieces and
 * hand over full buffers (`drain`) for writing as it goes, never holding a whole file.
 */
export class ByteSink {
  private pending = '';
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private at = 0;
  private full: Buffer[] = [];

  /** Appends text. */
  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= PENDING_CHARS) this.encodePending();
  }

  /** The buffers filled so far (each handed over once). */
  drain(): Buffer[] {
    const full = this.full;
    this.full = [];
    return full;
  }

  /** Every remaining byte, as buffers; the sink starts empty again. */
  finish(): Buffer[] {
    this.encodePending();
    if (this.at > 0) this.full.push(this.buffer.subarray(0, this.at));
    this.buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    this.at = 0;
    return this.drain();
  }

  private encodePending(): void {
    const text = this.pending;
    if (text === '') return;
    this.pending = '';
    this.room(text.length * 3);
    this.at += this.buffer.write(text, this.at);
  }

  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    if (this.at > 0) this.full.push(this.buffer.subarray(0, this.at));
    this.buffer = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
    this.at = 0;
  }
}
