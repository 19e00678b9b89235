import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { and, count, eq, inArray, max, ne, sql, SQL } from 'drizzle-orm';
import { searchTerms } from '../common/text/search-terms.js';
import type { Database, Transaction } from '../infra/database/database.js';
import { DATABASE } from '../infra/database/database.js';
import { visibleGeneration } from './generation-visibility.js';
import { VectorGenerationChangedError } from './vectors.errors.js';
import {
  chunkSearchTerms,
  chunkVectors,
  chunkVectorWrites,
  NewChunkVectorRow,
  vectorLiteral,
} from './vectors.schema.js';

// Insert statements are sized to take about this long: on the embedded PGlite a statement holds the only session,
// and with the HNSW index in place a row costs 15-40 ms there, so a fixed batch of 500 rows made searches wait
// 20 s behind a file's write. Time-sized batches keep that wait near this bound (a fast server gets the maximum).
const WRITE_STATEMENT_MS = 150;
const WRITE_BATCH_MIN = 4;
const WRITE_BATCH_MAX = 500;
// pgvector's default is 40. On the vectors bench (hash provider, 10k chunks) recall@10 against an exact scan was
// 0.85 at 100, 0.93 at 200 and 0.975 at 400, for about 1.4x the query time of 100 on PGlite.
export const HNSW_EF_SEARCH = 400;
// pgvector's own defaults; VECTOR_HNSW_M and VECTOR_HNSW_EF_CONSTRUCTION override them.
const HNSW_BUILD_DEFAULTS: HnswBuildParameters = { m: 16, efConstruction: 64 };
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
  /** hnsw.ef_search: candidates kept while walking the graph (recall against speed); default HNSW_EF_SEARCH. */
  efSearch?: number;
}

/** Build parameters of an HNSW index; they apply when the index is created, not to an index already there. */
export interface HnswBuildParameters {
  m: number;
  efConstruction: number;
}

export interface VectorSearchHit {
  chunkId: string;
  fileId: string;
  chunkIndex: number;
  text: string;
  score: number;
}

/**
 * All SQL of the chunk vectors and their full-text terms (written, promoted and deleted together): bulk replace,
 * generation writes, delete, stats, k-nearest search, the per-dimension HNSW index. Rows of a generation still
 * being written (listed in chunk_vector_writes) are invisible to reads.
 */
@Injectable()
export class VectorsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Deletes every vector of the file (any model) and writes the new ones, in one transaction. */
  async replaceFileVectors(fileId: string, rows: NewChunkVectorRow[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(chunkVectors).where(eq(chunkVectors.fileId, fileId));
      await tx.delete(chunkSearchTerms).where(eq(chunkSearchTerms.fileId, fileId));
      for (let i = 0; i < rows.length; i += WRITE_BATCH_MAX) await insertBatch(tx, rows.slice(i, i + WRITE_BATCH_MAX));
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
      await tx
        .delete(chunkSearchTerms)
        .where(and(eq(chunkSearchTerms.fileId, fileId), ne(chunkSearchTerms.generation, generation)));
      await tx.delete(chunkVectorWrites).where(eq(chunkVectorWrites.generation, generation));
    });
  }

  /** Drops a generation that will not be promoted (a failed or aborted run). */
  async discardGeneration(fileId: string, generation: string): Promise<void> {
    await this.db
      .delete(chunkVectors)
      .where(and(eq(chunkVectors.fileId, fileId), eq(chunkVectors.generation, generation)));
    await this.db
      .delete(chunkSearchTerms)
      .where(and(eq(chunkSearchTerms.fileId, fileId), eq(chunkSearchTerms.generation, generation)));
    await this.db.delete(chunkVectorWrites).where(eq(chunkVectorWrites.generation, generation));
  }

  /**
   * Appends rows without touching others (a generation being written; bulk loads: the benchmark), each statement
   * its own transaction so other queries run between them. Without `batchSize`, statements are sized by time
   * (about WRITE_STATEMENT_MS each, from the rate of the previous one).
   */
  async insertVectors(rows: NewChunkVectorRow[], batchSize?: number): Promise<void> {
    let size = batchSize ?? WRITE_BATCH_MIN;
    for (let i = 0; i < rows.length; ) {
      const batch = rows.slice(i, i + size);
      i += batch.length;
      const start = performance.now();
      await insertBatch(this.db, batch);
      if (batchSize) continue;
      const perMs = batch.length / Math.max(1, performance.now() - start);
      size = Math.min(WRITE_BATCH_MAX, Math.max(WRITE_BATCH_MIN, Math.floor(perMs * WRITE_STATEMENT_MS)));
    }
  }

  async deleteFileVectors(fileId: string): Promise<void> {
    await this.db.delete(chunkVectors).where(eq(chunkVectors.fileId, fileId));
    await this.db.delete(chunkSearchTerms).where(eq(chunkSearchTerms.fileId, fileId));
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
          visibleGeneration(chunkVectors.generation),
        ),
      );
    return { count: Number(row?.count ?? 0), updatedAt: row?.updatedAt ?? null };
  }

  /**
   * The topK nearest vectors by cosine distance, among vectors of this model and dimension only, through the HNSW
   * index (pgvector's approximate search: the benchmark measures its recall against an exact scan).
   */
  async search(query: VectorSearchQuery): Promise<VectorSearchHit[]> {
    return this.db.transaction(async (tx) => {
      await useHnswIndex(tx, query.fileIds === undefined, query.efSearch);
      return this.nearest(tx, query);
    });
  }

  /** The same query as `search`, planned without the HNSW index: the exact nearest rows (benchmarks, recall). */
  async exactSearch(query: VectorSearchQuery): Promise<VectorSearchHit[]> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_indexscan = off`);
      return this.nearest(tx, query);
    });
  }

  /** The plan `search` runs (EXPLAIN), to check that it walks the HNSW index. */
  async explainSearch(query: VectorSearchQuery): Promise<string> {
    return this.db.transaction(async (tx) => {
      await useHnswIndex(tx, query.fileIds === undefined, query.efSearch);
      const result = await tx.execute<{ 'QUERY PLAN': string }>(sql`explain ${this.nearestQuery(tx, query)}`);
      return result.rows.map((row) => row['QUERY PLAN']).join('\n');
    });
  }

  private async nearest(tx: Transaction, query: VectorSearchQuery): Promise<VectorSearchHit[]> {
    const rows = await this.nearestQuery(tx, query);
    return rows.map(({ distance: d, ...hit }) => ({ ...hit, score: 1 - Number(d) }));
  }

  private nearestQuery(tx: Transaction, query: VectorSearchQuery) {
    const dim = dimensionLiteral(query.dimension);
    const target = sql`${JSON.stringify(query.vector)}::vector(${dim})`;
    // The same expression as the partial HNSW index, so the planner can use it.
    const distance = sql<number>`(${chunkVectors.embedding}::vector(${dim}) <=> ${target})`;
    const filters: SQL[] = [
      eq(chunkVectors.model, query.model),
      sql`${chunkVectors.dimension} = ${dim}`,
      visibleGeneration(chunkVectors.generation),
    ];
    if (query.ownerId) filters.push(eq(chunkVectors.ownerId, query.ownerId));
    if (query.fileIds) filters.push(inArray(chunkVectors.fileId, query.fileIds));
    return tx
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
  }

  /**
   * pgvector's HNSW index needs a fixed dimension, while the column is an untyped `vector` (any
   * EMBEDDING_DIMENSION). So each dimension in use gets its own partial expression index, created here at start.
   */
  async ensureHnswIndex(dimension: number, build: HnswBuildParameters = HNSW_BUILD_DEFAULTS): Promise<void> {
    const dim = dimensionLiteral(dimension);
    const { m, efConstruction } = build;
    if (!Number.isInteger(m) || !Number.isInteger(efConstruction) || m < 2 || efConstruction < 2 * m) {
      throw new Error(`invalid HNSW parameters m=${m} ef_construction=${efConstruction}`);
    }
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${INDEX_LOCK_ID})`);
      await tx.execute(
        sql`create index if not exists ${sql.raw(`chunk_vectors_hnsw_${dimension}`)} on ${chunkVectors}
            using hnsw ((${sql.raw('embedding')}::vector(${dim})) vector_cosine_ops)
            with (m = ${sql.raw(String(m))}, ef_construction = ${sql.raw(String(efConstruction))}) where dimension = ${dim}`,
      );
    });
  }

  /** For bulk loads: pgvector builds an HNSW index far faster over existing rows than row by row. */
  async dropHnswIndex(dimension: number): Promise<void> {
    dimensionLiteral(dimension);
    await this.db.execute(sql.raw(`drop index if exists chunk_vectors_hnsw_${dimension}`));
  }
}

/**
 * Settings of the search transaction. Filters (owner, files) are applied during the graph walk; the iterative scan
 * keeps walking until topK rows pass. Without a file filter, the plan is pinned to the index: every other plan
 * needs a sort or a sequential scan, both switched off, so a table never analyzed (where the planner would guess
 * an owner filter leaves one row) is searched through the index too. With a file filter, the planner may still
 * prefer the exact scan of those few files' rows.
 */
async function useHnswIndex(tx: Transaction, pinned: boolean, efSearch = HNSW_EF_SEARCH): Promise<void> {
  if (!Number.isInteger(efSearch) || efSearch < 1 || efSearch > 1000) throw new Error(`invalid ef_search ${efSearch}`);
  // One statement (each is a round trip, and on PGlite a turn of the shared session).
  await tx.execute(sql`select set_config('hnsw.iterative_scan', 'strict_order', true),
    set_config('hnsw.ef_search', ${String(efSearch)}, true),
    set_config('enable_sort', ${pinned ? 'off' : 'on'}, true),
    set_config('enable_seqscan', ${pinned ? 'off' : 'on'}, true)`);
}

/**
 * One statement with one array parameter per column (unnest) instead of a VALUES list with 8 parameters per row:
 * about 1.5× faster on PGlite, whose bottleneck is parsing the statement and the vectors' text.
 */
async function insertBatch(db: Database | Transaction, rows: NewChunkVectorRow[]): Promise<void> {
  // sql.param keeps an array one parameter (a bare array in sql`` would expand into a list).
  const column = <T>(pick: (row: NewChunkVectorRow) => T) => sql.param(rows.map(pick));
  await db.execute(sql`
    with input as (
      select * from unnest(
        ${column((r) => r.chunkId)}::uuid[], ${column((r) => r.generation ?? '')}::text[],
        ${column((r) => r.fileId)}::uuid[], ${column((r) => r.ownerId)}::uuid[],
        ${column((r) => r.model)}::text[], ${column((r) => r.dimension)}::int[],
        ${column((r) => vectorLiteral(r.embedding))}::text[], ${column((r) => r.chunkIndex)}::int[],
        ${column((r) => r.text)}::text[], ${column((r) => searchTerms(r.text).join(' '))}::text[]
      ) as input(chunk_id, generation, file_id, owner_id, model, dimension, embedding, chunk_index, text, terms)
    ), vectors as (
      insert into ${chunkVectors} (chunk_id, generation, file_id, owner_id, model, dimension, embedding, chunk_index, text)
      select chunk_id, generation, file_id, owner_id, model, dimension, embedding::vector, chunk_index, text from input
    )
    insert into ${chunkSearchTerms} (chunk_id, generation, file_id, owner_id, terms)
    select chunk_id, generation, file_id, owner_id, to_tsvector('simple', terms) from input`);
}

/** A dimension written into SQL text (index expressions need a literal); only ever an integer. */
function dimensionLiteral(dimension: number): SQL {
  if (!Number.isInteger(dimension) || dimension < 1 || dimension > 16_000) {
    throw new Error(`invalid vector dimension ${dimension}`);
  }
  return sql.raw(String(dimension));
}
