import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user.js';
import { FileChunksService } from '../files/file-chunks.service.js';
import { chunkBatchesOf, chunkCount } from '../files/chunk-source.js';
import { ChunkRecord, ChunkSource, StageName } from '../files/file-core.types.js';
import { FileRecordsService } from '../files/file-records.service.js';
import { ProcessingStatusService } from '../files/processing-status.service.js';
import type { EnqueuedTask } from '../infra/queue/task-queue.service.js';
import type { TaskPriority } from '../infra/queue/task-priority.js';
import { UserTaskQueue } from '../jobs/user-task-queue.js';
import { AppConfig } from '../infra/config/app-config.js';
import { EmbeddingService } from './embedding/embedding.service.js';
import { VectorizeFileJob, vectorizeJobId } from './vectors.jobs.js';
import { VectorsRepository } from './vectors.repository.js';
import { VectorizedFileGoneError, VectorWriteSupersededError } from './vectors.errors.js';
import { NewChunkVectorRow } from './vectors.schema.js';

/** Gives the vectors of a batch of chunks, in order: the embedding service, or vectors a remote worker computed. */
export type ChunkEmbedder = (batch: ChunkRecord[], signal?: AbortSignal) => Promise<number[][]>;

/** `superseded`: a write of the file begun later was stored instead of this one (count: its vectors). */
export interface VectorizeResult {
  count: number;
  superseded?: true;
}

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
    private readonly queue: UserTaskQueue,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.repository.ensureHnswIndex(this.embeddings.dimension, this.config.vectorIndex);
  }

  /**
   * Embeds the chunks (through the cache) batch by batch and writes each batch's vectors as it goes, under a new
   * generation that stays invisible until the end, when one short transaction makes it the file's vectors and
   * deletes the old ones: memory holds one batch, and readers see the old vectors or the new, never a mix. Moves
   * the vectorization stage (chunks embedded / total) and the storage stage (vectors written / total).
   */
  async vectorizeFile(
    file: { id: string; owner_id: string },
    chunks: ChunkSource,
    signal?: AbortSignal,
    embed: ChunkEmbedder = (batch, s) => this.embeddings.embed(batch.map((c) => c.text), s),
  ): Promise<VectorizeResult> {
    const total = chunkCount(chunks);
    let stage: StageName = 'vectorization';
    let generation: string | undefined;
    try {
      await this.status.updateStage(file.id, 'vectorization', { status: 'processing', progress: 0 }, 'Embedding chunks');
      generation = await this.repository.beginGeneration(file.id);
      const step = this.config.embedding.batchSize * this.config.embedding.concurrency;
      let done = 0;
      for await (const batch of chunkBatchesOf(chunks, step, signal)) {
        stage = 'vectorization';
        const vectors = await embed(batch, signal);
        const progress = ((done + batch.length) / Math.max(1, total)) * 100;
        await this.status.updateStage(file.id, 'vectorization', { status: 'processing', progress });
        signal?.throwIfAborted();
        stage = 'storage';
        if (done === 0) {
          await this.status.updateStage(file.id, 'storage', { status: 'processing', progress: 0 }, 'Storing vectors');
        }
        await this.repository.insertVectors(batch.map((chunk, i) => this.row(file, generation!, chunk, vectors[i])));
        done += batch.length;
        await this.status.updateStage(file.id, 'storage', { status: 'processing', progress });
      }
      await this.status.updateStage(file.id, 'vectorization', { status: 'completed', progress: 100 });

      stage = 'storage';
      signal?.throwIfAborted();
      await this.repository.promoteGeneration(file.id, generation, done);
      await this.status.updateStage(file.id, 'storage', { status: 'completed', progress: 100 }, `Stored ${done} vectors`);
      return { count: done };
    } catch (error) {
      if (generation) await this.repository.discardGeneration(file.id, generation).catch(() => undefined);
      if (error instanceof VectorWriteSupersededError) return this.superseded(file.id);
      const reason = error instanceof Error ? error.message : String(error);
      await this.status
        .updateStage(file.id, stage, { status: 'failed', progress: 0 }, `${stage} failed: ${reason}`)
        .catch(() => undefined);
      throw error;
    }
  }

  /**
   * A write of the same file begun after this one was stored first: its vectors (from chunks read later) are the
   * file's, whole, so this run ends cleanly with their count instead of failing or retrying. The stages this run
   * moved meanwhile are set back to completed.
   */
  private async superseded(fileId: string): Promise<VectorizeResult> {
    const { count } = await this.repository.fileStats(fileId, this.embeddings.model, this.embeddings.dimension);
    await this.status.updateStage(fileId, 'vectorization', { status: 'completed', progress: 100 });
    await this.status.updateStage(fileId, 'storage', { status: 'completed', progress: 100 }, `Stored ${count} vectors (a newer write)`);
    return { count, superseded: true };
  }

  private row(
    file: { id: string; owner_id: string },
    generation: string,
    chunk: ChunkRecord,
    embedding: number[],
  ): NewChunkVectorRow {
    return {
      chunkId: chunk.id,
      generation,
      fileId: file.id,
      ownerId: file.owner_id,
      model: this.embeddings.model,
      dimension: this.embeddings.dimension,
      embedding,
      chunkIndex: chunk.chunk_index,
      text: chunk.text,
      // Outside the HNSW graph: searchable without the graph insert's cost; VectorIndexer adds it later.
      indexed: false,
    };
  }

  async deleteFileVectors(fileId: string): Promise<void> {
    await this.repository.deleteFileVectors(fileId);
  }

  /** The `vectorize-file` job: loads fresh state, chunks first if the file has no chunks yet. */
  async regenerateFile(fileId: string, signal?: AbortSignal): Promise<VectorizeResult> {
    const file = await this.files.getFile(fileId);
    if (!file) throw new VectorizedFileGoneError(fileId);
    const chunks = await this.chunks.ensureChunks(fileId, { signal });
    return this.vectorizeFile(file, chunks, signal);
  }

  /** The regeneration's job failed for good (whoever ended it): the stages it left running are marked failed. */
  async settleFailedRegeneration(fileId: string, reason: string): Promise<void> {
    await this.status.failRunningStages(fileId, `Vector regeneration failed: ${reason}`);
  }

  /** Queues a regeneration of the caller's file; while one is queued, returns that job. */
  async requestRegeneration(fileId: string, user: AuthUser, priority?: TaskPriority): Promise<EnqueuedTask> {
    await this.files.getOwnedFile(fileId, user);
    return this.queue.enqueue(VectorizeFileJob, { file_id: fileId }, { jobId: vectorizeJobId(fileId) }, { user, priority });
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
