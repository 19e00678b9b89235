import type { AppConfig } from '../infra/config/app-config.js';
import type { EmbeddingProvider } from '../vectors/embedding/embedding-provider.js';
import { createEmbeddingProvider } from '../vectors/embedding/embedding-provider.factory.js';
import { EmbeddingProviderError } from '../vectors/vectors.errors.js';
import { isPermanentExtractionFailure } from '../graph/extractors/extraction-failure.js';
import type { GraphExtractor } from '../graph/extractors/graph-extractor.js';
import { LlmChatClient } from '../graph/extractors/llm-chat.client.js';
import { LlmGraphExtractor } from '../graph/extractors/llm-graph.extractor.js';
import { LazyRulesGraphExtractor } from '../graph/extractors/lazy-rules-graph.extractor.js';
import { ParallelRulesGraphExtractor } from '../graph/extractors/parallel-rules-graph.extractor.js';
import type { RemoteInputLine } from '../remote-workers/remote-step.js';
import { MemoryLlmCache } from './memory-llm-cache.js';

type JobLine = Extract<RemoteInputLine, { type: 'job' }>;
type ChunkLine = Extract<RemoteInputLine, { type: 'chunk' }>;

// Chunks embedded or extracted per call (progress is reported between them).
const BATCH = 64;

/**
 * Runs a leased step on this machine with our own providers and extractors (EMBEDDING_PROVIDER, KG_EXTRACTOR and
 * their settings, read by the same config code as the API): no Redis, no database, no data folder.
 */
export class RemoteStepRunner {
  private readonly embedder: EmbeddingProvider;
  private readonly extractor: GraphExtractor;
  private readonly rules?: ParallelRulesGraphExtractor;

  constructor(config: AppConfig) {
    this.embedder = createEmbeddingProvider(config);
    if (config.graph.extractor === 'llm') {
      this.extractor = new LlmGraphExtractor(config, new LlmChatClient(config), new MemoryLlmCache());
    } else {
      // compromise loads at the first extraction: a worker that only embeds never pays for it.
      this.rules = new ParallelRulesGraphExtractor(config, new LazyRulesGraphExtractor());
      this.extractor = this.rules;
    }
  }

  /** The result the lease's job needs (`vectors`, `graph` or both), reporting progress (0-100) as it goes. */
  async run(job: JobLine, chunks: ChunkLine[], progress: (done: number) => Promise<void>): Promise<Record<string, unknown>> {
    const result: Record<string, unknown> = {};
    const parts = job.needs.length;
    if (job.needs.includes('vectors')) {
      const { model, dimension } = this.embedder;
      if (model !== job.embedding.model || dimension !== job.embedding.dimension) {
        throw new EmbeddingProviderError(
          `This worker embeds with ${model} (${dimension}), the API stores ${job.embedding.model} (${job.embedding.dimension}): set EMBEDDING_PROVIDER/EMBEDDING_MODEL/EMBEDDING_DIMENSION to match`,
          false,
        );
      }
      const vectors: { chunk_id: string; embedding: number[] }[] = [];
      for (let i = 0; i < chunks.length; i += BATCH) {
        const batch = chunks.slice(i, i + BATCH);
        const embedded = await this.embedder.embed(batch.map((c) => c.text));
        batch.forEach((c, k) => vectors.push({ chunk_id: c.id, embedding: embedded[k] }));
        await progress(((i + batch.length) / Math.max(1, chunks.length)) * (100 / parts));
      }
      result.vectors = { model, dimension, vectors };
    }
    if (job.needs.includes('graph')) {
      const found: Record<string, unknown>[] = [];
      const failed: string[] = [];
      for (let i = 0; i < chunks.length; i += BATCH) {
        const batch = chunks.slice(i, i + BATCH);
        const extracted = await this.extractor.extract(batch.map((c) => ({ id: c.id, text: c.text })));
        for (const c of extracted.chunks) {
          found.push({ chunk_id: c.chunkId, entities: c.entities, relations: c.relations, unsupported_language: c.unsupportedLanguage });
        }
        failed.push(...extracted.failedChunkIds);
        await progress(100 - 100 / parts + ((i + batch.length) / Math.max(1, chunks.length)) * (100 / parts));
      }
      Object.assign(result, { extractor: this.extractor.name, chunks: found, failed_chunk_ids: failed });
    }
    // A vectorize-file result is the vectors part itself.
    return job.needs.length === 1 && job.needs[0] === 'vectors' ? (result.vectors as Record<string, unknown>) : result;
  }

  /** True when retrying cannot help (bad credentials, a wrong model). */
  isPermanent(error: unknown): boolean {
    return (error instanceof EmbeddingProviderError && !error.retryable) || isPermanentExtractionFailure(error);
  }

  async close(): Promise<void> {
    // The local model's idle child processes (IsolatedLocalEmbeddingProvider) end now rather than at their timeout.
    if ('close' in this.embedder && typeof this.embedder.close === 'function') this.embedder.close();
    await this.rules?.onApplicationShutdown();
  }
}
