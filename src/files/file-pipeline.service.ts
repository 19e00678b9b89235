import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { isPermanentExtractionFailure } from '../graph/extractors/extraction-failure.js';
import { GraphService } from '../graph/graph.service.js';
import { JOB_LOCK_LOST } from '../infra/queue/job-errors.js';
import { VectorsService } from '../vectors/vectors.service.js';
import { chunkCount } from './chunk-source.js';
import { FileBlobMissingError } from './file-core.errors.js';
import { FileChunksService } from './file-chunks.service.js';
import { FilesRepository } from './files.repository.js';
import { CorruptDocumentError, UnsupportedFileTypeError } from './parsing/document-parsing.errors.js';
import { ProcessingStatusService } from './processing-status.service.js';

export interface PipelineResult {
  file_id: string;
  status: 'completed' | 'skipped';
  chunks?: number;
  vectors?: number;
  entities?: number;
  relations?: number;
  kg_error?: string;
}

/**
 * The `process-file` job: parse → chunk → vectorize → store → extract graph. Memory stays bounded for any file
 * size: chunks are stored as the chunker yields them, and the vectors and graph stages read them back page by page.
 * Every step replaces what the file had (chunks, vectors, graph), so a retry, a stalled-job recovery or a reprocess
 * never duplicates anything. Chunking, vectorization and storage are required; a graph extraction the extractor
 * refuses for good leaves the file `completed` with kg_extraction `failed` (the graph can be regenerated later), any
 * other graph failure fails the attempt so it is retried. The final state and stage timings go to the database.
 */
@Injectable()
export class FilePipelineService {
  private readonly logger = new Logger('FilePipeline');

  constructor(
    private readonly files: FilesRepository,
    private readonly chunks: FileChunksService,
    private readonly status: ProcessingStatusService,
    private readonly vectors: VectorsService,
    private readonly graph: GraphService,
  ) {}

  async processFile(fileId: string, run: { signal: AbortSignal; finalAttempt: boolean }): Promise<PipelineResult> {
    const file = await this.files.findById(fileId);
    // Deleted while queued: nothing left to process.
    if (!file) return { file_id: fileId, status: 'skipped' };
    const { signal } = run;
    await this.files.setStatus(fileId, 'processing');
    await this.status.reset(fileId, 'Processing started');
    try {
      const chunks = await this.chunks.ensureChunks(fileId, { force: true, signal });
      signal.throwIfAborted();
      const vectors = await this.vectors.vectorizeFile(file, chunks, signal);
      signal.throwIfAborted();
      const result: PipelineResult = { file_id: fileId, status: 'completed', chunks: chunkCount(chunks), vectors: vectors.count };
      try {
        const graph = await this.graph.extractFileGraph(file, chunks, signal);
        result.entities = graph.entities;
        result.relations = graph.relations;
      } catch (error) {
        if (signal.aborted || !isPermanentExtractionFailure(error)) throw error;
        // Optional stage: the graph service marked kg_extraction failed; the file is still usable.
        result.kg_error = messageOf(error);
        this.logger.warn(`file ${fileId}: graph extraction failed: ${result.kg_error}`);
      }
      await this.saveFinalState(fileId, null);
      await this.discardIfDeleted(fileId);
      return result;
    } catch (error) {
      // Another worker runs this job now (this one lost its lock): leave the file's state to that run.
      if (signal.reason === JOB_LOCK_LOST) throw error;
      if (await this.discardIfDeleted(fileId)) throw new UnrecoverableError('FILE_DELETED: the file was deleted');
      const permanent = isPermanent(error);
      const reason = messageOf(error);
      if (permanent || run.finalAttempt) {
        await this.status.fail(fileId, `Processing failed: ${reason}`).catch(() => undefined);
        await this.saveFinalState(fileId, reason).catch(() => undefined);
      } else {
        await this.status.fail(fileId, `Processing failed: ${reason}; retrying`).catch(() => undefined);
        await this.files.setStatus(fileId, 'queued', reason).catch(() => undefined);
      }
      throw permanent && !(error instanceof UnrecoverableError) ? new UnrecoverableError(reason) : error;
    }
  }

  /**
   * The run's job failed for good, whoever ended it (its last attempt, a worker lost too often, an abort, a cancel, the
   * reconciler finding it lost): the file becomes `failed` with the reason, live and stored, unless it is already
   * settled (a run completed it, or this failure was already recorded).
   */
  async settleFailedRun(fileId: string, reason: string): Promise<void> {
    const file = await this.files.findById(fileId);
    if (!file || file.status === 'completed') return;
    const live = await this.status.get(fileId);
    if (file.status === 'failed' && (!live || live.status === 'failed')) return;
    await this.status.fail(fileId, `Processing failed: ${reason}`);
    await this.saveFinalState(fileId, reason);
  }

  /**
   * A delete that raced this run (it aborts the job, but a write in flight still lands): remove what the run wrote
   * after the delete. Returns true when the file is gone.
   */
  private async discardIfDeleted(fileId: string): Promise<boolean> {
    if (await this.files.findById(fileId)) return false;
    await this.vectors.deleteFileVectors(fileId);
    await this.graph.deleteFileGraph(fileId);
    await this.status.delete(fileId);
    return true;
  }

  /** Stores the run's final status document and stage timings with the file. */
  private async saveFinalState(fileId: string, error: string | null): Promise<void> {
    const final = await this.status.get(fileId);
    if (!final) return;
    const stages = await this.status.stageSummary(fileId, final);
    const status = error === null && final.status === 'completed' ? 'completed' : 'failed';
    await this.files.saveFinalState(fileId, { status, error, processing: { ...final }, stages });
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
