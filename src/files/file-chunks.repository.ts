import { Inject, Injectable } from '@nestjs/common';
import { asc, count, eq } from 'drizzle-orm';
import type { Database } from '../infra/database/database.js';
import { DATABASE } from '../infra/database/database.js';
import { ChunkRecord } from './file-core.types.js';
import { fileChunks } from './files.schema.js';

export type NewChunk = Omit<ChunkRecord, 'id' | 'file_id'>;

// Keeps each INSERT well under PostgreSQL's 65535 bind-parameter limit (7 per row).
const INSERT_BATCH = 1000;

/** All SQL on the file_chunks table. */
@Injectable()
export class FileChunksRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async list(fileId: string, page?: { limit: number; offset: number }): Promise<ChunkRecord[]> {
    const query = this.db
      .select()
      .from(fileChunks)
      .where(eq(fileChunks.file_id, fileId))
      .orderBy(asc(fileChunks.chunk_index))
      .$dynamic();
    return page ? query.limit(page.limit).offset(page.offset) : query;
  }

  async count(fileId: string): Promise<number> {
    const [{ total }] = await this.db.select({ total: count() }).from(fileChunks).where(eq(fileChunks.file_id, fileId));
    return total;
  }

  /** Replaces every chunk of the file in one transaction: a rerun never leaves old and new chunks mixed. */
  async replace(fileId: string, chunks: NewChunk[]): Promise<ChunkRecord[]> {
    return this.db.transaction(async (tx) => {
      await tx.delete(fileChunks).where(eq(fileChunks.file_id, fileId));
      const inserted: ChunkRecord[] = [];
      for (let i = 0; i < chunks.length; i += INSERT_BATCH) {
        const rows = chunks.slice(i, i + INSERT_BATCH).map((chunk) => ({ ...chunk, file_id: fileId }));
        inserted.push(...(await tx.insert(fileChunks).values(rows).returning()));
      }
      return inserted.sort((a, b) => a.chunk_index - b.chunk_index);
    });
  }

  async deleteByFile(fileId: string): Promise<void> {
    await this.db.delete(fileChunks).where(eq(fileChunks.file_id, fileId));
  }
}
