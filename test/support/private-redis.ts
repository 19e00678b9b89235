import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answersPing } from '../../src/infra/redis/redis-resolver.js';

export interface PrivateRedis {
  url: string;
  port: number;
  /** Stops the server (to test behaviour with Redis down). */
  stop(): Promise<void>;
  /** Starts it again on the same port (empty unless persistent), e.g. so an app can close cleanly after a Redis-down test. */
  restart(): Promise<void>;
}

/**
 * A redis-server of the test's own on a free port, for tests that stop Redis: the shared one on 6379 is never
 * stopped, other tests use it.
 */
export async function startPrivateRedis(options: { persistent?: boolean } = {}): Promise<PrivateRedis> {
  const port = await freePort();
  // persistent: an append-only file synced on every write, so a restart (even after SIGKILL) keeps every key.
  const persistence = options.persistent
    ? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', mkdtempSync(join(tmpdir(), 'docai-redis-'))]
    : ['--appendonly', 'no'];
  let child = await spawnRedis(port, persistence);
  return {
    url: `redis://127.0.0.1:${port}/0`,
    port,
    stop: async () => {
      if (hasExited(child)) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
    restart: async () => {
      if (!hasExited(child)) return;
      child = await spawnRedis(port, persistence);
    },
  };
}

async function spawnRedis(port: number, persistence: string[]): Promise<ChildProcess> {
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100 && !(await answersPing('127.0.0.1', port, 200)); i++) await sleep(50);
  if (!(await answersPing('127.0.0.1', port, 500))) throw new Error('private redis-server did not start');
  return child;
}

/** exitCode stays null for a process killed by a signal: check both. */
function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
