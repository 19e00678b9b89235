import { Injectable } from '@nestjs/common';
import { QueueName } from '../infra/queue/queue-names.js';
import { JobContext, QueueProcessor, TypedJob, unknownJob } from '../infra/queue/queue-processor.js';
import { EmbeddingProviderError, VectorizedFileGoneError } from './vectors.errors.js';
import { VectorsJob } from './vectors.jobs.js';
import { VectorsService } from './vectors.service.js';

/** The vectorization queue: maps each job to one VectorsService call. */
@Injectable()
export class VectorsProcessor extends QueueProcessor<VectorsJob> {
  readonly queueName = QueueName.Vectorization;
  readonly jobNames = ['vectorize-file'] as const;

  constructor(private readonly vectors: VectorsService) {
    super();
  }

  async process(job: TypedJob<VectorsJob>, { signal }: JobContext): Promise<unknown> {
    switch (job.name) {
      case 'vectorize-file':
        return this.vectors.regenerateFile(job.data.file_id, signal);
      default:
        return unknownJob(job.name);
    }
  }

  /** A deleted file, a wrong dimension, bad credentials: retrying cannot fix these. */
  override isPermanentFailure(error: unknown): boolean {
    return error instanceof VectorizedFileGoneError || (error instanceof EmbeddingProviderError && !error.retryable);
  }

  override async settleFailedJob(job: VectorsJob, reason: string): Promise<void> {
    await this.vectors.settleFailedRegeneration(job.data.file_id, reason);
  }
}
