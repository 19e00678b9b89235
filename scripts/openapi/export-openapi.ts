/**
 * Starts the compiled API (RUN_WORKERS=false, its own data dir and queue prefix), reads its /docs-json and writes
 * openapi.json and the typed client's schema. Run with `npm run openapi` after changing a route or a DTO.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLIENT_SCHEMA_FILE, OPENAPI_FILE, renderClientSchema, renderOpenApi } from './openapi-artifacts.js';

// npm runs scripts in the project's root.
const PROJECT_ROOT = process.cwd();
const API_ENTRY = fileURLToPath(new URL('../../src/main.js', import.meta.url));
const START_TIMEOUT_MS = 60_000;

const dataDir = mkdtempSync(join(tmpdir(), 'docai-openapi-'));
const port = await freePort();
const api = spawn(process.execPath, [API_ENTRY], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(port),
    RUN_WORKERS: 'false',
    QUEUE_PREFIX: `openapi-${randomBytes(4).toString('hex')}`,
    DATA_DIR: dataDir,
    EMBEDDED_DB_PORT: '0',
    JWT_SECRET: randomBytes(32).toString('hex'),
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
  },
});
try {
  const document = await readDocument(`http://127.0.0.1:${port}/docs-json`, api);
  await writeFile(join(PROJECT_ROOT, OPENAPI_FILE), renderOpenApi(document));
  await writeFile(join(PROJECT_ROOT, CLIENT_SCHEMA_FILE), await renderClientSchema(document));
  console.log(`wrote ${OPENAPI_FILE} and ${CLIENT_SCHEMA_FILE}`);
} finally {
  api.kill('SIGTERM');
  await new Promise((resolve) => (api.exitCode === null ? api.once('exit', resolve) : resolve(undefined)));
  rmSync(dataDir, { recursive: true, force: true });
}

async function readDocument(url: string, child: ChildProcess): Promise<unknown> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode} before answering`);
    try {
      const response = await fetch(url);
      if (response.ok) return await response.json();
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the API did not answer ${url} within ${START_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
