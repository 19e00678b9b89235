import { Injectable } from '@nestjs/common';
import { FileRunService } from '../files/file-run.service.js';
import { QueueName } from '../infra/queue/queue-names.js';
import { JobContext, QueueProcessor, TypedJob, unknownJob } from '../infra/queue/queue-processor.js';
import { EmbeddingProviderError, VectorizedFileGoneError } from './vectors.errors.js';
import { VectorsJob } from './vectors.jobs.js';
import { VectorsService } from './vectors.service.js';

/** The vectorization queue: maps each job to one VectorsService call (a run's embedding step or a regeneration). */
@Injectable()
export class VectorsProcessor extends QueueProcessor<VectorsJob> {
  readonly queueName = QueueName.Vectorization;
  readonly jobNames = ['vectorize-file'] as const;

  constructor(
    private readonly vectors: VectorsService,
    private readonly run: FileRunService,
  ) {
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

  /** A run's embedding step settles like its text stage (the file `failed`); a regeneration only marks its stages. */
  override async settleFailedJob(job: VectorsJob, reason: string): Promise<void> {
    if (job.data.ends_text_stage) await this.run.settleFailedRun(job.data.file_id, reason);
    else await this.vectors.settleFailedRegeneration(job.data.file_id, reason);
  }
}
