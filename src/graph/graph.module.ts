import { Module } from '@nestjs/common';
import { FileCoreModule } from '../files/file-core.module.js';
import { UserJobsModule } from '../jobs/user-jobs.module.js';
import { AppConfig } from '../infra/config/app-config.js';
import { VectorsModule } from '../vectors/vectors.module.js';
import { GRAPH_EXTRACTOR, GraphExtractor } from './extractors/graph-extractor.js';
import { LlmChatClient } from './extractors/llm-chat.client.js';
import { LlmGraphExtractor } from './extractors/llm-graph.extractor.js';
import { LazyRulesGraphExtractor } from './extractors/lazy-rules-graph.extractor.js';
import { ParallelRulesGraphExtractor } from './extractors/parallel-rules-graph.extractor.js';
import { GraphLlmCacheRepository } from './graph-llm-cache.repository.js';
import { GraphQueryRepository } from './graph-query.repository.js';
import { GraphQueryService } from './graph-query.service.js';
import { GraphRegenerationService } from './graph-regeneration.service.js';
import { GraphRunStage } from './graph-run-stage.service.js';
import { GraphController } from './graph.controller.js';
import { GraphProcessor } from './graph.processor.js';
import { GraphStagingRepository } from './graph-staging.repository.js';
import { GraphRepository } from './graph.repository.js';
import { GraphService } from './graph.service.js';

/** Knowledge-graph extraction (rules or LLM), the graph store and its queries, and the kg_extraction processor. */
@Module({
  imports: [FileCoreModule, VectorsModule, UserJobsModule],
  controllers: [GraphController],
  providers: [
    LazyRulesGraphExtractor,
    ParallelRulesGraphExtractor,
    LlmChatClient,
    LlmGraphExtractor,
    {
      provide: GRAPH_EXTRACTOR,
      useFactory: (config: AppConfig, rules: ParallelRulesGraphExtractor, llm: LlmGraphExtractor): GraphExtractor =>
        config.graph.extractor === 'llm' ? llm : rules,
      inject: [AppConfig, ParallelRulesGraphExtractor, LlmGraphExtractor],
    },
    GraphLlmCacheRepository,
    GraphStagingRepository,
    GraphRepository,
    GraphQueryRepository,
    GraphService,
    GraphQueryService,
    GraphRegenerationService,
    GraphRunStage,
    GraphProcessor,
  ],
  exports: [GraphService, GraphRunStage],
})
export class GraphModule {}
