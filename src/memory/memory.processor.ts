import { Injectable } from '@nestjs/common';
import { QueueName } from '../infra/queue/queue-names.js';
import { JobContext, QueueProcessor, TypedJob, unknownJob } from '../infra/queue/queue-processor.js';
import { MEMORY_JOB_NAMES, MemoryJob } from './memory.jobs.js';
import { MemoryRecallService } from './memory-recall.service.js';

/** memory_consolidation: embeds an agent memory into the long-term store. */
@Injectable()
export class MemoryProcessor extends QueueProcessor<MemoryJob> {
  readonly queueName = QueueName.MemoryConsolidation;
  readonly jobNames = MEMORY_JOB_NAMES;

  constructor(private readonly recall: MemoryRecallService) {
    super();
  }

  async process(job: TypedJob<MemoryJob>, { signal }: JobContext): Promise<unknown> {
    switch (job.name) {
      case 'consolidate-memory':
        return this.recall.consolidate(job.data, signal);
      default:
        // Compiles only while every job name above is handled.
        job.name satisfies never;
        return unknownJob(job as never);
    }
  }
}
