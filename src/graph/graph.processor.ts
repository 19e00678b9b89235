import { Injectable } from '@nestjs/common';
import { QueueName } from '../infra/queue/queue-names.js';
import { JobContext, QueueProcessor, TypedJob, unknownJob } from '../infra/queue/queue-processor.js';
import { isPermanentExtractionFailure } from './extractors/extraction-failure.js';
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
    switch (job.name) {
      case 'extract-graph':
        return this.regeneration.regenerateFile(job.data.file_id, job.data.force_rechunk === true, signal);
      default:
        return unknownJob(job.name);
    }
  }

  /** A deleted file, a bad LLM key or model: retrying cannot fix these. */
  override isPermanentFailure(error: unknown): boolean {
    return error instanceof GraphFileGoneError || isPermanentExtractionFailure(error);
  }

  override async settleFailedJob(job: GraphJob, reason: string): Promise<void> {
    await this.regeneration.settleFailedRegeneration(job.data.file_id, reason);
  }
}
