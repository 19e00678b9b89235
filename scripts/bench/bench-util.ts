/** Helpers shared by the benchmarks (bench code only: the product never imports from scripts/). */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';
export const MIB = 1024 * 1024;

/** Resident set size of a process in bytes (Linux /proc). */
export function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, intervalMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await delay(intervalMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms`);
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

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function runBench(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      const cause = error instanceof Error && error.cause ? `\ncaused by: ${String(error.cause)}` : '';
      process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}${cause}\n`);
      process.exit(1);
    },
  );
}
