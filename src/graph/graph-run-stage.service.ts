import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { FileChunksService } from '../files/file-chunks.service.js';
import { FileRecordsService } from '../files/file-records.service.js';
import { processFileJobId } from '../files/files.jobs.js';
import { FileRunService } from '../files/file-run.service.js';
import { ProcessingStatusService } from '../files/processing-status.service.js';
import { JOB_CANCELED, JobReconciliationRepository } from '../infra/queue/job-reconciliation.repository.js';
import { QueueName } from '../infra/queue/queue-names.js';
import { DEPENDENCY_FAILED } from '../infra/queue/task-flows.js';
import { isPermanentExtractionFailure } from './extractors/extraction-failure.js';
import type { GraphExtractor } from './extractors/graph-extractor.js';
import { GraphService } from './graph.service.js';

export interface GraphRunResult {
  file_id: string;
  status: 'completed' | 'skipped';
  entities?: number;
  relations?: number;
  kg_error?: string;
}

/**
 * The graph stage of a file's processing run: the run's `extract-graph` job, which BullMQ releases once the run's
 * `process-file` job stored the file's chunks and vectors (the file is searchable by then). It extracts the graph from
 * the stored chunks and ends the run: the file becomes `completed`. A graph extraction the extractor refuses for good
 * leaves the file `completed` with kg_extraction `failed` (the graph can be regenerated later); any other failure is
 * retried, and when no attempt is left the file still ends `completed`, kg_extraction `failed` (FileRunService).
 */
@Injectable()
export class GraphRunStage {
  private readonly logger = new Logger('GraphRunStage');

  constructor(
    private readonly graph: GraphService,
    private readonly files: FileRecordsService,
    private readonly chunks: FileChunksService,
    private readonly status: ProcessingStatusService,
    private readonly run: FileRunService,
    private readonly jobs: JobReconciliationRepository,
  ) {}

  /**
   * `textStage`: what the run's completed `process-file` job returned (BullMQ's children values). `extractor`: a
   * remote worker's findings (the run's graph job leased remotely) instead of the configured extractor.
   */
  async extract(fileId: string, textStage: readonly unknown[], signal: AbortSignal, extractor?: GraphExtractor): Promise<GraphRunResult> {
    const file = await this.files.getFile(fileId);
    if (!file) return { file_id: fileId, status: 'skipped' };
    // Its text-stage job was removed (an operator's cancel) rather than completed: BullMQ released this job anyway.
    // A graph job queued on its own after an operator requeued the failed text stage has no children: the status
    // document says whether this run stored the text.
    if (!textStage.some(isSearchableResult) && (await this.status.get(fileId))?.searchable !== true) {
      const canceled = await this.jobs.wasCanceled(QueueName.FileProcessing, processFileJobId(fileId));
      throw new UnrecoverableError(
        canceled ? `${JOB_CANCELED}: an operator canceled the file's process-file job` : `${DEPENDENCY_FAILED}: the file's process-file job did not complete`,
      );
    }
    const chunks = await this.chunks.ensureChunks(fileId, { signal });
    const result: GraphRunResult = { file_id: fileId, status: 'completed' };
    try {
      const graph = await this.graph.extractFileGraph(file, chunks, signal, extractor);
      result.entities = graph.entities;
      result.relations = graph.relations;
    } catch (error) {
      if (signal.aborted || !isPermanentExtractionFailure(error)) throw error;
      // Optional stage: the graph service marked kg_extraction failed; the file stays usable.
      result.kg_error = error instanceof Error ? error.message : String(error);
      this.logger.warn(`file ${fileId}: graph extraction failed: ${result.kg_error}`);
    }
    // Deleted while we extracted (the delete aborts this job, but a write in flight still lands): take it back.
    if (!(await this.files.getFile(fileId))) {
      await this.graph.deleteFileGraph(fileId);
      await this.status.delete(fileId);
      return { file_id: fileId, status: 'skipped' };
    }
    await this.run.saveFinalState(fileId, null);
    return result;
  }

  /** The run's graph job failed for good, whoever ended it. */
  async settleFailed(fileId: string, reason: string): Promise<void> {
    await this.run.settleFailedGraphStage(fileId, reason);
  }
}

function isSearchableResult(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { status?: unknown }).status === 'searchable';
}
