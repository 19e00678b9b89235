/**
 * Cost of tracing on the API: p50/p95 of GET /api/v1/rq/queues/stats (HTTP, auth, Redis) in three API processes
 * running at once and called in turns: without the tracing preload, with it but OTEL_EXPORTER_OTLP_ENDPOINT unset (the
 * default: should cost nothing), and with tracing on, exporting to a local OTLP receiver that accepts and drops.
 *
 *   node scripts/bench/run.mjs tracing [--requests 400]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startApi } from './bench-api.js';
import { log, runBench } from './bench-util.js';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const REQUESTS = arg('requests', 400);
const WARMUP = 50;
const PRELOAD = fileURLToPath(new URL('../../src/infra/telemetry/preload.js', import.meta.url));

async function main(): Promise<number> {
  let exported = 0;
  const receiver = createServer((req, res) => {
    req.resume().on('end', () => {
      exported++;
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  try {
    const runs: { label: string; env: Record<string, string> }[] = [
      { label: 'no preload', env: {} },
      { label: 'preload, tracing off', env: { NODE_OPTIONS: `--import ${PRELOAD}` } },
      { label: 'tracing on (OTLP)', env: { NODE_OPTIONS: `--import ${PRELOAD}`, OTEL_EXPORTER_OTLP_ENDPOINT: endpoint } },
    ];
    // All three run at once and take turns, so a change in the machine's load hits them alike.
    const apis = [];
    for (const run of runs) apis.push(await startApi({ RUN_WORKERS: 'false', ...run.env }));
    let results: { label: string; p50: number; p95: number }[];
    try {
      const calls = apis.map(
        (api) => () => fetch(`${api.base}/api/v1/rq/queues/stats`, { headers: { authorization: `Bearer ${api.token}` } }),
      );
      const timings = await measureInTurns(calls);
      results = runs.map((run, i) => ({ label: run.label, ...timings[i] }));
    } finally {
      await Promise.all(apis.map((api) => api.stop()));
    }
    const [base] = results;
    for (const r of results) {
      log(
        `${r.label.padEnd(22)} p50 ${r.p50.toFixed(2)} ms (${(r.p50 / base.p50).toFixed(2)}x)   ` +
          `p95 ${r.p95.toFixed(2)} ms (${(r.p95 / base.p95).toFixed(2)}x)`,
      );
    }
    log(`${REQUESTS} requests per API, in turns, after ${WARMUP} warm-up; OTLP export requests received: ${exported}`);
    return exported > 0 ? 0 : 1;
  } finally {
    receiver.close();
  }
}

async function measureInTurns(calls: (() => Promise<Response>)[]): Promise<{ p50: number; p95: number }[]> {
  const times = calls.map((): number[] => []);
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    for (const [index, call] of calls.entries()) {
      const started = performance.now();
      const response = await call();
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      if (i >= WARMUP) times[index].push(performance.now() - started);
    }
  }
  return times.map((list) => {
    list.sort((a, b) => a - b);
    return { p50: list[Math.floor(list.length * 0.5)], p95: list[Math.floor(list.length * 0.95)] };
  });
}

runBench(main);
