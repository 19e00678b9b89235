import { Injectable } from '@nestjs/common';
import { QueueName } from '../infra/queue/queue-names.js';
import { JobContext, QueueProcessor, TypedJob, unknownJob } from '../infra/queue/queue-processor.js';
import { isPermanentExtractionFailure } from './extractors/extraction-failure.js';
import { GraphFileGoneError } from './graph-file-gone.error.js';
import { GraphJob } from './graph.jobs.js';
import { GraphRegenerationService } from './graph-regeneration.service.js';
import { GraphRunStage } from './graph-run-stage.service.js';

/** The kg_extraction queue: a file run's graph stage, or a regeneration; each one service call. */
@Injectable()
export class GraphProcessor extends QueueProcessor<GraphJob> {
  readonly queueName = QueueName.KgExtraction;
  readonly jobNames = ['extract-graph'] as const;

  constructor(
    private readonly regeneration: GraphRegenerationService,
    private readonly runStage: GraphRunStage,
  ) {
    super();
  }

  async process(job: TypedJob<GraphJob>, { signal }: JobContext): Promise<unknown> {
    switch (job.name) {
      case 'extract-graph':
        if (job.data.ends_run) {
          return this.runStage.extract(job.data.file_id, Object.values(await job.getChildrenValues()), signal);
        }
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
    if (job.data.ends_run) await this.runStage.settleFailed(job.data.file_id, reason);
    else await this.regeneration.settleFailedRegeneration(job.data.file_id, reason);
  }
}
