import { setMaxListeners } from 'node:events';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { Piscina } from 'piscina';
import { AppConfig } from '../../infra/config/app-config.js';
import { isOutOfMemoryError, ResourceLimitError } from '../../infra/queue/resource-limit.error.js';
import { type GraphStagePack, type StagedExtraction, stagedExtractionOf } from '../graph-stage-rows.js';
import type { ChunkExtraction, ChunkText } from '../graph.types.js';
import type { ExtractOptions, ExtractorResult, GraphExtractor } from './graph-extractor.js';
import { LazyRulesGraphExtractor } from './lazy-rules-graph.extractor.js';

// Chunks per task sent to a worker (~25 ms of CPU each): big enough that messaging costs little, small enough that
// progress moves and an abort stops soon.
const CHUNKS_PER_TASK = 8;
const MAX_AUTO_THREADS = 4;
// Idle workers exit (and give their memory back) after this long without work.
const IDLE_TIMEOUT_MS = 30_000;

/**
 * The rules extractor run on worker threads (KG_EXTRACTION_THREADS; default one per CPU, at most 4): tagging with
 * compromise is pure CPU and was most of a pipeline's time, on one thread that also served HTTP and the embedded
 * database. Same findings as RulesGraphExtractor, in chunk order. Without a compiled worker file next to this one
 * (the TypeScript sources under Jest) or with one thread configured, it extracts in-thread. The pool (piscina) and the
 * in-thread extractor are loaded at the first extraction, not at start.
 */
@Injectable()
export class ParallelRulesGraphExtractor implements GraphExtractor, OnApplicationShutdown {
  readonly name = 'rules';
  private readonly logger = new Logger('ParallelRulesGraphExtractor');
  /** Threads of the pool, 0 when extraction runs in the job's own thread. */
  private readonly poolThreads: number;
  private pool?: Promise<Piscina<ChunkText[], unknown>>;
  private readonly memoryLimitMb: number;

  constructor(
    config: AppConfig,
    // Anything that extracts in this thread: the lazy holder in the app, RulesGraphExtractor itself elsewhere.
    @Inject(LazyRulesGraphExtractor) private readonly inThread: GraphExtractor,
  ) {
    const configured = config.graph.extractionThreads;
    const threads = configured > 0 ? configured : Math.min(MAX_AUTO_THREADS, availableParallelism());
    this.memoryLimitMb = config.queue.jobMaxMemoryMb;
    this.poolThreads = threads > 1 && existsSync(this.workerFile()) ? threads : 0;
    if (this.poolThreads) this.logger.log(`rules extraction on up to ${threads} worker threads`);
  }

  async extract(chunks: ChunkText[], options: ExtractOptions = {}): Promise<ExtractorResult> {
    if (!this.poolThreads) return this.inThread.extract(chunks, options);
    const found = await this.runTasks<ChunkExtraction[]>(chunks, 'default', options);
    return { chunks: found.flat(), failedChunkIds: [] };
  }

  /** The findings packed as staging rows on the worker threads, one pack per task. */
  async extractStaged(chunks: ChunkText[], options: ExtractOptions = {}): Promise<StagedExtraction> {
    if (!this.poolThreads) return stagedExtractionOf(await this.inThread.extract(chunks, options));
    return { packs: await this.runTasks<GraphStagePack>(chunks, 'extractStagePack', options), failedChunkIds: [] };
  }

  /** The chunks in tasks of CHUNKS_PER_TASK run by the worker module's export `name`: its results in chunk order. */
  private async runTasks<Result>(chunks: ChunkText[], name: string, options: ExtractOptions): Promise<Result[]> {
    const { signal } = options;
    signal?.throwIfAborted();
    const pool = await this.startPool();
    signal?.throwIfAborted();
    // One signal of our own for this call's tasks (piscina listens once per task): the job's signal gets one
    // listener, and a failed task cancels the others.
    const cancel = new AbortController();
    const taskCount = Math.ceil(chunks.length / CHUNKS_PER_TASK);
    setMaxListeners(taskCount + 1, cancel.signal);
    const onAbort = () => cancel.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let done = 0;
    let firstError: unknown;
    try {
      const tasks: Promise<Result>[] = [];
      for (let i = 0; i < chunks.length; i += CHUNKS_PER_TASK) {
        const slice = chunks.slice(i, i + CHUNKS_PER_TASK);
        const task = (pool.run(slice, { name, signal: cancel.signal }) as Promise<Result>).then(async (found) => {
          done += slice.length;
          await options.onChunkDone?.(done, chunks.length);
          return found;
        });
        task.catch((error: unknown) => {
          // The first rejection is the cause; the others are the cancellations it triggers.
          firstError ??= error;
          cancel.abort();
        });
        tasks.push(task);
      }
      const settled = await Promise.allSettled(tasks);
      if (firstError !== undefined) {
        if (signal?.aborted) throw signal.reason;
        throw isOutOfMemoryError(firstError) ? new ResourceLimitError('graph extraction', this.memoryLimitMb) : firstError;
      }
      return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Threads extraction runs on: the pool's size, or 1 (in the job's own thread). */
  get threads(): number {
    return this.poolThreads || 1;
  }

  private startPool(): Promise<Piscina<ChunkText[], unknown>> {
    this.pool ??= import('piscina').then(
      ({ Piscina }) =>
        new Piscina<ChunkText[], unknown>({
          filename: this.workerFile(),
          minThreads: 0,
          maxThreads: this.poolThreads,
          idleTimeout: IDLE_TIMEOUT_MS,
          // JOB_MAX_MEMORY_MB: a pathological chunk ends its thread (piscina replaces it), not the worker process.
          resourceLimits: { maxOldGenerationSizeMb: this.memoryLimitMb },
        }),
      (error: unknown) => {
        this.pool = undefined;
        throw error;
      },
    );
    return this.pool;
  }

  /** The compiled worker module beside this one (a spec points it at a compiled copy of the sources). */
  protected workerFile(): string {
    return fileURLToPath(new URL('./rules-extraction.worker.js', import.meta.url));
  }

  // Not onModuleDestroy: Nest runs that before the worker runner's shutdown hook, while jobs still extract.
  async onApplicationShutdown(): Promise<void> {
    const pool = await this.pool?.catch(() => undefined);
    await pool?.destroy();
  }
}
