import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BUILD_DIR, compileForProcesses } from '../../../test/support/compiled-src.js';
import { type AppConfig } from '../../infra/config/app-config.js';
import { stagedExtractionOf } from '../graph-stage-rows.js';
import { ParallelRulesGraphExtractor } from './parallel-rules-graph.extractor.js';
import { RulesGraphExtractor } from './rules-graph.extractor.js';
import { GOLD_TEXT } from './testing/gold-corpus.js';

/** Runs the real worker threads on a compiled copy of the sources (Jest itself runs the TypeScript). */
class CompiledWorkerExtractor extends ParallelRulesGraphExtractor {
  protected override workerFile(): string {
    return join(BUILD_DIR, 'src/graph/extractors/rules-extraction.worker.js');
  }
}

describe('ParallelRulesGraphExtractor (worker threads)', () => {
  const rules = new RulesGraphExtractor();
  const config = { graph: { extractionThreads: 2 }, queue: { jobMaxMemoryMb: 1024 } } as AppConfig;
  let extractor: CompiledWorkerExtractor;
  const sentences = GOLD_TEXT.split(/(?<=\.)\s+/);
  const chunks = Array.from({ length: 30 }, (_, i) => ({
    id: `chunk-${i}`,
    text: sentences.slice(i % sentences.length, (i % sentences.length) + 4).join(' '),
  }));

  beforeAll(async () => {
    await compileForProcesses();
    extractor = new CompiledWorkerExtractor(config, rules);
  }, 120_000);
  afterAll(async () => extractor.onApplicationShutdown());

  it('finds on worker threads exactly what the in-thread extractor finds, in chunk order', async () => {
    expect(extractor.threads).toBe(2);
    const progress: number[] = [];
    const pooled = await extractor.extract(chunks, { onChunkDone: (done) => void progress.push(done) });
    const direct = await rules.extract(chunks);
    expect(pooled).toEqual(direct);
    expect(pooled.chunks.map((c) => c.chunkId)).toEqual(chunks.map((c) => c.id));
    expect(progress.at(-1)).toBe(chunks.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  }, 60_000);

  it('packs staging rows on worker threads exactly as the staging thread packs the in-thread findings', async () => {
    const progress: number[] = [];
    const pooled = await extractor.extractStaged(chunks, { onChunkDone: (done) => void progress.push(done) });
    const direct = stagedExtractionOf(await rules.extract(chunks));
    // Moved from the threads, the buffers are plain Uint8Arrays of their own: compare their bytes.
    const comparable = (packs: typeof pooled.packs) =>
      packs.map((pack) => ({ ...pack, entities: Buffer.from(pack.entities).toString(), relations: Buffer.from(pack.relations).toString() }));
    expect(comparable(pooled.packs)).toEqual(comparable(direct.packs));
    expect(pooled.packs.flatMap((pack) => pack.chunkIds)).toEqual(chunks.map((c) => c.id));
    expect(pooled.packs.reduce((rows, pack) => rows + pack.rows, 0)).toBeGreaterThan(30);
    expect(progress.at(-1)).toBe(chunks.length);
  }, 60_000);

  it('stops with the job signal’s reason when aborted', async () => {
    const controller = new AbortController();
    const reason = new Error('job timed out');
    const running = extractor.extract(chunks, { signal: controller.signal });
    controller.abort(reason);
    await expect(running).rejects.toBe(reason);
  }, 60_000);
});
