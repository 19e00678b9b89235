/**
 * Streaming upload: how much the API's RSS grows while it receives one large file (target: under 100 MiB for 1 GiB),
 * and the upload rate. Workers are off, so only the upload path runs. Prints figures; asserts nothing.
 *
 *   node scripts/bench/run.mjs upload-memory [--mib 1024]
 *
 * Needs Redis on REDIS_URL (default redis://127.0.0.1:6379/0) and about as much free disk as the file (DATA_DIR is a
 * temporary folder, removed at the end).
 */
import { log, MIB, rssOf, runBench } from './bench-util.js';
import { startApi } from './bench-api.js';
import { uploadGeneratedText } from './files-bench-support.js';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const SIZE_MIB = arg('mib', 1024);

async function main(): Promise<number> {
  const api = await startApi({ RUN_WORKERS: 'false', UPLOAD_MAX_BYTES: String((SIZE_MIB + 16) * MIB) });
  try {
    // Warm-up: load every code path of an upload once, so the baseline is a steady state.
    const warm = await uploadGeneratedText(api, 2 * MIB, 'warm-up.txt');
    if (warm.status !== 202) throw new Error(`warm-up upload answered ${warm.status}: ${warm.body}`);
    const baseline = rssOf(api.pid);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(api.pid))), 20);
    const started = performance.now();
    const result = await uploadGeneratedText(api, SIZE_MIB * MIB, 'large.txt');
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, rssOf(api.pid));
    if (result.status !== 202) throw new Error(`upload answered ${result.status}: ${result.body}`);
    const growth = (peak - baseline) / MIB;
    log(`upload of ${SIZE_MIB} MiB: ${seconds.toFixed(1)} s (${(SIZE_MIB / seconds).toFixed(1)} MiB/s)`);
    log(`API RSS: baseline ${(baseline / MIB).toFixed(1)} MiB, peak ${(peak / MIB).toFixed(1)} MiB, growth ${growth.toFixed(1)} MiB`);
    log(`target: growth under 100 MiB → ${growth < 100 ? 'OK' : 'TOO MUCH'}`);
    return 0;
  } finally {
    await api.stop();
  }
}

runBench(main);
