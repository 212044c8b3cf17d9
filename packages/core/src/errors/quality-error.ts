/** Base class of every error nx-quality throws on purpose; `code` is stable, `hint` says how to fix it. */
export class QualityError extends Error {
  readonly code: string;
  readonly hint?: string;
  readonly file?: string;

  constructor(code: string, message: string, options: { cause?: unknown; hint?: string; file?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = options.hint;
    this.file = options.file;
    Object.setPrototypeOf(this, new.target.prototype);
  }

  /** Message and hint as one block, for terminal output. */
  describe(): string {
    return this.hint ? `${this.message}\n  Fix: ${this.hint}` : this.message;
  }

  toJSON(): { name: string; code: string; message: string; hint?: string; file?: string } {
    return { name: this.name, code: this.code, message: this.message, hint: this.hint, file: this.file };
  }
}
