/**
 * Whole-pipeline throughput on plain text with the default providers (hash embeddings, rules graph extractor, the
 * embedded PGlite): upload, then parse → chunk → embed → store → graph, in MB/s, with the time of each stage (from
 * the stage timings the pipeline stores with the file). Prints figures; asserts nothing.
 *
 *   node scripts/bench/run.mjs pipeline [--mib 5]
 *
 * Needs Redis on REDIS_URL (default redis://127.0.0.1:6379/0).
 */
import { delay, log, MIB, runBench, startApi, uploadGeneratedText } from './files-bench-support.js';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const SIZE_MIB = arg('mib', 5);
const STAGES = ['chunking', 'vectorization', 'storage', 'kg_extraction'] as const;

interface FileView {
  status: string;
  chunk_count: number;
  error: string | null;
  created_at: string;
  processed_at: string | null;
  stages: Record<string, { status: string; duration_ms?: number; started_at?: string }> | null;
}

async function main(): Promise<number> {
  const api = await startApi({ RUN_WORKERS: 'true', UPLOAD_MAX_BYTES: String((SIZE_MIB + 16) * MIB) });
  try {
    const started = performance.now();
    const upload = await uploadGeneratedText(api, SIZE_MIB * MIB, 'pipeline.txt');
    const uploadSeconds = (performance.now() - started) / 1000;
    if (upload.status !== 202) throw new Error(`upload answered ${upload.status}: ${upload.body}`);
    const fileId = (JSON.parse(upload.body) as { data: { file_id: string } }).data.file_id;

    let file: FileView | undefined;
    for (;;) {
      const res = await fetch(`${api.base}/api/v1/files/${fileId}`, { headers: { authorization: `Bearer ${api.token}` } });
      file = ((await res.json()) as { data: FileView }).data;
      if (file.status === 'completed' || file.status === 'failed') break;
      await delay(250);
    }
    const totalSeconds = (performance.now() - started) / 1000;
    if (file.status !== 'completed') throw new Error(`pipeline failed: ${file.error}`);
    const stages = file.stages ?? {};
    const first = Math.min(...STAGES.map((s) => Date.parse(stages[s]?.started_at ?? '') || Infinity));
    const pipelineSeconds = (Date.parse(file.processed_at!) - first) / 1000;
    const mb = (SIZE_MIB * MIB) / 1e6;
    log(`plain text ${SIZE_MIB} MiB (${mb.toFixed(2)} MB), ${file.chunk_count} chunks`);
    log(`upload ${uploadSeconds.toFixed(2)} s; pipeline ${pipelineSeconds.toFixed(2)} s → ${(mb / pipelineSeconds).toFixed(2)} MB/s`);
    log(`upload to completed ${totalSeconds.toFixed(2)} s → ${(mb / totalSeconds).toFixed(2)} MB/s end to end`);
    for (const stage of STAGES) {
      const ms = stages[stage]?.duration_ms;
      const share = ms !== undefined ? ` (${((ms / 1000 / pipelineSeconds) * 100).toFixed(0)}%)` : '';
      log(`  ${stage.padEnd(14)} ${ms !== undefined ? (ms / 1000).toFixed(2) + ' s' : 'n/a'}${share}`);
    }
    return 0;
  } finally {
    await api.stop();
  }
}

runBench(main);
