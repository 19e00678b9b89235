import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray, max, ne, notExists, sql, SQL } from 'drizzle-orm';
import type { Database, Transaction } from '../infra/database/database.js';
import { DATABASE } from '../infra/database/database.js';
import { VectorGenerationChangedError } from './vectors.errors.js';
import { chunkVectors, chunkVectorWrites, NewChunkVectorRow, vectorLiteral } from './vectors.schema.js';

const WRITE_BATCH = 500;
// Above pgvector's default of 40 so a top_k of 50 still gets 50 candidates from the graph.
const HNSW_EF_SEARCH = 100;
// Any fixed number: processes starting together create the index one at a time.
const INDEX_LOCK_ID = 4_211_730_119;

export interface VectorSearchQuery {
  model: string;
  dimension: number;
  vector: number[];
  topK: number;
  /** Only this owner's vectors; undefined = everyone's (admin). */
  ownerId?: string;
  fileIds?: string[];
}

export interface VectorSearchHit {
  chunkId: string;
  fileId: string;
  chunkIndex: number;
  text: string;
  score: number;
}

/**
 * All SQL of the chunk vectors: bulk replace, generation writes, delete, stats, k-nearest search, the per-dimension
 * HNSW index. Rows of a generation still being written (listed in chunk_vector_writes) are invisible to reads.
 */
@Injectable()
export class VectorsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Deletes every vector of the file (any model) and writes the new ones, in one transaction. */
  async replaceFileVectors(fileId: string, rows: NewChunkVectorRow[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(chunkVectors).where(eq(chunkVectors.fileId, fileId));
      for (let i = 0; i < rows.length; i += WRITE_BATCH) await insertBatch(tx, rows.slice(i, i + WRITE_BATCH));
    });
  }

  /**
   * Starts writing a new generation of the file's vectors, invisible until promoted. Why a generation rather than
   * one transaction around the whole write: on the embedded PGlite a transaction holds the only database session,
   * so a transaction open while chunks are read and embedded (through the database cache) would stall every other
   * query, and deadlock on the cache; and a file's vectors would have to be held whole in memory.
   */
  async beginGeneration(fileId: string): Promise<string> {
    const generation = randomUUID();
    await this.db.insert(chunkVectorWrites).values({ generation, fileId });
    return generation;
  }

  /**
   * Makes `generation` the file's vectors in one transaction: deletes the file's other rows and the in-progress
   * mark. Throws VectorGenerationChangedError (nothing changed) when the generation does not hold `expected` rows
   * (a concurrent run of the same file deleted them: its result wins, this run retries).
   */
  async promoteGeneration(fileId: string, generation: string, expected: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'vectors:' + fileId}))`);
      const [row] = await tx
        .select({ total: count() })
        .from(chunkVectors)
        .where(and(eq(chunkVectors.fileId, fileId), eq(chunkVectors.generation, generation)));
      if (Number(row.total) !== expected) throw new VectorGenerationChangedError(fileId);
      await tx.delete(chunkVectors).where(and(eq(chunkVectors.fileId, fileId), ne(chunkVectors.generation, generation)));
      await tx.delete(chunkVectorWrites).where(eq(chunkVectorWrites.generation, generation));
    });
  }

  /** Drops a generation that will not be promoted (a failed or aborted run). */
  async discardGeneration(fileId: string, generation: string): Promise<void> {
    await this.db
      .delete(chunkVectors)
      .where(and(eq(chunkVectors.fileId, fileId), eq(chunkVectors.generation, generation)));
    await this.db.delete(chunkVectorWrites).where(eq(chunkVectorWrites.generation, generation));
  }

  /** Appends rows without touching others (a generation being written; bulk loads: the benchmark). */
  async insertVectors(rows: NewChunkVectorRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += WRITE_BATCH) await insertBatch(this.db, rows.slice(i, i + WRITE_BATCH));
  }

  async deleteFileVectors(fileId: string): Promise<void> {
    await this.db.delete(chunkVectors).where(eq(chunkVectors.fileId, fileId));
    await this.db.delete(chunkVectorWrites).where(eq(chunkVectorWrites.fileId, fileId));
  }

  async fileStats(
    fileId: string,
    model: string,
    dimension: number,
  ): Promise<{ count: number; updatedAt: Date | null }> {
    const [row] = await this.db
      .select({ count: count(), updatedAt: max(chunkVectors.createdAt) })
      .from(chunkVectors)
      .where(
        and(
          eq(chunkVectors.fileId, fileId),
          eq(chunkVectors.model, model),
          eq(chunkVectors.dimension, dimension),
          committed(),
        ),
      );
    return { count: Number(row?.count ?? 0), updatedAt: row?.updatedAt ?? null };
  }

  /** The topK nearest vectors by cosine distance, among vectors of this model and dimension only. */
  async search(query: VectorSearchQuery): Promise<VectorSearchHit[]> {
    const dim = dimensionLiteral(query.dimension);
    const target = sql`${JSON.stringify(query.vector)}::vector(${dim})`;
    // The same expression as the partial HNSW index, so the planner can use it.
    const distance = sql<number>`(${chunkVectors.embedding}::vector(${dim}) <=> ${target})`;
    const filters: SQL[] = [eq(chunkVectors.model, query.model), sql`${chunkVectors.dimension} = ${dim}`, committed()];
    if (query.ownerId) filters.push(eq(chunkVectors.ownerId, query.ownerId));
    if (query.fileIds) filters.push(inArray(chunkVectors.fileId, query.fileIds));

    return this.db.transaction(async (tx) => {
      // Filters (owner, files) are applied after the graph walk; iterative scans keep walking until topK rows pass.
      await tx.execute(sql`set local hnsw.iterative_scan = strict_order`);
      await tx.execute(sql.raw(`set local hnsw.ef_search = ${HNSW_EF_SEARCH}`));
      const rows = await tx
        .select({
          chunkId: chunkVectors.chunkId,
          fileId: chunkVectors.fileId,
          chunkIndex: chunkVectors.chunkIndex,
          text: chunkVectors.text,
          distance,
        })
        .from(chunkVectors)
        .where(and(...filters))
        .orderBy(distance)
        .limit(query.topK);
      return rows.map(({ distance: d, ...hit }) => ({ ...hit, score: 1 - Number(d) }));
    });
  }

  /**
   * pgvector's HNSW index needs a fixed dimension, while the column is an untyped `vector` (any
   * EMBEDDING_DIMENSION). So each dimension in use gets its own partial expression index, created here at start.
   */
  async ensureHnswIndex(dimension: number): Promise<void> {
    const dim = dimensionLiteral(dimension);
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${INDEX_LOCK_ID})`);
      await tx.execute(
        sql`create index if not exists ${sql.raw(`chunk_vectors_hnsw_${dimension}`)} on ${chunkVectors}
            using hnsw ((${sql.raw('embedding')}::vector(${dim})) vector_cosine_ops) where dimension = ${dim}`,
      );
    });
  }

  /** For bulk loads: pgvector builds an HNSW index far faster over existing rows than row by row. */
  async dropHnswIndex(dimension: number): Promise<void> {
    dimensionLiteral(dimension);
    await this.db.execute(sql.raw(`drop index if exists chunk_vectors_hnsw_${dimension}`));
  }
}

/** Rows whose generation is not being written any more (chunk_vector_writes is nearly always empty: cheap). */
function committed(): SQL {
  return notExists(
    sql`(select 1 from ${chunkVectorWrites} where ${chunkVectorWrites.generation} = ${chunkVectors.generation})`,
  );
}

/**
 * One statement with one array parameter per column (unnest) instead of a VALUES list with 8 parameters per row:
 * about 1.5× faster on PGlite, whose bottleneck is parsing the statement and the vectors' text.
 */
async function insertBatch(db: Database | Transaction, rows: NewChunkVectorRow[]): Promise<void> {
  // sql.param keeps an array one parameter (a bare array in sql`` would expand into a list).
  const column = <T>(pick: (row: NewChunkVectorRow) => T) => sql.param(rows.map(pick));
  await db.execute(sql`
    insert into ${chunkVectors} (chunk_id, generation, file_id, owner_id, model, dimension, embedding, chunk_index, text)
    select chunk_id, generation, file_id, owner_id, model, dimension, embedding::vector, chunk_index, text
    from unnest(
      ${column((r) => r.chunkId)}::uuid[], ${column((r) => r.generation ?? '')}::text[],
      ${column((r) => r.fileId)}::uuid[], ${column((r) => r.ownerId)}::uuid[],
      ${column((r) => r.model)}::text[], ${column((r) => r.dimension)}::int[],
      ${column((r) => vectorLiteral(r.embedding))}::text[], ${column((r) => r.chunkIndex)}::int[],
      ${column((r) => r.text)}::text[]
    ) as input(chunk_id, generation, file_id, owner_id, model, dimension, embedding, chunk_index, text)`);
}

/** A dimension written into SQL text (index expressions need a literal); only ever an integer. */
function dimensionLiteral(dimension: number): SQL {
  if (!Number.isInteger(dimension) || dimension < 1 || dimension > 16_000) {
    throw new Error(`invalid vector dimension ${dimension}`);
  }
  return sql.raw(String(dimension));
}
