import { Injectable } from '@nestjs/common';
import { QueueName } from '../infra/queue/queue-names.js';
import { JobContext, QueueProcessor, TypedJob, unknownJob } from '../infra/queue/queue-processor.js';
import { FilePipelineService } from './file-pipeline.service.js';
import { FilesJob } from './files.jobs.js';

/** The file_processing queue: each job is one pipeline run. */
@Injectable()
export class FilesProcessor extends QueueProcessor<FilesJob> {
  readonly queueName = QueueName.FileProcessing;
  readonly jobNames = ['process-file'] as const;

  constructor(private readonly pipeline: FilePipelineService) {
    super();
  }

  async process(job: TypedJob<FilesJob>, { signal, finalAttempt }: JobContext): Promise<unknown> {
    switch (job.name) {
      case 'process-file':
        return this.pipeline.processFile(job.data.file_id, { signal, finalAttempt });
      default:
        return unknownJob(job.name);
    }
  }

  override async settleFailedJob(job: FilesJob, reason: string): Promise<void> {
    await this.pipeline.settleFailedRun(job.data.file_id, reason);
  }
}
