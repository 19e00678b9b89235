import { Module } from '@nestjs/common';
import { FileCoreModule } from '../files/file-core.module.js';
import { UserJobsModule } from '../jobs/user-jobs.module.js';
import { AppConfig } from '../infra/config/app-config.js';
import { EmbeddingCacheRepository } from './embedding/embedding-cache.repository.js';
import { EMBEDDING_PROVIDER } from './embedding/embedding-provider.js';
import { createEmbeddingProvider } from './embedding/embedding-provider.factory.js';
import { EmbeddingService } from './embedding/embedding.service.js';
import { SearchTermsBackfillService } from './search-terms-backfill.service.js';
import { TextSearchRepository } from './text-search.repository.js';
import { VectorIndexer } from './vector-indexer.service.js';
import { VectorSearchService } from './vector-search.service.js';
import { VectorsController } from './vectors.controller.js';
import { VectorsProcessor } from './vectors.processor.js';
import { VectorsRepository } from './vectors.repository.js';
import { VectorsService } from './vectors.service.js';

/** Embedding providers, the pgvector store, search, and the vectorization processor. */
@Module({
  imports: [FileCoreModule, UserJobsModule],
  controllers: [VectorsController],
  providers: [
    { provide: EMBEDDING_PROVIDER, useFactory: createEmbeddingProvider, inject: [AppConfig] },
    EmbeddingCacheRepository,
    EmbeddingService,
    VectorsRepository,
    VectorIndexer,
    TextSearchRepository,
    SearchTermsBackfillService,
    VectorsService,
    VectorSearchService,
    VectorsProcessor,
  ],
  exports: [EmbeddingService, VectorsService],
})
export class VectorsModule {}
