import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRemoteCacheServer, type RemoteCacheServer } from './remote-cache-server';

let storageDir: string;
let server: RemoteCacheServer;

beforeEach(async () => {
  storageDir = mkdtempSync(join(tmpdir(), 'nxq-remote-cache-spec-'));
  server = await startRemoteCacheServer({ storageDir, readWriteTokens: ['rw-token'], readOnlyTokens: ['ro-token'] });
});

afterEach(async () => {
  await server.close();
  rmSync(storageDir, { recursive: true, force: true });
});

const archive = Buffer.from('a tar.gz archive as Nx would send it');

function request(method: string, path: string, token?: string, body?: Buffer) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/octet-stream' },
    ...(body ? { body } : {}),
  });
}

describe('remote cache server (Nx self-hosted cache OpenAPI spec)', () => {
  it('listens on the loopback interface', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });

  it('stores an archive with PUT and returns the same bytes with GET', async () => {
    const put = await request('PUT', '/v1/cache/123', 'rw-token', archive);
    expect(put.status).toBe(200);
    const get = await request('GET', '/v1/cache/123', 'ro-token');
    expect({ status: get.status, type: get.headers.get('content-type') }).toEqual({ status: 200, type: 'application/octet-stream' });
    expect(Buffer.from(await get.arrayBuffer()).equals(archive)).toBe(true);
    expect(server.requests).toEqual([
      { method: 'PUT', hash: '123', status: 200, bytes: archive.length },
      { method: 'GET', hash: '123', status: 200, bytes: archive.length },
    ]);
  });

  it('answers 404 for a hash it does not hold', async () => {
    expect((await request('GET', '/v1/cache/999', 'rw-token')).status).toBe(404);
  });

  it('never overrides a record (409)', async () => {
    await request('PUT', '/v1/cache/7', 'rw-token', archive);
    const again = await request('PUT', '/v1/cache/7', 'rw-token', Buffer.from('other bytes'));
    expect(again.status).toBe(409);
    expect(Buffer.from(await (await request('GET', '/v1/cache/7', 'rw-token')).arrayBuffer()).equals(archive)).toBe(true);
  });

  it('answers a missing or wrong token with 401 and a text/plain message Nx shows', async () => {
    for (const token of [undefined, 'wrong-token']) {
      const get = await request('GET', '/v1/cache/1', token);
      expect({ token, status: get.status, type: get.headers.get('content-type'), text: await get.text() }).toEqual({
        token,
        status: 401,
        type: 'text/plain',
        text: expect.stringContaining('NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN'),
      });
      expect((await request('PUT', '/v1/cache/1', token, archive)).status).toBe(401);
    }
    expect(readdirSync(storageDir)).toEqual([]);
  });

  it('lets a read-only token read but not write (403)', async () => {
    const put = await request('PUT', '/v1/cache/5', 'ro-token', archive);
    expect({ status: put.status, text: await put.text() }).toEqual({ status: 403, text: expect.stringContaining('not write') });
    expect(readdirSync(storageDir)).toEqual([]);
  });

  it('refuses a PUT without Content-Length (400) and paths outside /v1/cache/{hash} (404)', async () => {
    const { request: raw } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = raw(`${server.url}/v1/cache/42`, { method: 'PUT', headers: { Authorization: 'Bearer rw-token', 'Transfer-Encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.once('error', reject);
      req.end(archive);
    });
    expect(status).toBe(400);
    expect((await request('GET', '/v1/cache/..%2Fescape', 'rw-token')).status).toBe(404);
    expect((await request('GET', '/v2/other', 'rw-token')).status).toBe(404);
    expect(readdirSync(storageDir)).toEqual([]);
  });
});
