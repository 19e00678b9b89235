import { Injectable } from '@nestjs/common';
import { DEPENDENCY_FAILED, isDependencyFailure } from '../infra/queue/task-flows.js';
import { FilesRepository } from './files.repository.js';
import { ProcessingStatusService } from './processing-status.service.js';

/**
 * The end of a file's processing run, shared by its two stages' jobs: the text stage (`process-file`: parse, chunk,
 * embed, store) and the graph stage (`extract-graph` of the run, on kg_extraction). Whichever job ends the run stores
 * the final status document and stage timings with the file, so the status endpoint answers after the Redis key
 * expires.
 */
@Injectable()
export class FileRunService {
  constructor(
    private readonly files: FilesRepository,
    private readonly status: ProcessingStatusService,
  ) {}

  /** Stores the run's final status document and stage timings with the file. */
  async saveFinalState(fileId: string, error: string | null): Promise<void> {
    const final = await this.status.get(fileId);
    if (!final) return;
    const stages = await this.status.stageSummary(fileId, final);
    const status = error === null && final.status === 'completed' ? 'completed' : 'failed';
    await this.files.saveFinalState(fileId, { status, error, processing: { ...final }, stages });
  }

  /**
   * The run failed for good before its text was stored, whoever ended it (its last attempt, a worker lost too often,
   * an abort, a cancel, the reconciler finding it lost): the file becomes `failed` with the reason, live and stored,
   * unless it is already settled (a run completed it, or this failure was already recorded). A reason of the step
   * that failed replaces a DEPENDENCY_FAILED recorded before it (which only says that some step failed).
   */
  async settleFailedRun(fileId: string, reason: string): Promise<void> {
    const file = await this.files.findById(fileId);
    if (!file || file.status === 'completed') return;
    const live = await this.status.get(fileId);
    const saysMore = isDependencyReason(file.error) && !isDependencyReason(reason);
    if (file.status === 'failed' && (!live || live.status === 'failed') && !saysMore) return;
    await this.status.fail(fileId, `Processing failed: ${reason}`);
    await this.saveFinalState(fileId, reason);
  }

  /**
   * The run's graph stage failed for good. A file whose text stage stored its chunks stays `completed` and searchable
   * with kg_extraction `failed` (the graph is optional and can be regenerated); one whose text stage never finished
   * (its job was canceled under the graph job) fails like any run.
   */
  async settleFailedGraphStage(fileId: string, reason: string): Promise<void> {
    const file = await this.files.findById(fileId);
    if (!file || file.status === 'completed' || file.status === 'failed') return;
    const live = await this.status.get(fileId);
    // BullMQ failed it with a step it waited on (the text stage, or the run's embedding step): that step's own
    // settling records the run's failure with its reason (the reconciler, should it be lost); both run at once.
    if (live?.storage.status !== 'completed' && isDependencyFailure(reason)) return;
    if (live?.storage.status !== 'completed') return this.settleFailedRun(fileId, reason);
    if (live.kg_extraction.status !== 'completed' && live.kg_extraction.status !== 'skipped') {
      const message = `Graph extraction failed: ${reason}`;
      await this.status.updateStage(fileId, 'kg_extraction', { status: 'failed', progress: 0 }, message);
    }
    await this.saveFinalState(fileId, null);
  }

  /** True while the file is in a run (queued or processing). */
  async inRun(fileId: string): Promise<boolean> {
    const status = (await this.files.findById(fileId))?.status;
    return status === 'queued' || status === 'processing';
  }
}

function isDependencyReason(reason: string | null | undefined): boolean {
  return !!reason && (isDependencyFailure(reason) || reason.startsWith(DEPENDENCY_FAILED));
}
