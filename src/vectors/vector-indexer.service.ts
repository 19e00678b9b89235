import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig } from '../infra/config/app-config.js';
import { QueueName } from '../infra/queue/queue-names.js';
import { VectorsRepository } from './vectors.repository.js';

// Each batch is one statement sized to take about this long (on PGlite it holds the only session; a row costs
// 15-40 ms of graph insert there), between MIN and MAX rows.
const BATCH_MS = 150;
const BATCH_MIN = 2;
const BATCH_MAX = 500;
// Nothing pending: look again after this long (rows written by other processes are found this way too).
const IDLE_MS = 1_000;
// While a file's rows are being written, wait this long between batches: the write (the file's time to
// searchable) gets most of the session, the backlog still moves.
const YIELD_MS = 300;

/**
 * Moves rows written outside the HNSW graph (VectorsService writes a file's rows pending, so it is searchable at
 * once) into it in the background, a bounded batch at a time. Runs in processes that run the queues writing vectors
 * (file_processing, vectorization). Safe to run in several processes and to stop anywhere: see indexPending.
 */
@Injectable()
export class VectorIndexer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('VectorIndexer');
  private readonly stop = new AbortController();
  private running?: Promise<void>;

  constructor(
    private readonly config: AppConfig,
    private readonly repository: VectorsRepository,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runsQueue(QueueName.FileProcessing) && !this.config.runsQueue(QueueName.Vectorization)) return;
    this.running = this.loop();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.running;
  }

  /** Indexes pending rows until none is left (tests, benchmarks); returns how many. */
  async drain(): Promise<number> {
    let total = 0;
    for (let size = BATCH_MIN; ; ) {
      const { moved, next } = await this.batch(size);
      if (moved === 0) return total;
      total += moved;
      size = next;
    }
  }

  private async loop(): Promise<void> {
    let size = BATCH_MIN;
    while (!this.stop.signal.aborted) {
      try {
        const { moved, next } = await this.batch(size);
        size = next;
        if (moved === 0) await this.pause(IDLE_MS);
        else if (await this.repository.writeInProgress()) await this.pause(YIELD_MS);
      } catch (error) {
        if (this.stop.signal.aborted) return;
        this.logger.warn(`indexing pending vectors failed: ${error instanceof Error ? error.message : String(error)}`);
        await this.pause(IDLE_MS * 5);
      }
    }
  }

  private async batch(size: number): Promise<{ moved: number; next: number }> {
    const start = performance.now();
    const moved = await this.repository.indexPending(size);
    const perMs = moved / Math.max(1, performance.now() - start);
    const next = moved < size ? size : Math.min(BATCH_MAX, Math.max(BATCH_MIN, Math.floor(perMs * BATCH_MS)));
    return { moved, next };
  }

  private async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.stop.signal }).catch(() => undefined);
  }
}
