import { Module } from '@nestjs/common';
import { FileCoreModule } from '../files/file-core.module.js';
import { UserJobsModule } from '../jobs/user-jobs.module.js';
import { AppConfig } from '../infra/config/app-config.js';
import { VectorsModule } from '../vectors/vectors.module.js';
import { GRAPH_EXTRACTOR, GraphExtractor } from './extractors/graph-extractor.js';
import { LlmChatClient } from './extractors/llm-chat.client.js';
import { LlmGraphExtractor } from './extractors/llm-graph.extractor.js';
import { ParallelRulesGraphExtractor } from './extractors/parallel-rules-graph.extractor.js';
import { RulesGraphExtractor } from './extractors/rules-graph.extractor.js';
import { GraphLlmCacheRepository } from './graph-llm-cache.repository.js';
import { GraphMerger } from './graph-merger.js';
import { GraphQueryRepository } from './graph-query.repository.js';
import { GraphQueryService } from './graph-query.service.js';
import { GraphRegenerationService } from './graph-regeneration.service.js';
import { GraphController } from './graph.controller.js';
import { GraphProcessor } from './graph.processor.js';
import { GraphRepository } from './graph.repository.js';
import { GraphService } from './graph.service.js';

/** Knowledge-graph extraction (rules or LLM), the graph store and its queries, and the kg_extraction processor. */
@Module({
  imports: [FileCoreModule, VectorsModule, UserJobsModule],
  controllers: [GraphController],
  providers: [
    RulesGraphExtractor,
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
    GraphMerger,
    GraphRepository,
    GraphQueryRepository,
    GraphService,
    GraphQueryService,
    GraphRegenerationService,
    GraphProcessor,
  ],
  exports: [GraphService],
})
export class GraphModule {}
