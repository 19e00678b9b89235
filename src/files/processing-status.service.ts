import { Injectable } from '@nestjs/common';
import { FileRecord, FileStatus, ProcessingStatus, StageName, StageStatus, STAGE_NAMES } from './file-core.types.js';
import { FilesRepository } from './files.repository.js';
import { StoredStages } from './files.schema.js';
import { freshStatus, normalize, ProcessingStatusRepository } from './processing-status.repository.js';

/**
 * Live processing status of a file: `processing:status:{file_id}` in the ARCHITECTURE.md shape. Each stage owner
 * (files, vectors, graph) moves its own stage; the overall status and progress follow from the stages.
 */
@Injectable()
export class ProcessingStatusService {
  constructor(
    private readonly repository: ProcessingStatusRepository,
    private readonly files: FilesRepository,
  ) {}

  async updateStage(
    fileId: string,
    stage: StageName,
    update: { status: StageStatus; progress: number },
    message?: string,
  ): Promise<void> {
    const progress = Math.round(Math.min(100, Math.max(0, update.progress)));
    // A later job (e.g. regenerating vectors) after the key expired starts from the stored state, not all-pending.
    const seed = (await this.repository.exists(fileId)) ? undefined : await this.storedStatus(fileId);
    await this.repository.updateStage(fileId, stage, update.status, progress, message ?? '', seed);
  }

  /** Starts a run: every stage pending again, timings cleared. */
  async reset(fileId: string, message = 'Queued for processing'): Promise<ProcessingStatus> {
    return this.repository.reset(fileId, message);
  }

  /** Marks the running stage failed (the file's status becomes `failed` when a required stage failed). */
  async fail(fileId: string, message: string): Promise<ProcessingStatus> {
    return this.repository.fail(fileId, message);
  }

  async get(fileId: string): Promise<ProcessingStatus | undefined> {
    return this.repository.get(fileId);
  }

  /** Marks the stages still `processing` failed (their job ended without finishing them); no-op when none is. */
  async failRunningStages(fileId: string, message: string): Promise<void> {
    const live = await this.repository.get(fileId);
    if (live && STAGE_NAMES.some((stage) => live[stage].status === 'processing')) await this.repository.fail(fileId, message);
  }

  /** Live status documents with a stage still `processing` (for the reconciler). */
  async *withRunningStages(): AsyncIterable<ProcessingStatus> {
    for await (const live of this.repository.scanLive()) {
      if (STAGE_NAMES.some((stage) => live[stage].status === 'processing')) yield live;
    }
  }

  /** The live status while its key lives, else the state stored at the end of the last run. */
  async current(file: FileRecord): Promise<ProcessingStatus> {
    return (await this.repository.get(file.id)) ?? statusFromRecord(file);
  }

  /** The stages of the current run with their timings, as stored in the database at the end of a run. */
  async stageSummary(fileId: string, status: ProcessingStatus): Promise<StoredStages> {
    const timings = await this.repository.timings(fileId);
    const summary: StoredStages = {};
    for (const stage of STAGE_NAMES) {
      const { started_at, finished_at } = timings[stage];
      const duration =
        started_at && finished_at ? new Date(finished_at).getTime() - new Date(started_at).getTime() : undefined;
      summary[stage] = { ...status[stage], started_at, finished_at, duration_ms: duration };
    }
    return summary;
  }

  async delete(fileId: string): Promise<void> {
    await this.repository.delete(fileId);
  }

  private async storedStatus(fileId: string): Promise<ProcessingStatus | undefined> {
    const file = await this.files.findById(fileId).catch(() => undefined);
    return file ? statusFromRecord(file) : undefined;
  }
}

function statusFromRecord(file: FileRecord): ProcessingStatus {
  if (file.processing) return normalize(file.processing as unknown as ProcessingStatus);
  return { ...freshStatus(file.id, file.error ?? `File is ${file.status}`), status: file.status as FileStatus };
}
