// Runs the remote cache server in a process of its own (a test that drives Nx with spawnSync blocks its
// own event loop, so the server cannot live in it), or by hand:
//   node --import tsx tools/remote-cache/serve.ts --storage /tmp/nx-remote --token secret [--read-only-token t] [--port 0] [--log requests.jsonl]
// Prints one JSON line, {"url": "http://127.0.0.1:<port>"}, once it listens; appends every request to
// --log as a JSON line; stops on SIGTERM or SIGINT.
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startRemoteCacheServer } from './remote-cache-server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      storage: { type: 'string' },
      token: { type: 'string', multiple: true },
      'read-only-token': { type: 'string', multiple: true },
      port: { type: 'string', default: '0' },
      log: { type: 'string' },
    },
  });
  if (!values.storage || !values.token?.length) {
    process.stderr.write('usage: serve.ts --storage <dir> --token <read-write token> [--read-only-token <token>] [--port <port>] [--log <file>]\n');
    process.exit(2);
  }
  const log = values.log;
  const server = await startRemoteCacheServer({
    storageDir: values.storage,
    readWriteTokens: values.token,
    readOnlyTokens: values['read-only-token'] ?? [],
    port: Number(values.port),
    ...(log ? { onRequest: (request) => appendFileSync(log, `${JSON.stringify(request)}\n`) } : {}),
  });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
