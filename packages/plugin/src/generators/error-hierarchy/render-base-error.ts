import type { HierarchyModel } from './hierarchy-model';

/** Source of the base error class: code, details, ES2022 `cause`, HTTP status, `toJSON`. */
export function renderBaseError(model: HierarchyModel): string {
  const { className, httpStatus, description } = model.base;
  const hasStatus = httpStatus !== undefined;
  const statusDefault = hasStatus ? `options.httpStatus ?? ${httpStatus}` : 'options.httpStatus';
  // With a default status the field is always set, so toJSON has no branch that tests could never reach.
  const statusField = hasStatus ? 'number' : 'number | undefined';
  const statusJson = hasStatus
    ? 'httpStatus: this.httpStatus,'
    : '...(this.httpStatus === undefined ? {} : { httpStatus: this.httpStatus }),';
  return `/** Options every error of the ${className} hierarchy accepts; \`cause\` is the ES2022 one. */
export interface ${className}Options extends ErrorOptions {
  /** Structured, serialisable context (ids, limits, …); never secrets. */
  details?: Record<string, unknown>;
  /** HTTP status to answer with when the error reaches an HTTP boundary. */
  httpStatus?: number;
}

/** JSON shape of a serialised ${className} (what \`toJSON\` returns). */
export interface Serialized${className} {
  name: string;
  code: string;
  message: string;
  details: Record<string, unknown>;
  httpStatus?: number;
  cause?: { name: string; message: string } | string;
}

/** ${description} */
export class ${className} extends Error {
  /** Stable machine-readable code, e.g. for API responses and logs. */
  readonly code: string;
  readonly details: Record<string, unknown>;
  readonly httpStatus: ${statusField};

  constructor(code: string, message: string, options: ${className}Options = {}) {
    super(message, options);
    // Subclass name and prototype stay right even when compiled to ES5 or minified names are kept.
    this.name = new.target.name;
    Object.setPrototypeOf(this, new.target.prototype);
    this.code = code;
    this.details = options.details ?? {};
    this.httpStatus = ${statusDefault};
  }

  /** Plain-object form for logs and API responses (Error's own fields are not enumerable). */
  toJSON(): Serialized${className} {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      details: this.details,
      ${statusJson}
      ...(this.cause === undefined ? {} : { cause: serializeCause(this.cause) }),
    };
  }
}

function serializeCause(cause: unknown): { name: string; message: string } | string {
  return cause instanceof Error ? { name: cause.name, message: cause.message } : String(cause);
}
`;
}
