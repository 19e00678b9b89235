import { join } from 'node:path';
import { type AppConfig } from '../../infra/config/app-config.js';
import { type EmbeddingProvider } from './embedding-provider.js';
import { HashEmbeddingProvider } from './hash-embedding.provider.js';
import { IsolatedLocalEmbeddingProvider } from './isolated-local-embedding.provider.js';
import { LocalEmbeddingProvider } from './local-embedding.provider.js';
import { OpenAiEmbeddingProvider } from './openai-embedding.provider.js';

/** The provider EMBEDDING_PROVIDER names (config validation already required EMBEDDING_MODEL for openai/local). */
export function createEmbeddingProvider(config: AppConfig): EmbeddingProvider {
  const e = config.embedding;
  switch (e.provider) {
    case 'hash':
      return new HashEmbeddingProvider(e.dimension);
    case 'openai':
      return new OpenAiEmbeddingProvider({
        model: requireModel(e.model),
        dimension: e.dimension,
        baseUrl: e.baseUrl,
        apiKey: e.apiKey,
        batchSize: e.batchSize,
        concurrency: e.concurrency,
        timeoutMs: e.timeoutMs,
        maxRetries: e.maxRetries,
      });
    case 'local': {
      const model = requireModel(e.model);
      const options = { model, dimension: e.dimension, batchSize: e.batchSize, cacheDir: join(config.dataDir, 'models') };
      // In child processes capped at JOB_MAX_MEMORY_MB when compiled; in-process under Jest (TypeScript sources).
      return IsolatedLocalEmbeddingProvider.available()
        ? new IsolatedLocalEmbeddingProvider(options, config.queue.jobMaxMemoryMb)
        : new LocalEmbeddingProvider(options);
    }
  }
}

function requireModel(model: string | undefined): string {
  if (!model) throw new Error('EMBEDDING_MODEL is required for this EMBEDDING_PROVIDER');
  return model;
}
