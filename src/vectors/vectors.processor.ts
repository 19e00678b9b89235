import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
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
    try {
      switch (job.name) {
        case 'vectorize-file':
          return await this.vectors.regenerateFile(job.data.file_id, signal);
        default:
          return unknownJob(job.name);
      }
    } catch (error) {
      // A deleted file, a wrong dimension, bad credentials: retrying cannot fix these.
      const permanent =
        error instanceof VectorizedFileGoneError || (error instanceof EmbeddingProviderError && !error.retryable);
      throw permanent ? new UnrecoverableError(error.message) : error;
    }
  }
}
