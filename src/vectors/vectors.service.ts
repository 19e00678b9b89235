import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user.js';
import { FileChunksService } from '../files/file-chunks.service.js';
import { ChunkRecord, StageName } from '../files/file-core.types.js';
import { FileRecordsService } from '../files/file-records.service.js';
import { ProcessingStatusService } from '../files/processing-status.service.js';
import { EnqueuedTask, TaskQueueService } from '../infra/queue/task-queue.service.js';
import { AppConfig } from '../infra/config/app-config.js';
import { EmbeddingService } from './embedding/embedding.service.js';
import { VectorizeFileJob, vectorizeJobId } from './vectors.jobs.js';
import { VectorsRepository } from './vectors.repository.js';
import { VectorizedFileGoneError } from './vectors.errors.js';

/** Embeds files' chunks and keeps each file's vectors: replaced as a whole, never mixed, never doubled. */
@Injectable()
export class VectorsService implements OnModuleInit {
  constructor(
    private readonly config: AppConfig,
    private readonly embeddings: EmbeddingService,
    private readonly repository: VectorsRepository,
    private readonly files: FileRecordsService,
    private readonly chunks: FileChunksService,
    private readonly status: ProcessingStatusService,
    private readonly queue: TaskQueueService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.repository.ensureHnswIndex(this.embeddings.dimension);
  }

  /**
   * Embeds the chunks (through the cache) and replaces the file's vectors in one transaction. Moves the
   * vectorization stage (chunks embedded / total) and the storage stage of the file's processing status.
   */
  async vectorizeFile(
    file: { id: string; owner_id: string },
    chunks: ChunkRecord[],
    signal?: AbortSignal,
  ): Promise<{ count: number }> {
    let stage: StageName = 'vectorization';
    try {
      await this.status.updateStage(file.id, 'vectorization', { status: 'processing', progress: 0 }, 'Embedding chunks');
      const vectors: number[][] = [];
      const step = this.config.embedding.batchSize * this.config.embedding.concurrency;
      for (let i = 0; i < chunks.length; i += step) {
        signal?.throwIfAborted();
        const slice = chunks.slice(i, i + step);
        vectors.push(...(await this.embeddings.embed(slice.map((c) => c.text), signal)));
        const progress = (vectors.length / chunks.length) * 100;
        await this.status.updateStage(file.id, 'vectorization', { status: 'processing', progress });
      }
      await this.status.updateStage(file.id, 'vectorization', { status: 'completed', progress: 100 });

      stage = 'storage';
      signal?.throwIfAborted();
      await this.status.updateStage(file.id, 'storage', { status: 'processing', progress: 0 }, 'Storing vectors');
      await this.repository.replaceFileVectors(
        file.id,
        chunks.map((chunk, i) => ({
          chunkId: chunk.id,
          fileId: file.id,
          ownerId: file.owner_id,
          model: this.embeddings.model,
          dimension: this.embeddings.dimension,
          embedding: vectors[i],
          chunkIndex: chunk.chunk_index,
          text: chunk.text,
        })),
      );
      await this.status.updateStage(
        file.id,
        'storage',
        { status: 'completed', progress: 100 },
        `Stored ${chunks.length} vectors`,
      );
      return { count: chunks.length };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await this.status
        .updateStage(file.id, stage, { status: 'failed', progress: 0 }, `${stage} failed: ${reason}`)
        .catch(() => undefined);
      throw error;
    }
  }

  async deleteFileVectors(fileId: string): Promise<void> {
    await this.repository.deleteFileVectors(fileId);
  }

  /** The `vectorize-file` job: loads fresh state, chunks first if the file has no chunks yet. */
  async regenerateFile(fileId: string, signal?: AbortSignal): Promise<{ count: number }> {
    const file = await this.files.getFile(fileId);
    if (!file) throw new VectorizedFileGoneError(fileId);
    const chunks = await this.chunks.ensureChunks(fileId, { signal });
    return this.vectorizeFile(file, chunks, signal);
  }

  /** Queues a regeneration of the caller's file; while one is queued, returns that job. */
  async requestRegeneration(fileId: string, user: AuthUser): Promise<EnqueuedTask> {
    await this.files.getOwnedFile(fileId, user);
    return this.queue.enqueue(VectorizeFileJob, { file_id: fileId }, { jobId: vectorizeJobId(fileId) });
  }

  async fileVectors(
    fileId: string,
    user: AuthUser,
  ): Promise<{ file_id: string; model: string; dimension: number; count: number; updated_at: Date | null }> {
    await this.files.getOwnedFile(fileId, user);
    const { model, dimension } = this.embeddings;
    const stats = await this.repository.fileStats(fileId, model, dimension);
    return { file_id: fileId, model, dimension, count: stats.count, updated_at: stats.updatedAt };
  }
}
