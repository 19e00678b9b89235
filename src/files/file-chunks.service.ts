import { Injectable } from '@nestjs/common';
import { ChunkRecord } from './file-core.types.js';
import { FileChunksRepository } from './file-chunks.repository.js';

/** A file's chunks: listing them, and (re)making them from the stored blob. */
@Injectable()
export class FileChunksService {
  constructor(private readonly chunks: FileChunksRepository) {}

  /** Every chunk of the file, ordered by chunk_index. */
  async listChunks(fileId: string): Promise<ChunkRecord[]> {
    return this.chunks.list(fileId);
  }

  async listPage(fileId: string, limit: number, offset: number): Promise<{ items: ChunkRecord[]; total: number }> {
    const [items, total] = await Promise.all([this.chunks.list(fileId, { limit, offset }), this.chunks.count(fileId)]);
    return { items, total };
  }

  /**
   * Parses the stored blob and chunks it when the file has no chunks (or always with `force`), replacing the
   * file's chunks atomically and moving the chunking stage; returns the chunks.
   */
  async ensureChunks(fileId: string, opts: { force?: boolean; signal?: AbortSignal } = {}): Promise<ChunkRecord[]> {
    if (!opts.force) {
      const existing = await this.chunks.list(fileId);
      if (existing.length > 0) return existing;
    }
    throw new Error('ensureChunks: the document parser has not landed yet');
  }

  async deleteChunks(fileId: string): Promise<void> {
    await this.chunks.deleteByFile(fileId);
  }
}
