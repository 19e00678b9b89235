/** The product's VectorSearchService over a bench database: hash provider, filenames not looked up (bench only). */
import { loadConfig } from '../../src/infra/config/app-config.js';
import type { Database } from '../../src/infra/database/database.js';
import type { FileRecordsService } from '../../src/files/file-records.service.js';
import { EmbeddingCacheRepository } from '../../src/vectors/embedding/embedding-cache.repository.js';
import { EmbeddingService } from '../../src/vectors/embedding/embedding.service.js';
import { type HashEmbeddingProvider } from '../../src/vectors/embedding/hash-embedding.provider.js';
import { TextSearchRepository } from '../../src/vectors/text-search.repository.js';
import { VectorSearchService } from '../../src/vectors/vector-search.service.js';
import { VectorsRepository } from '../../src/vectors/vectors.repository.js';

export function benchSearchService(db: Database, provider: HashEmbeddingProvider): VectorSearchService {
  const files = { filenames: async (ids: string[]) => new Map(ids.map((id) => [id, id])) };
  return new VectorSearchService(
    loadConfig(),
    new EmbeddingService(provider, new EmbeddingCacheRepository(db)),
    new VectorsRepository(db),
    new TextSearchRepository(db),
    files as unknown as FileRecordsService,
  );
}
