/**
 * Bench of a login burst: N concurrent POST /api/v1/auth/login (argon2id, 64 MiB each) against the API with hashing
 * bounded (HASH_CONCURRENCY default 2 x CPUs, HASH_QUEUE_MAX default 100), then against an API with the bound lifted
 * (the former unbounded hasher: every login hashes at once, as far as libuv's threads allow). Prints, for each, peak
 * RSS of the API process, p50 / p95 / max latency, how many logins succeeded and how many got 503 BUSY, and a health
 * probe's latency during the burst (file I/O and DNS share libuv's threads with argon2).
 *
 * argon2 hashes on libuv's thread pool, so with its default 4 threads the pool itself caps concurrent hashes at 4;
 * deployments that raise UV_THREADPOOL_SIZE (for file I/O) lose that cap. Both APIs run with --threads (default 16)
 * threads, so the figures show what the bound holds whatever the pool size.
 *
 *   node scripts/bench/run.mjs login-burst [--logins 300] [--threads 16]
 *
 * Needs Redis on REDIS_URL (default redis://127.0.0.1:6379/0). Starts the compiled API twice (src/main.js next to
 * this compiled file), without workers, under queue prefixes and data dirs of its own.
 */
import { readFileSync } from 'node:fs';
import { startApi } from './bench-api.js';
import { log, MIB, rssOf, runBench } from './bench-util.js';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const LOGINS = arg('logins', 300);
const THREADS = arg('threads', 16);
const USER = { email: 'burst@example.com', password: 'burst-password-123' };

interface BurstResult {
  peakRssMiB: number;
  baseRssMiB: number;
  p50: number;
  p95: number;
  max: number;
  ok: number;
  busy: number;
  other: number;
  readyP95: number;
}

async function burst(label: string, env: Record<string, string>): Promise<BurstResult> {
  const api = await startApi({ RUN_WORKERS: 'false', UV_THREADPOOL_SIZE: String(THREADS), ...env });
  try {
    const register = await fetch(`${api.base}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(USER),
    });
    if (register.status !== 201) throw new Error(`register: ${register.status} ${await register.text()}`);
    const baseRss = rssOf(api.pid);
    let peakRss = baseRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(api.pid))), 10);

    const statuses: number[] = [];
    const latencies: number[] = [];
    const login = async () => {
      const started = performance.now();
      const res = await fetch(`${api.base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(USER),
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - started);
      statuses.push(res.status);
    };
    // Meanwhile, a readiness probe every 100 ms: how the rest of the API fares during the burst.
    const probeLatencies: number[] = [];
    let bursting = true;
    const probe = (async () => {
      while (bursting) {
        const started = performance.now();
        await (await fetch(`${api.base}/health/live`)).arrayBuffer();
        probeLatencies.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    await Promise.all(Array.from({ length: LOGINS }, login));
    bursting = false;
    await probe;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, peakRssOf(api.pid));

    const result: BurstResult = {
      baseRssMiB: baseRss / MIB,
      peakRssMiB: peakRss / MIB,
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      max: Math.max(...latencies),
      ok: statuses.filter((s) => s === 200).length,
      busy: statuses.filter((s) => s === 503).length,
      other: statuses.filter((s) => s !== 200 && s !== 503).length,
      readyP95: percentile(probeLatencies, 0.95),
    };
    log(
      `${label.padEnd(34)} peak RSS ${result.peakRssMiB.toFixed(0)} MiB (${result.baseRssMiB.toFixed(0)} before) | ` +
        `login p50 ${ms(result.p50)} p95 ${ms(result.p95)} max ${ms(result.max)} | ` +
        `200: ${result.ok}, 503 BUSY: ${result.busy}, other: ${result.other} | /health/live p95 ${ms(result.readyP95)}`,
    );
    return result;
  } finally {
    await api.stop();
  }
}

/** The kernel's high-water mark of the process's resident set (catches peaks between samples). */
function peakRssOf(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

async function main(): Promise<number> {
  log(`${LOGINS} concurrent logins of one account (argon2id, 64 MiB per hash), UV_THREADPOOL_SIZE=${THREADS}`);
  const bounded = await burst('bounded (defaults)', {});
  const unbounded = await burst('unbounded (HASH_CONCURRENCY=256)', { HASH_CONCURRENCY: '256', HASH_QUEUE_MAX: '100000' });
  log(
    `bounded / unbounded: peak RSS ${(bounded.peakRssMiB / unbounded.peakRssMiB).toFixed(2)}x, ` +
      `login p95 ${(bounded.p95 / unbounded.p95).toFixed(2)}x, /health/live p95 ${(bounded.readyP95 / unbounded.readyP95).toFixed(2)}x`,
  );
  return bounded.other + unbounded.other === 0 ? 0 : 1;
}

runBench(main);
