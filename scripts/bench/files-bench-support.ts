/**
 * Shared by the files benchmarks (upload-memory, pipeline): starts the compiled API as a child process under a queue
 * prefix and data dir of its own, logs in, streams a generated text file as a multipart upload, cleans up.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { delay, freePort, REDIS_URL, waitUntil } from './bench-util.js';

const ADMIN = { email: 'bench-admin@example.com', password: 'bench-password-123' };
const WORDS =
  'the quarterly revenue of each business unit changed after Acme Corporation merged with Globex Industries in Berlin'.split(' ');

export interface BenchApi {
  base: string;
  port: number;
  pid: number;
  token: string;
  stop(): Promise<void>;
}

export async function startApi(env: Record<string, string>): Promise<BenchApi> {
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'docai-bench-'));
  const apiEntry = fileURLToPath(new URL('../../src/main.js', import.meta.url));
  const api: ChildProcess = spawn(process.execPath, [apiEntry], {
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
    await waitUntil(async () => (await fetch(`${base}/health/ready`).catch(() => undefined))?.ok === true, 120_000);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const token = ((await login.json()) as { data: { access_token: string } }).data.access_token;
    return { base, port, pid: api.pid!, token, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Streams `bytes` of generated UTF-8 text as the `file` part of POST /api/v1/files; never held whole in memory. */
export function uploadGeneratedText(api: BenchApi, bytes: number, filename: string): Promise<{ status: number; body: string }> {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      'Content-Type: text/plain\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const block = textBlock(1024 * 1024, randomBytes(4).toString('hex'));
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: api.port,
        path: '/api/v1/files',
        method: 'POST',
        headers: {
          authorization: `Bearer ${api.token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': head.length + bytes + tail.length,
        },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        const part = sent + block.length <= bytes ? block : block.subarray(0, bytes - sent);
        sent += part.length;
        if (!req.write(part)) return void req.once('drain', pump);
      }
      req.end(tail);
    };
    req.write(head);
    pump();
  });
}

/** One block of sentence-like ASCII text, made unique by `salt` so uploads are never duplicates. */
function textBlock(size: number, salt: string): Buffer {
  let text = '';
  for (let n = 0; text.length < size; n++) {
    text += `Paragraph ${salt}-${n}: ` + Array.from({ length: 16 }, (_, i) => WORDS[(n * 7 + i * 3) % WORDS.length]).join(' ') + '.\n\n';
  }
  return Buffer.from(text.slice(0, size), 'ascii');
}







