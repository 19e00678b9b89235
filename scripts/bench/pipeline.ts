/**
 * Whole-pipeline throughput and memory on plain text with the default providers (hash embeddings, rules graph
 * extractor, the embedded PGlite). The pipeline is a flow: `process-file` (parse → chunk → embed → store; the file is
 * then `searchable`) → `extract-graph` (the run ends `completed`). For the same text in one run it prints the time
 * from the upload's start to `searchable` and to `completed` (MB/s), the time of each stage (from the stage timings
 * the pipeline stores with the file), and the API's peak RSS growth while it processes a small file and then a large
 * one in the same process (bounded memory: the two growths stay close). Prints figures; asserts nothing.
 *
 * The old one-job shape (graph extraction inside `process-file`) cannot run in this build any more: its file became
 * searchable only when the whole job ended, so its time to searchable was its time to completed, which the flow's
 * time to completed matches (the same stages run one after the other on an idle system).
 *
 *   node scripts/bench/run.mjs pipeline [--mib 5] [--small-mib 1] [--kg-threads 0] [--fresh-api] [--db-folder]
 *
 * --kg-threads sets KG_EXTRACTION_THREADS (0 = one per CPU, at most 4; 1 = extraction on the job's own thread).
 * --fresh-api measures each size in an API process of its own (the graph stage's MiB per MiB of text is read so:
 * in one process the large file starts from what the small one's run left resident, which hides or inflates growth).
 * --db-folder puts the embedded database in a folder, as `npm start` has it; by default it is in memory, where its
 * files and every WAL segment (PGlite runs no checkpointer) count in the API's RSS.
 *
 * Needs Redis on REDIS_URL (default redis://127.0.0.1:6379/0).
 */
import { delay, freePort, log, MIB, rssOf, runBench } from './bench-util.js';
import { type BenchApi, startApi } from './bench-api.js';
import { uploadGeneratedText } from './files-bench-support.js';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const SIZE_MIB = arg('mib', 5);
const SMALL_MIB = arg('small-mib', 1);
const KG_THREADS = arg('kg-threads', 0);
const FRESH_API = process.argv.includes('--fresh-api');
const DB_IN_FOLDER = process.argv.includes('--db-folder');
const STAGES = ['chunking', 'vectorization', 'storage', 'kg_extraction'] as const;

interface FileView {
  status: string;
  chunk_count: number;
  error: string | null;
  created_at: string;
  processed_at: string | null;
  stages: Record<string, { status: string; duration_ms?: number; started_at?: string; finished_at?: string }> | null;
}

/** Before the graph stage (parse, chunk, embed, store) and from its start on. */
type Phase = 'text' | 'graph';

interface Run {
  file: FileView;
  totalSeconds: number;
  /** Upload start → the status document says `searchable` (polled every 100 ms). */
  searchableSeconds: number;
  uploadSeconds: number;
  baselineRss: number;
  peakRss: number;
  baselineHeap: number;
  peakHeap: number;
  /** Peak RSS and JS heap in each phase. */
  phases: Record<Phase, { rss: number; heap: number }>;
  /** RSS when the graph stage started: its own growth is its peak minus this (RSS never gives the text stage's back). */
  graphStartRss: number;
}

/** The API's V8 heap in use (its Prometheus endpoint, open from loopback): tells JS objects from the rest of RSS. */
async function heapUsed(api: BenchApi): Promise<number> {
  const text = await (await fetch(`${api.base}/metrics`)).text();
  return Number(/^nodejs_heap_size_used_bytes (\S+)$/m.exec(text)?.[1] ?? 0);
}

/** Uploads `mib` of generated text and waits for the pipeline, sampling the API's RSS all along. */
async function processOne(api: BenchApi, mib: number, name: string): Promise<Run> {
  const baselineRss = rssOf(api.pid);
  const baselineHeap = await heapUsed(api);
  let peakRss = baselineRss;
  let peakHeap = baselineHeap;
  let phase: Phase = 'text';
  const phases: Run['phases'] = { text: { rss: baselineRss, heap: baselineHeap }, graph: { rss: 0, heap: 0 } };
  let graphStartRss = baselineRss;
  const sampler = setInterval(() => {
    if (!isAlive(api.pid)) return;
    const rss = rssOf(api.pid);
    peakRss = Math.max(peakRss, rss);
    phases[phase].rss = Math.max(phases[phase].rss, rss);
  }, 50);
  const heapSampler = setInterval(() => {
    heapUsed(api).then(
      (used) => {
        peakHeap = Math.max(peakHeap, used);
        phases[phase].heap = Math.max(phases[phase].heap, used);
      },
      () => undefined,
    );
  }, 1000);
  try {
    const started = performance.now();
    const upload = await uploadGeneratedText(api, mib * MIB, name);
    const uploadSeconds = (performance.now() - started) / 1000;
    if (upload.status !== 202) throw new Error(`upload answered ${upload.status}: ${upload.body}`);
    const fileId = (JSON.parse(upload.body) as { data: { file_id: string } }).data.file_id;
    let file: FileView | undefined;
    let searchableSeconds: number | undefined;
    let doc: { status?: string; kg_extraction?: { status: string }; searchable?: boolean } | undefined;
    for (let failures = 0; ; ) {
      try {
        // The live status document every 100 ms (the moment it says searchable); the file's row once it has ended.
        const live = await fetch(`${api.base}/api/v1/files/${fileId}/status`, {
          headers: { authorization: `Bearer ${api.token}` },
        });
        if (live.status === 401) await api.relogin();
        if (!live.ok) throw new Error(`status answered ${live.status}: ${await live.text()}`);
        doc = ((await live.json()) as { data?: typeof doc }).data;
        if (doc?.kg_extraction && doc.kg_extraction.status !== 'pending' && phase === 'text') {
          phase = 'graph';
          graphStartRss = rssOf(api.pid);
        }
        if (doc?.searchable && searchableSeconds === undefined) searchableSeconds = (performance.now() - started) / 1000;
        if (doc?.status === 'completed' || doc?.status === 'failed') {
          const res = await fetch(`${api.base}/api/v1/files/${fileId}`, { headers: { authorization: `Bearer ${api.token}` } });
          if (!res.ok) throw new Error(`file answered ${res.status}: ${await res.text()}`);
          file = ((await res.json()) as { data: FileView }).data;
        }
        failures = 0;
      } catch (error) {
        // A dead API is the finding; a dropped keep-alive connection or a stalled answer is retried.
        if (!isAlive(api.pid)) throw new Error(`the API process died while processing ${name}`, { cause: error });
        if (++failures > 20) throw error;
        log(`  (status poll failed: ${error instanceof Error ? String(error.cause ?? error.message) : String(error)}; retrying)`);
        await delay(1000);
        continue;
      }
      if (file && (file.status === 'completed' || file.status === 'failed')) break;
      await delay(100);
    }
    if (file?.status !== 'completed') throw new Error(`pipeline failed: ${file?.error}`);
    const totalSeconds = (performance.now() - started) / 1000;
    searchableSeconds ??= totalSeconds;
    return { file, uploadSeconds, totalSeconds, searchableSeconds, baselineRss, peakRss, baselineHeap, peakHeap, phases, graphStartRss };
  } finally {
    clearInterval(sampler);
    clearInterval(heapSampler);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function report(label: string, mib: number, run: Run): void {
  const stages = run.file.stages ?? {};
  const first = Math.min(...STAGES.map((s) => Date.parse(stages[s]?.started_at ?? '') || Infinity));
  const pipelineSeconds = (Date.parse(run.file.processed_at!) - first) / 1000;
  const mb = (mib * MIB) / 1e6;
  const growth = (run.peakRss - run.baselineRss) / MIB;
  log(`${label}: plain text ${mib} MiB (${mb.toFixed(2)} MB), ${run.file.chunk_count} chunks`);
  const textEnd = Date.parse(stages.storage?.finished_at ?? '') || NaN;
  const textSeconds = (textEnd - first) / 1000;
  log(`  upload ${run.uploadSeconds.toFixed(2)} s; pipeline ${pipelineSeconds.toFixed(2)} s → ${(mb / pipelineSeconds).toFixed(2)} MB/s`);
  log(`  parse→store (first stage start → storage end) ${textSeconds.toFixed(2)} s → ${(mb / textSeconds).toFixed(2)} MB/s`);
  log(`  upload to searchable ${run.searchableSeconds.toFixed(2)} s → ${(mb / run.searchableSeconds).toFixed(2)} MB/s`);
  log(`  upload to completed  ${run.totalSeconds.toFixed(2)} s → ${(mb / run.totalSeconds).toFixed(2)} MB/s end to end`);
  for (const stage of STAGES) {
    const ms = stages[stage]?.duration_ms;
    const share = ms !== undefined ? ` (${((ms / 1000 / pipelineSeconds) * 100).toFixed(0)}%)` : '';
    log(`    ${stage.padEnd(14)} ${ms !== undefined ? (ms / 1000).toFixed(2) + ' s' : 'n/a'}${share}`);
  }
  const kgMs = stages.kg_extraction?.duration_ms;
  if (kgMs !== undefined) log(`  kg_extraction ${(run.file.chunk_count / (kgMs / 1000)).toFixed(1)} chunks/s`);
  log(`  API RSS: before ${(run.baselineRss / MIB).toFixed(1)} MiB, peak ${(run.peakRss / MIB).toFixed(1)} MiB, growth ${growth.toFixed(1)} MiB`);
  const heapGrowth = (run.peakHeap - run.baselineHeap) / MIB;
  for (const [name, peak] of Object.entries(run.phases)) {
    log(
      `  ${name === 'text' ? 'parse→store' : 'graph      '} phase: peak RSS growth ${((peak.rss - run.baselineRss) / MIB).toFixed(1)} MiB, ` +
        `peak JS heap growth ${((peak.heap - run.baselineHeap) / MIB).toFixed(1)} MiB`,
    );
  }
  log(`  API JS heap used: before ${(run.baselineHeap / MIB).toFixed(1)} MiB, peak ${(run.peakHeap / MIB).toFixed(1)} MiB (sampled 1/s), growth ${heapGrowth.toFixed(1)} MiB`);
}

/**
 * Warms a fresh API up (every code path loaded once, so RSS starts steady), then processes one file. With
 * --fresh-api each size gets its own API process: memory one file's run leaves behind (a grown heap, the embedded
 * database's pages) then raises neither the next run's baseline nor its peak.
 */
async function processFresh(api: BenchApi | undefined, mib: number, name: string): Promise<Run> {
  const own = api ?? (await startBenchApi());
  try {
    if (!api) await processOne(own, 0.25, 'warm-up.txt');
    return await processOne(own, mib, name);
  } finally {
    if (!api) await own.stop();
  }
}

async function startBenchApi(): Promise<BenchApi> {
  return startApi({
    RUN_WORKERS: 'true',
    UPLOAD_MAX_BYTES: String((SIZE_MIB + 16) * MIB),
    KG_EXTRACTION_THREADS: String(KG_THREADS),
    ...(DB_IN_FOLDER ? { EMBEDDED_DB_PORT: String(await freePort()) } : {}),
  });
}

async function main(): Promise<number> {
  const shared = FRESH_API ? undefined : await startBenchApi();
  log(`KG_EXTRACTION_THREADS=${KG_THREADS}${FRESH_API ? ', one fresh API process per size' : ''}`);
  try {
    if (shared) await processOne(shared, 0.25, 'warm-up.txt');
    const small = await processFresh(shared, SMALL_MIB, 'small.txt');
    report('small', SMALL_MIB, small);
    const large = await processFresh(shared, SIZE_MIB, 'large.txt');
    report('large', SIZE_MIB, large);
    const extra = (large.peakRss - large.baselineRss - (small.peakRss - small.baselineRss)) / MIB;
    const perMib = extra / Math.max(1e-9, SIZE_MIB - SMALL_MIB);
    log(`peak RSS growth, large minus small: ${extra.toFixed(1)} MiB (${perMib.toFixed(2)} MiB per extra MiB of text)`);
    const textExtra =
      (large.phases.text.rss - large.baselineRss - (small.phases.text.rss - small.baselineRss)) / MIB;
    log(`parse→store phase peak RSS growth, large minus small: ${textExtra.toFixed(1)} MiB`);
    const graphExtra =
      (large.phases.graph.rss - large.baselineRss - (small.phases.graph.rss - small.baselineRss)) / MIB;
    log(
      `graph phase peak RSS growth, large minus small: ${graphExtra.toFixed(1)} MiB ` +
        `(${(graphExtra / Math.max(1e-9, SIZE_MIB - SMALL_MIB)).toFixed(2)} MiB per extra MiB of text)`,
    );
    // The graph phase's growth is what RSS held when the stage started (the text stage's leftovers) plus its own.
    const atGraphStart = (run: Run) => (run.graphStartRss - run.baselineRss) / MIB;
    const startExtra = atGraphStart(large) - atGraphStart(small);
    log(
      `RSS at the graph stage's start (left by the text stage): ${atGraphStart(large).toFixed(1)} MiB (large) vs ` +
        `${atGraphStart(small).toFixed(1)} MiB (small): ${(startExtra / Math.max(1e-9, SIZE_MIB - SMALL_MIB)).toFixed(2)} MiB per extra MiB of text`,
    );
    const ownGrowth = (run: Run) => (run.phases.graph.rss - run.graphStartRss) / MIB;
    const graphOwnExtra = ownGrowth(large) - ownGrowth(small);
    log(
      `graph stage's own peak RSS growth (from its start): ${ownGrowth(large).toFixed(1)} MiB (large) vs ` +
        `${ownGrowth(small).toFixed(1)} MiB (small): ${(graphOwnExtra / Math.max(1e-9, SIZE_MIB - SMALL_MIB)).toFixed(2)} MiB per extra MiB of text`,
    );
    log(
      'flow vs one-job shape: the one-job shape (graph inside process-file) cannot run in this build; it reported a file ' +
        `searchable only when the whole job ended. Here: searchable after ${large.searchableSeconds.toFixed(2)} s, ` +
        `completed after ${large.totalSeconds.toFixed(2)} s (${(large.totalSeconds / large.searchableSeconds).toFixed(1)}x)`,
    );
    const extraHeap = (large.peakHeap - large.baselineHeap - (small.peakHeap - small.baselineHeap)) / MIB;
    log(`peak JS heap growth, large minus small: ${extraHeap.toFixed(1)} MiB`);
    return 0;
  } finally {
    await shared?.stop();
  }
}

runBench(main);
