/**
 * Starts the compiled API (src/main.js next to the compiled bench) as a child process under a queue prefix and data
 * dir of its own, logs in as its admin, and cleans everything up on stop. Shared by the benchmarks.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { delay, freePort, REDIS_URL, waitUntil } from './bench-util.js';

const ADMIN = { email: 'bench-admin@example.com', password: 'bench-password-123' };

export interface BenchApi {
  base: string;
  port: number;
  /** The API's QUEUE_PREFIX (its own, so the bench never touches other queues). */
  prefix: string;
  pid: number;
  token: string;
  /** Logs in again and replaces `token` (a long run outlives the 15-minute access token). */
  relogin(): Promise<void>;
  stop(): Promise<void>;
}

export async function startApi(env: Record<string, string>): Promise<BenchApi> {
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'docai-bench-'));
  const apiEntry = fileURLToPath(new URL('../../src/main.js', import.meta.url));
  // BENCH_API_NODE_ARGS: extra node flags for the API, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it.
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const api: ChildProcess = spawn(process.execPath, [...nodeArgs, apiEntry], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      DATA_DIR: dataDir,
      EMBEDDED_DB_PORT: '0',
      JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ...env,
    },
  });
  const exited = new Promise((resolve) => api.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    for (const name of ['file_processing', 'vectorization', 'kg_extraction']) {
      const queue = new Queue(name, { connection, prefix });
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
    await connection.quit();
    api.kill('SIGTERM');
    await Promise.race([exited, delay(15_000)]);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntil(async () => (await fetch(`${base}/health/ready`).catch(() => undefined))?.ok === true, 300_000);
    const login = async () => {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      return ((await res.json()) as { data: { access_token: string } }).data.access_token;
    };
    const bench: BenchApi = {
      base,
      port,
      prefix,
      pid: api.pid!,
      token: await login(),
      relogin: async () => void (bench.token = await login()),
      stop,
    };
    return bench;
  } catch (error) {
    await stop();
    throw error;
  }
}
