import { Inject, Injectable } from '@nestjs/common';
import { and, asc, count, eq, gt, ne, sql } from 'drizzle-orm';
import type { Database } from '../infra/database/database.js';
import { DATABASE } from '../infra/database/database.js';
import { ChunkGenerationChangedError } from './file-core.errors.js';
import { ChunkRecord } from './file-core.types.js';
import { fileChunks, files } from './files.schema.js';

export type NewChunk = Omit<ChunkRecord, 'id' | 'file_id'>;

// Keeps each INSERT well under PostgreSQL's 65535 bind-parameter limit (8 per row).
const INSERT_BATCH = 1000;

const chunkColumns = {
  id: fileChunks.id,
  file_id: fileChunks.file_id,
  chunk_index: fileChunks.chunk_index,
  text: fileChunks.text,
  start_offset: fileChunks.start_offset,
  end_offset: fileChunks.end_offset,
  page: fileChunks.page,
  token_count: fileChunks.token_count,
};

/**
 * All SQL on the file_chunks table. A file's visible chunks are those of `files.chunk_generation`; a run writes a new
 * generation batch by batch and promotes it in one short transaction (see the schema).
 */
@Injectable()
export class FileChunksRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async list(fileId: string, page?: { limit: number; offset: number }): Promise<ChunkRecord[]> {
    const query = this.db
      .select(chunkColumns)
      .from(fileChunks)
      .where(and(eq(fileChunks.file_id, fileId), eq(fileChunks.generation, currentGeneration(fileId))))
      .orderBy(asc(fileChunks.chunk_index))
      .$dynamic();
    return page ? query.limit(page.limit).offset(page.offset) : query;
  }

  async count(fileId: string): Promise<number> {
    const [{ total }] = await this.db
      .select({ total: count() })
      .from(fileChunks)
      .where(and(eq(fileChunks.file_id, fileId), eq(fileChunks.generation, currentGeneration(fileId))));
    return total;
  }

  /** The file's current generation and its chunk count (kept with it by `promote`, in the same transaction). */
  async current(fileId: string): Promise<{ generation: string; total: number } | undefined> {
    const [row] = await this.db
      .select({ generation: files.chunk_generation, total: files.chunk_count })
      .from(files)
      .where(eq(files.id, fileId));
    return row;
  }

  /** One page of a generation's chunks after `afterIndex` (keyset: cheap at any depth). */
  async pageOf(fileId: string, generation: string, afterIndex: number, limit: number): Promise<ChunkRecord[]> {
    return this.db
      .select(chunkColumns)
      .from(fileChunks)
      .where(
        and(eq(fileChunks.file_id, fileId), eq(fileChunks.generation, generation), gt(fileChunks.chunk_index, afterIndex)),
      )
      .orderBy(asc(fileChunks.chunk_index))
      .limit(limit);
  }

  /** Appends chunks to a generation not visible yet. */
  async insertBatch(fileId: string, generation: string, chunks: NewChunk[]): Promise<void> {
    for (let i = 0; i < chunks.length; i += INSERT_BATCH) {
      const rows = chunks.slice(i, i + INSERT_BATCH).map((chunk) => ({ ...chunk, file_id: fileId, generation }));
      await this.db.insert(fileChunks).values(rows);
    }
  }

  /**
   * Makes `generation` the file's chunks and deletes every other generation, in one transaction. Throws
   * ChunkGenerationChangedError (nothing changed) when the generation does not hold `expected` chunks.
   */
  async promote(fileId: string, generation: string, expected: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      // Serializes promotions of one file: the count and the swap see the same rows.
      await tx.execute(sql`select 1 from ${files} where ${files.id} = ${fileId} for update`);
      const [{ total }] = await tx
        .select({ total: count() })
        .from(fileChunks)
        .where(and(eq(fileChunks.file_id, fileId), eq(fileChunks.generation, generation)));
      if (total !== expected) throw new ChunkGenerationChangedError(fileId);
      await tx
        .update(files)
        .set({ chunk_generation: generation, chunk_count: expected, updated_at: sql`now()` })
        .where(eq(files.id, fileId));
      await tx.delete(fileChunks).where(and(eq(fileChunks.file_id, fileId), ne(fileChunks.generation, generation)));
    });
  }

  /** Removes a generation that will not be promoted (a failed or aborted run). */
  async discard(fileId: string, generation: string): Promise<void> {
    await this.db
      .delete(fileChunks)
      .where(and(eq(fileChunks.file_id, fileId), eq(fileChunks.generation, generation)));
  }

  async deleteByFile(fileId: string): Promise<void> {
    await this.db.delete(fileChunks).where(eq(fileChunks.file_id, fileId));
  }
}

/** The generation `files.chunk_generation` names for the file (a subquery, so one statement reads consistently). */
function currentGeneration(fileId: string) {
  return sql`(select ${files.chunk_generation} from ${files} where ${files.id} = ${fileId})`;
}
