import { Module } from '@nestjs/common';
import { UserJobsModule } from '../jobs/user-jobs.module.js';
import { VectorsModule } from '../vectors/vectors.module.js';
import { MemoryController } from './memory.controller.js';
import { MemoryProcessor } from './memory.processor.js';
import { MemoryRecallRepository } from './memory-recall.repository.js';
import { MemoryRecallService } from './memory-recall.service.js';
import { MemoryRepository } from './memory.repository.js';
import { MemoryService } from './memory.service.js';

/** Agent memory: short-term values in Redis with a TTL, long-term recall in pgvector; memory_consolidation. */
@Module({
  imports: [VectorsModule, UserJobsModule],
  controllers: [MemoryController],
  providers: [MemoryRepository, MemoryRecallRepository, MemoryService, MemoryRecallService, MemoryProcessor],
  exports: [MemoryService],
})
export class MemoryModule {}
