import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { QueueName } from '../infra/queue/queue-names.js';
import { JobContext, QueueProcessor, TypedJob, unknownJob } from '../infra/queue/queue-processor.js';
import { LlmExtractionError } from './extractors/llm-extraction.error.js';
import { GraphFileGoneError } from './graph-file-gone.error.js';
import { GraphJob } from './graph.jobs.js';
import { GraphRegenerationService } from './graph-regeneration.service.js';

/** The kg_extraction queue: maps each job to one service call. */
@Injectable()
export class GraphProcessor extends QueueProcessor<GraphJob> {
  readonly queueName = QueueName.KgExtraction;
  readonly jobNames = ['extract-graph'] as const;

  constructor(private readonly regeneration: GraphRegenerationService) {
    super();
  }

  async process(job: TypedJob<GraphJob>, { signal }: JobContext): Promise<unknown> {
    try {
      switch (job.name) {
        case 'extract-graph':
          return await this.regeneration.regenerateFile(job.data.file_id, job.data.force_rechunk === true, signal);
        default:
          return unknownJob(job.name);
      }
    } catch (error) {
      // A deleted file, a bad LLM key or model: retrying cannot fix these.
      const permanent =
        error instanceof GraphFileGoneError || (error instanceof LlmExtractionError && !error.retryable);
      throw permanent ? new UnrecoverableError(error.message) : error;
    }
  }
}
