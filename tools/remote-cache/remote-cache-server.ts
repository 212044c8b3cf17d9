// A self-hosted Nx remote cache on a loopback port, following the OpenAPI specification Nx publishes for
// `NX_SELF_HOSTED_REMOTE_CACHE_SERVER` (Nx ≥ 20.8): `PUT /v1/cache/{hash}` stores a task's output archive,
// `GET /v1/cache/{hash}` returns it, both behind a bearer token. Nx writes and reads the archives itself;
// the server stores the bytes as they came. Small on purpose: the e2e uses it to show that results
// survive a cache round trip between machines.
import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** Who may do what: every token may read; only `readWrite` tokens may store. */
export interface RemoteCacheServerOptions {
  /** Folder the archives are stored in, one file per hash (created if missing). */
  storageDir: string;
  /** Tokens that may read and store. */
  readWriteTokens: string[];
  /** Tokens that may only read (the spec's example of a 403: a read-only token used to write). */
  readOnlyTokens?: string[];
  /** Loopback port; 0 (the default) takes a free one. */
  port?: number;
  /** Called with every request once it is answered. */
  onRequest?: (request: RemoteCacheRequest) => void;
}

/** One request as the server answered it, for tests to assert on instead of Nx's console output. */
export interface RemoteCacheRequest {
  method: string;
  /** The `{hash}` of `/v1/cache/{hash}`, when the path had that shape. */
  hash?: string;
  status: number;
  /** Body bytes stored (PUT 200) or sent (GET 200). */
  bytes: number;
}

export interface RemoteCacheServer {
  /** Base URL for `NX_SELF_HOSTED_REMOTE_CACHE_SERVER`, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Every request answered so far, in order. */
  readonly requests: readonly RemoteCacheRequest[];
  close(): Promise<void>;
}

// Nx task hashes are decimal digits; anything else (a dot, a slash) could name a file outside the store.
const CACHE_PATH = /^\/v1\/cache\/([A-Za-z0-9_-]{1,128})$/;

/** Starts the server on 127.0.0.1 and resolves once it listens. */
export async function startRemoteCacheServer(options: RemoteCacheServerOptions): Promise<RemoteCacheServer> {
  mkdirSync(options.storageDir, { recursive: true });
  const readWrite = new Set(options.readWriteTokens);
  const readOnly = new Set(options.readOnlyTokens ?? []);
  const requests: RemoteCacheRequest[] = [];

  const server = createServer((req, res) => {
    const match = CACHE_PATH.exec(req.url ?? '');
    const hash = match?.[1];
    const record = (status: number, bytes: number) => {
      const request: RemoteCacheRequest = { method: req.method ?? '', ...(hash ? { hash } : {}), status, bytes };
      requests.push(request);
      options.onRequest?.(request);
    };
    const answer = (status: number, message?: string, bytes = 0) => {
      record(status, bytes);
      // Nx shows a 401's body to the user only when it is text/plain.
      if (message === undefined) res.writeHead(status).end();
      else res.writeHead(status, { 'Content-Type': 'text/plain' }).end(message);
    };
    if (!hash) return drain(req, () => answer(404, `Not found: the remote cache serves /v1/cache/{hash} only, not ${req.url}`));
    if (req.method !== 'GET' && req.method !== 'PUT') return drain(req, () => answer(405, `Method ${req.method} is not allowed: use GET or PUT`));

    const token = bearerToken(req);
    if (token === undefined || (!readWrite.has(token) && !readOnly.has(token))) {
      return drain(req, () =>
        answer(401, `Missing or invalid authentication token for the remote cache: set NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN to a token this server accepts.`),
      );
    }
    const file = join(options.storageDir, hash);
    if (req.method === 'GET') return get(file, res, record);
    if (!readWrite.has(token)) return drain(req, () => answer(403, `Access forbidden: this token may read the remote cache but not write to it.`));
    return put(req, file, options.storageDir, answer);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** The token of an `Authorization: Bearer <token>` header. */
function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/** Reads and discards a request body before answering (a client still sending would see a reset). */
function drain(req: IncomingMessage, then: () => void): void {
  req.resume();
  req.once('end', then);
}

function get(file: string, res: ServerResponse, done: (status: number, bytes: number) => void): void {
  if (!existsSync(file)) {
    done(404, 0);
    res.writeHead(404).end();
    return;
  }
  const size = statSync(file).size;
  // Recorded as the answer starts: a client may have read the whole body before 'finish' fires here.
  done(200, size);
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': size });
  createReadStream(file).pipe(res);
}

/**
 * Stores the body under the hash. An entry is never replaced (409, as the spec says), and a body
 * shorter or longer than its Content-Length is refused: a cut-off upload must not become an entry
 * that every later run would fail to unpack.
 */
function put(req: IncomingMessage, file: string, storageDir: string, answer: (status: number, message?: string, bytes?: number) => void): void {
  const declared = Number(req.headers['content-length']);
  if (req.headers['content-length'] === undefined || !Number.isInteger(declared) || declared < 0) {
    return drain(req, () => answer(400, 'Missing or invalid Content-Length header: send the archive size in bytes.'));
  }
  if (existsSync(file)) return drain(req, () => answer(409, 'Cannot override an existing record.'));
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.once('end', () => {
    const body = Buffer.concat(chunks);
    if (body.length !== declared) return answer(400, `The body has ${body.length} bytes, Content-Length says ${declared}: nothing was stored.`);
    if (existsSync(file)) return answer(409, 'Cannot override an existing record.');
    // Written beside the store and renamed, so a reader never sees half an archive.
    const partial = join(storageDir, `.partial-${randomUUID()}`);
    writeFileSync(partial, body);
    renameSync(partial, file);
    answer(200, undefined, body.length);
  });
}
