import { Injectable } from '@nestjs/common';
import { chunkBatchesOf, chunkCount } from '../files/chunk-source.js';
import { FileChunksService } from '../files/file-chunks.service.js';
import type { ChunkSource } from '../files/file-core.types.js';
import { EmbeddingService } from '../vectors/embedding/embedding.service.js';
import { StaleChunksError } from './remote-workers.errors.js';
import type { RemoteInputLine } from './remote-step.js';

// Chunks read from the database at a time while streaming or checking a result.
const PAGE = 256;

/** A file's current chunks as a remote step's input, and the check that a result covers exactly those chunks. */
@Injectable()
export class RemoteChunkInput {
  constructor(
    private readonly chunks: FileChunksService,
    private readonly embeddings: EmbeddingService,
  ) {}

  /** The file's current chunks (chunked first if it has none, as the in-house step does). */
  current(fileId: string, force = false): Promise<ChunkSource> {
    return this.chunks.ensureChunks(fileId, { force });
  }

  async *lines(fileId: string, needs: ('vectors' | 'graph')[]): AsyncIterable<RemoteInputLine> {
    const chunks = await this.current(fileId);
    const embedding = { model: this.embeddings.model, dimension: this.embeddings.dimension };
    yield { type: 'job', file_id: fileId, chunk_count: chunkCount(chunks), needs, embedding };
    for await (const batch of chunkBatchesOf(chunks, PAGE)) {
      for (const c of batch) yield { type: 'chunk', id: c.id, chunk_index: c.chunk_index, text: c.text };
    }
  }

  /** Throws StaleChunksError unless `covered` names every current chunk and nothing else. */
  async assertCovers(chunks: ChunkSource, covered: { size: number; has(id: string): boolean }): Promise<void> {
    if (chunkCount(chunks) !== covered.size) throw new StaleChunksError();
    for await (const batch of chunkBatchesOf(chunks, PAGE)) {
      if (batch.some((c) => !covered.has(c.id))) throw new StaleChunksError();
    }
  }
}
