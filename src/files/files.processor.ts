import { Injectable } from '@nestjs/common';
import { QueueName } from '../infra/queue/queue-names.js';
import type { AppJobOptions } from '../infra/queue/task-queue.service.js';
import { JobContext, QueueProcessor, TypedJob, unknownJob } from '../infra/queue/queue-processor.js';
import { FilePipelineService } from './file-pipeline.service.js';
import { FileProcessingQueue } from './file-processing.queue.js';
import { FilesJob } from './files.jobs.js';

/** The file_processing queue: a run's text stage, and the rechunk step of a graph regeneration chain. */
@Injectable()
export class FilesProcessor extends QueueProcessor<FilesJob> {
  readonly queueName = QueueName.FileProcessing;
  readonly jobNames = ['process-file', 'rechunk-file'] as const;

  constructor(
    private readonly pipeline: FilePipelineService,
    private readonly runs: FileProcessingQueue,
  ) {
    super();
  }

  async process(job: TypedJob<FilesJob>, { signal, finalAttempt }: JobContext): Promise<unknown> {
    switch (job.name) {
      case 'process-file': {
        const chunksOnly = job.data.chunks_only === true;
        const result = await this.pipeline.processFile(job.data.file_id, { signal, finalAttempt, chunksOnly });
        if (result.status === 'searchable') await this.runs.requeueFailedGraphStage(job.data.file_id, (job.opts as AppJobOptions).userId);
        return result;
      }
      case 'rechunk-file':
        return this.pipeline.rechunkFile(job.data.file_id, signal);
      default:
        return unknownJob(job);
    }
  }

  override async settleFailedJob(job: FilesJob, reason: string): Promise<void> {
    if (job.name === 'rechunk-file') await this.pipeline.settleFailedRechunk(job.data.file_id, reason);
    else await this.pipeline.settleFailedRun(job.data.file_id, reason);
  }
}
