import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { JOB_LOCK_LOST } from '../infra/queue/job-errors.js';
import { VectorsService } from '../vectors/vectors.service.js';
import { chunkCount } from './chunk-source.js';
import { FileBlobMissingError } from './file-core.errors.js';
import { FileChunksService } from './file-chunks.service.js';
import { FileRunService } from './file-run.service.js';
import { FilesRepository } from './files.repository.js';
import { CorruptDocumentError, UnsupportedFileTypeError } from './parsing/document-parsing.errors.js';
import { ProcessingStatusService } from './processing-status.service.js';

export interface PipelineResult {
  file_id: string;
  /**
   * `searchable`: chunks and vectors stored; the run's graph job comes next. `chunked`: chunks stored (chunksOnly); the
   * run's embedding step comes next. `skipped`: the file was deleted.
   */
  status: 'searchable' | 'chunked' | 'skipped';
  chunks?: number;
  vectors?: number;
}

/**
 * The text stage of a file's run, the `process-file` job: parse → chunk → vectorize → store. The file is searchable
 * when it ends; the run's `extract-graph` job (kg_extraction, released by BullMQ once this job completed) extracts the
 * graph and ends the run. Memory stays bounded for any file size: chunks are stored as the chunker yields them, and
 * the vectors stage reads them back page by page. Every step replaces what the file had (chunks, vectors), so a
 * retry, a stalled-job recovery or a reprocess never duplicates anything. Failures are classified here, in one place:
 * permanent ones (unreadable content, a vanished blob) fail the run at once, others are retried; a run failed for
 * good stores the file `failed` with the reason, and BullMQ fails the waiting graph job (DEPENDENCY_FAILED).
 */
@Injectable()
export class FilePipelineService {
  constructor(
    private readonly files: FilesRepository,
    private readonly chunks: FileChunksService,
    private readonly status: ProcessingStatusService,
    private readonly vectors: VectorsService,
    private readonly run: FileRunService,
  ) {}

  /** `chunksOnly`: stop once the chunks are stored; the run's `vectorize-file` step embeds them (see ProcessFilePayload). */
  async processFile(fileId: string, run: { signal: AbortSignal; finalAttempt: boolean; chunksOnly?: boolean }): Promise<PipelineResult> {
    const file = await this.files.findById(fileId);
    // Deleted while queued: nothing left to process.
    if (!file) return { file_id: fileId, status: 'skipped' };
    const { signal } = run;
    await this.files.setStatus(fileId, 'processing');
    await this.status.reset(fileId, 'Processing started');
    try {
      const chunks = await this.chunks.ensureChunks(fileId, { force: true, signal });
      signal.throwIfAborted();
      if (run.chunksOnly) {
        if (await this.discardIfDeleted(fileId)) return { file_id: fileId, status: 'skipped' };
        return { file_id: fileId, status: 'chunked', chunks: chunkCount(chunks) };
      }
      const vectors = await this.vectors.vectorizeFile(file, chunks, signal);
      signal.throwIfAborted();
      if (await this.discardIfDeleted(fileId)) return { file_id: fileId, status: 'skipped' };
      return { file_id: fileId, status: 'searchable', chunks: chunkCount(chunks), vectors: vectors.count };
    } catch (error) {
      // Another worker runs this job now (this one lost its lock): leave the file's state to that run.
      if (signal.reason === JOB_LOCK_LOST) throw error;
      if (await this.discardIfDeleted(fileId)) throw new UnrecoverableError('FILE_DELETED: the file was deleted');
      const permanent = isPermanent(error);
      const reason = messageOf(error);
      if (permanent || run.finalAttempt) {
        await this.status.fail(fileId, `Processing failed: ${reason}`).catch(() => undefined);
        await this.run.saveFinalState(fileId, reason).catch(() => undefined);
      } else {
        await this.status.fail(fileId, `Processing failed: ${reason}; retrying`).catch(() => undefined);
        await this.files.setStatus(fileId, 'queued', reason).catch(() => undefined);
      }
      throw permanent && !(error instanceof UnrecoverableError) ? new UnrecoverableError(reason) : error;
    }
  }

  /**
   * First step of a `force_rechunk` regeneration chain (rechunk → vectorize → extract): parses and chunks the file
   * again. The file keeps its vectors (they carry their text) until the chain's vectorize step replaces them.
   */
  async rechunkFile(fileId: string, signal: AbortSignal): Promise<{ file_id: string; chunks: number }> {
    if (!(await this.files.findById(fileId))) throw new UnrecoverableError('FILE_DELETED: the file was deleted');
    try {
      const chunks = await this.chunks.ensureChunks(fileId, { force: true, signal });
      return { file_id: fileId, chunks: chunkCount(chunks) };
    } catch (error) {
      throw isPermanent(error) && !(error instanceof UnrecoverableError) ? new UnrecoverableError(messageOf(error)) : error;
    }
  }

  /** The run's text stage failed for good, whoever ended it: the file becomes `failed` (see FileRunService). */
  async settleFailedRun(fileId: string, reason: string): Promise<void> {
    await this.run.settleFailedRun(fileId, reason);
  }

  /** The rechunk step of a regeneration failed for good: the stage it left running is marked failed. */
  async settleFailedRechunk(fileId: string, reason: string): Promise<void> {
    await this.status.failRunningStages(fileId, `Graph regeneration failed: ${reason}`);
  }

  /**
   * A delete that raced this run (it aborts the job, but a write in flight still lands): remove what the run wrote
   * after the delete. Returns true when the file is gone.
   */
  private async discardIfDeleted(fileId: string): Promise<boolean> {
    if (await this.files.findById(fileId)) return false;
    await this.vectors.deleteFileVectors(fileId);
    await this.status.delete(fileId);
    return true;
  }
}

/** Errors a retry cannot fix: unreadable or unsupported content, a vanished blob, an explicit UnrecoverableError. */
function isPermanent(error: unknown): boolean {
  return (
    error instanceof UnrecoverableError ||
    error instanceof CorruptDocumentError ||
    error instanceof UnsupportedFileTypeError ||
    error instanceof FileBlobMissingError
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
