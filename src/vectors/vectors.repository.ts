import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { and, count, eq, inArray, max, ne, sql, SQL } from 'drizzle-orm';
import { searchTerms } from '../common/text/search-terms.js';
import type { Database, Transaction } from '../infra/database/database.js';
import { DATABASE } from '../infra/database/database.js';
import { visibleGeneration } from './generation-visibility.js';
import { OwnerVectorCounts } from './owner-vector-counts.js';
import { tsvectorLiteral } from './tsvector-literal.js';
import { VectorWriteSupersededError } from './vectors.errors.js';
import {
  chunkSearchTerms,
  chunkVectors,
  chunkVectorWrites,
  NewChunkVectorRow,
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
// An owner's 11,000 rows (of 100,000) were searched exactly in p50/p95 91/165 ms against 129/252 ms through the
// graph at ef_search 400, at recall 1 against 0.75 (loaded 2-vCPU machine, vectors-tuning bench).
export const EXACT_SCAN_MAX_ROWS = 15_000;
// VECTOR_HNSW_M and VECTOR_HNSW_EF_CONSTRUCTION override these. pgvector's own (16, 64) reached recall@10 0.875 at
// ef_search 400 on the 100k vectors bench; 32 / 128 reached 0.951, for 3.5x the build time (vectors-tuning bench).
const HNSW_BUILD_DEFAULTS: HnswBuildParameters = { m: 32, efConstruction: 128 };
// Rows written outside the HNSW graph (indexed = false) are read exactly by every graph search, so their number is
// bounded: while this many are pending (all owners), new rows go into the graph as they are written (the slow path,
// ~35 ms a row on PGlite). VectorIndexer keeps the backlog down; a 5 MiB file is ~2,600 rows.
export const PENDING_MAX_ROWS = 5_000;
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
  /**
   * An owner with at most this many vectors (of the model) is searched exactly through the owner index instead of
   * the HNSW graph; 0 = never. Default EXACT_SCAN_MAX_ROWS.
   */
  exactScanMaxRows?: number;
  /** Forces a plan (benchmarks): `index` walks the HNSW graph, `exact` compares every row in scope. */
  plan?: SearchPlan;
  /** hnsw.iterative_scan for filtered searches (benchmarks); default `strict_order`. */
  iterativeScan?: 'strict_order' | 'relaxed_order';
}

export type SearchPlan = 'index' | 'exact';

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
  private readonly ownerCounts = new OwnerVectorCounts();

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
   * query, and deadlock on the cache; and a file's vectors would have to be held whole in memory. The mark's `begun`
   * (a sequence) orders the file's concurrent writes: the one begun last has read the latest chunks.
   */
  async beginGeneration(fileId: string): Promise<string> {
    const generation = randomUUID();
    await this.db.insert(chunkVectorWrites).values({ generation, fileId });
    return generation;
  }

  /**
   * Makes `generation` the file's vectors in one transaction, under the file's lock. Concurrent writes of one file
   * (two regenerations, a remote worker's result racing a local run) resolve by begin order, whoever finishes first:
   * - writes begun earlier lose: their marks go (their later inserts then write nothing, see insertBatch) and their
   *   rows with the file's other rows;
   * - writes begun later keep their mark and rows, and replace this generation when they are promoted in turn;
   * - a generation whose mark is gone (a later write was promoted, or the file's vectors were deleted) is refused
   *   with VectorWriteSupersededError, nothing changed, and so is one that does not hold `expected` rows.
   * Readers see one whole generation before and after, never a mix.
   */
  async promoteGeneration(fileId: string, generation: string, expected: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'vectors:' + fileId}))`);
      const older = sql`(select w.generation from ${chunkVectorWrites} w, ${chunkVectorWrites} mine
        where mine.generation = ${generation} and w.file_id = ${fileId}
          and w.begun < mine.begun)`;
      // One statement (on PGlite each is a turn of the shared session): the mark's presence, the row count, and the
      // earlier writes' marks deleted. Deleting a mark waits for an insert of that generation still running.
      const result = await tx.execute<{ mine: number; rows: number }>(sql`
        with superseded as (delete from ${chunkVectorWrites} where generation in ${older} returning generation)
        select (select count(*)::int from ${chunkVectorWrites} where generation = ${generation}) as mine,
          (select count(*)::int from ${chunkVectors} where file_id = ${fileId} and generation = ${generation}) as rows,
          (select count(*)::int from superseded) as superseded`);
      const state = result.rows[0];
      if (!state || Number(state.mine) !== 1 || Number(state.rows) !== expected) {
        throw new VectorWriteSupersededError(fileId);
      }
      // Every row of the file but this generation's and those of writes begun later (still marked).
      const replaced = (table: typeof chunkVectors | typeof chunkSearchTerms) =>
        and(
          eq(table.fileId, fileId),
          ne(table.generation, generation),
          sql`${table.generation} not in (select ${chunkVectorWrites.generation} from ${chunkVectorWrites}
            where ${chunkVectorWrites.fileId} = ${fileId})`,
        );
      await tx.delete(chunkVectors).where(replaced(chunkVectors));
      await tx.delete(chunkSearchTerms).where(replaced(chunkSearchTerms));
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

  /**
   * Moves up to `limit` pending rows (indexed = false) into the HNSW graph; returns how many. One statement, so one
   * transaction: a crash mid-batch rolls it back whole and the rows stay pending. SKIP LOCKED lets indexers of
   * several processes take disjoint rows, and `not indexed` is checked again on the row it updates, so a row is never
   * indexed twice; a row deleted meanwhile (a delete, a promotion replacing its file's rows) is simply not updated.
   * Rows of a generation still being written wait for its promotion (a discarded one is never indexed for nothing).
   */
  async indexPending(limit: number): Promise<number> {
    const result = await this.db.execute<{ n: number }>(sql`
      with batch as (
        select chunk_id, generation from ${chunkVectors}
        where not ${chunkVectors.indexed} and ${visibleGeneration(chunkVectors.generation)}
        limit ${limit} for update skip locked
      ), moved as (
        update ${chunkVectors} v set indexed = true from batch
        where v.chunk_id = batch.chunk_id and v.generation = batch.generation and not v.indexed
        returning 1
      )
      select count(*)::int as n from moved`);
    return Number(result.rows[0]?.n ?? 0);
  }

  /** Whether a file's write is in progress (any process): the background indexer then leaves it the session. */
  async writeInProgress(): Promise<boolean> {
    const result = await this.db.execute<{ busy: boolean }>(
      sql`select exists(select 1 from ${chunkVectorWrites}) as busy`,
    );
    return result.rows[0]?.busy === true;
  }

  /** Rows outside the HNSW graph (up to `cap`): benchmarks and tests. */
  async pendingCount(cap = PENDING_MAX_ROWS * 10): Promise<number> {
    const result = await this.db.execute<{ n: number }>(sql`select count(*)::int as n from (
      select 1 from ${chunkVectors} where not ${chunkVectors.indexed} limit ${cap}) pending`);
    return Number(result.rows[0]?.n ?? 0);
  }

  /** Marks first: a write still running then inserts nothing more (see insertBatch), and none of it shows. */
  async deleteFileVectors(fileId: string): Promise<void> {
    await this.db.delete(chunkVectorWrites).where(eq(chunkVectorWrites.fileId, fileId));
    await this.db.delete(chunkVectors).where(eq(chunkVectors.fileId, fileId));
    await this.db.delete(chunkSearchTerms).where(eq(chunkSearchTerms.fileId, fileId));
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
   * The topK nearest vectors by cosine distance, among vectors of this model and dimension only. An owner with few
   * vectors (at most `exactScanMaxRows`) is searched exactly: its rows through the owner index, each compared with
   * the query (recall 1, and cheaper than a filtered graph walk that must skip the other owners' rows). Everyone
   * else goes through the HNSW index (pgvector's approximate search: the benchmark measures its recall against an
   * exact scan).
   */
  async search(query: VectorSearchQuery): Promise<VectorSearchHit[]> {
    return this.db.transaction(async (tx) => this.nearest(tx, query, await this.choosePlan(tx, query)));
  }

  /** The same search planned without the HNSW index: the exact nearest rows (benchmarks, recall). */
  async exactSearch(query: VectorSearchQuery): Promise<VectorSearchHit[]> {
    return this.search({ ...query, plan: 'exact' });
  }

  /** The plan `search` runs (EXPLAIN), to check which index it reads. */
  async explainSearch(query: VectorSearchQuery): Promise<string> {
    return this.db.transaction(async (tx) => {
      const plan = await this.choosePlan(tx, query);
      const result = await tx.execute<{ 'QUERY PLAN': string }>(sql`explain ${nearestStatement(query, plan)}`);
      return result.rows.map((row) => row['QUERY PLAN']).join('\n');
    });
  }

  /**
   * Sets the transaction's planner settings and picks the plan, in one statement (each statement is a round trip,
   * and on PGlite a turn of the shared session). For one owner it counts that owner's vectors up to the bound,
   * through the owner index. The settings pin the plan whatever the statistics say. `index`: every plan but the
   * ordered HNSW scan needs a sort or a sequential scan, both off (with a file filter they stay on: the planner may
   * prefer those few files' rows). `exact`: the statement has no HNSW-shaped ORDER BY, and with sequential scans off
   * for one owner the owner index is the cheapest way to its rows. JIT off: a disabled plan node costs 10^10, far
   * above jit_above_cost, so PostgreSQL compiled every search (30-80 ms of a 36 ms walk at 100k, vectors bench).
   */
  private async choosePlan(tx: Transaction, query: VectorSearchQuery): Promise<SearchPlan> {
    const efSearch = query.efSearch ?? HNSW_EF_SEARCH;
    if (!Number.isInteger(efSearch) || efSearch < 1 || efSearch > 1000) throw new Error(`invalid ef_search ${efSearch}`);
    const bound = query.exactScanMaxRows ?? EXACT_SCAN_MAX_ROWS;
    if (!Number.isInteger(bound) || bound < 0) throw new Error(`invalid exact scan bound ${bound}`);
    const ownerId = query.ownerId;
    const countKey = `${ownerId}:${query.model}:${query.dimension}`;
    const known =
      query.plan !== undefined
        ? query.plan === 'exact'
        : ownerId === undefined || bound === 0
          ? false
          : this.ownerCounts.withinBound(countKey, bound);
    // Unknown: count the owner's vectors up to bound + 1, through the owner index (kept a while, see OwnerVectorCounts).
    const owned =
      known === undefined
        ? sql`(select count(*)::int from (select 1 from ${chunkVectors} where ${and(
            eq(chunkVectors.ownerId, ownerId as string),
            eq(chunkVectors.model, query.model),
            sql`${chunkVectors.dimension} = ${dimensionLiteral(query.dimension)}`,
          )} limit ${bound + 1}) owned)`
        : sql`null::int`;
    const exact = known === undefined ? sql`owned <= ${bound}` : sql.raw(known ? 'true' : 'false');
    const filesOnly = sql.raw(query.fileIds !== undefined ? 'true' : 'false');
    const seqscanWhenExact = ownerId === undefined ? 'on' : 'off';
    const result = await tx.execute<{ owned: number | null; exact: boolean }>(sql`select owned, exact,
        set_config('hnsw.iterative_scan', ${query.iterativeScan ?? 'strict_order'}, true),
        set_config('hnsw.ef_search', ${String(efSearch)}, true),
        set_config('jit', 'off', true),
        set_config('enable_sort', case when exact or ${filesOnly} then 'on' else 'off' end, true),
        set_config('enable_seqscan', case when exact then ${seqscanWhenExact} when ${filesOnly} then 'on' else 'off' end, true)
      from (select owned, ${exact} as exact from (select ${owned} as owned) counted) plan`);
    const row = result.rows[0];
    if (known === undefined && row?.owned !== null && row?.owned !== undefined) {
      this.ownerCounts.record(countKey, row.owned, bound + 1);
    }
    return row?.exact ? 'exact' : 'index';
  }

  private async nearest(tx: Transaction, query: VectorSearchQuery, plan: SearchPlan): Promise<VectorSearchHit[]> {
    const result = await tx.execute<NearestRow>(nearestStatement(query, plan));
    const hits = result.rows.map((row) => ({
      chunkId: row.chunk_id,
      fileId: row.file_id,
      chunkIndex: Number(row.chunk_index),
      text: row.text,
      score: 1 - Number(row.distance),
    }));
    // relaxed_order may return rows slightly out of order.
    return hits.sort((a, b) => b.score - a.score);
  }

  /**
   * pgvector's HNSW index needs a fixed dimension, while the column is an untyped `vector` (any
   * EMBEDDING_DIMENSION). So each dimension in use gets its own partial expression index, created here at start,
   * over the rows already indexed (pending rows enter it through indexPending).
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
            with (m = ${sql.raw(String(m))}, ef_construction = ${sql.raw(String(efConstruction))})
            where dimension = ${dim} and indexed`,
      );
    });
  }

  /** For bulk loads: pgvector builds an HNSW index far faster over existing rows than row by row. */
  async dropHnswIndex(dimension: number): Promise<void> {
    dimensionLiteral(dimension);
    await this.db.execute(sql.raw(`drop index if exists chunk_vectors_hnsw_${dimension}`));
  }
}

interface NearestRow extends Record<string, unknown> {
  chunk_id: string;
  file_id: string;
  chunk_index: number;
  text: string;
  distance: number;
}

/**
 * The k-nearest statement. `index`: the rows in the HNSW graph ordered by the same expression as the partial index,
 * so the planner walks it (filters apply during the walk; the iterative scan keeps walking until topK rows pass),
 * and beside it the pending rows (not in the graph yet, at most about PENDING_MAX_ROWS, read through their own
 * partial index) compared exactly; the two top-k lists merged by distance. `exact`: ordered by the distance on the
 * untyped column, an expression no index has, so every row in scope (pending or not) is compared.
 */
function nearestStatement(query: VectorSearchQuery, plan: SearchPlan): SQL {
  const dim = dimensionLiteral(query.dimension);
  const target = JSON.stringify(query.vector);
  const graph = sql`(${chunkVectors.embedding}::vector(${dim}) <=> ${target}::vector(${dim}))`;
  const exact = sql`(${chunkVectors.embedding} <=> ${target}::vector)`;
  const filters = scopeFilters(query, dim);
  const nearestOf = (distance: SQL, where: SQL[]) => sql`select ${chunkVectors.chunkId} as chunk_id,
      ${chunkVectors.fileId} as file_id, ${chunkVectors.chunkIndex} as chunk_index, ${chunkVectors.text} as text,
      ${distance} as distance
    from ${chunkVectors} where ${and(...where)} order by distance limit ${query.topK}`;
  if (plan === 'exact') return nearestOf(exact, filters);
  return sql`select * from ((${nearestOf(graph, [...filters, sql`${chunkVectors.indexed}`])})
      union all (${nearestOf(exact, [...filters, sql`not ${chunkVectors.indexed}`])})) nearest
    order by distance limit ${query.topK}`;
}

function scopeFilters(query: VectorSearchQuery, dim: SQL): SQL[] {
  const filters: SQL[] = [
    eq(chunkVectors.model, query.model),
    sql`${chunkVectors.dimension} = ${dim}`,
    visibleGeneration(chunkVectors.generation),
  ];
  if (query.ownerId) filters.push(eq(chunkVectors.ownerId, query.ownerId));
  if (query.fileIds) filters.push(inArray(chunkVectors.fileId, query.fileIds));
  return filters;
}

/**
 * One statement with one array parameter per column (unnest) instead of a VALUES list with 8 parameters per row:
 * about 1.5× faster on PGlite, whose bottleneck is parsing the statement and the vectors' text. The embeddings go as
 * one binary float4 array (each row takes its slice), not as pgvector text: on PGlite parsing 384 floats of text
 * cost about as much as the rest of the row's insert; the search terms go as a tsvector literal where it equals
 * to_tsvector's (see tsvectorLiteral). Rows asking for indexed = false are written pending (outside
 * the HNSW graph) unless PENDING_MAX_ROWS rows are pending already.
 */
async function insertBatch(db: Database | Transaction, rows: NewChunkVectorRow[]): Promise<void> {
  // sql.param keeps an array one parameter (a bare array in sql`` would expand into a list).
  const column = <T>(pick: (row: NewChunkVectorRow) => T) => sql.param(rows.map(pick));
  const generations = [...new Set(rows.map((r) => r.generation ?? ''))].filter((g) => g !== '');
  const embeddings = rows.map((r) => r.embedding);
  // Row i's embedding is elements (ends[i-1], ends[i]] of the one array.
  const ends: number[] = [];
  let end = 0;
  for (const embedding of embeddings) ends.push((end += embedding.length));
  // The terms as a tsvector literal where it equals to_tsvector's (nearly always), else for to_tsvector.
  const terms = rows.map((r) => {
    const words = searchTerms(r.text);
    return { words, literal: tsvectorLiteral(words) };
  });
  // Rows of a generation no longer marked (a later write was promoted, the file's vectors deleted) are not written:
  // unmarked, they would be visible. The key-share lock makes a promotion deleting the mark wait for this statement.
  await db.execute(sql`
    with live as (
      select generation from ${chunkVectorWrites} where generation = any(${sql.param(generations)}::text[]) for key share
    ), input as (
      select * from unnest(
        ${column((r) => r.chunkId)}::uuid[], ${column((r) => r.generation ?? '')}::text[],
        ${column((r) => r.fileId)}::uuid[], ${column((r) => r.ownerId)}::uuid[],
        ${column((r) => r.model)}::text[], ${column((r) => r.dimension)}::int[],
        ${sql.param(ends)}::int[], ${column((r) => r.embedding.length)}::int[], ${column((r) => r.chunkIndex)}::int[],
        ${column((r) => r.text)}::text[], ${sql.param(terms.map((t) => t.literal ?? null))}::text[],
        ${sql.param(terms.map((t) => (t.literal === undefined ? t.words.join(' ') : null)))}::text[],
        ${column((r) => r.indexed ?? true)}::boolean[]
      ) as input(chunk_id, generation, file_id, owner_id, model, dimension, embedding_end, embedding_length, chunk_index,
        text, terms_literal, terms, indexed)
      where generation = '' or generation in (select live.generation from live)
    ), backlog as (
      select count(*) >= ${PENDING_MAX_ROWS} as full from (
        select 1 from ${chunkVectors} where not ${chunkVectors.indexed} limit ${PENDING_MAX_ROWS}) pending
    ), vectors as (
      insert into ${chunkVectors} (chunk_id, generation, file_id, owner_id, model, dimension, embedding, chunk_index, text, indexed)
      select chunk_id, generation, file_id, owner_id, model, dimension,
        (${sql.param(float4Array(embeddings))}::real[])[embedding_end - embedding_length + 1 : embedding_end]::vector,
        chunk_index, text,
        indexed or (select backlog.full from backlog) from input
    )
    insert into ${chunkSearchTerms} (chunk_id, generation, file_id, owner_id, terms)
    select chunk_id, generation, file_id, owner_id, coalesce(terms_literal::tsvector, to_tsvector('simple', terms))
    from input`);
}

// PostgreSQL's type oid of float4 (real), fixed for every server.
const FLOAT4_OID = 700;

/**
 * The vectors, concatenated, in PostgreSQL's binary array format for a one-dimensional real[] (node-postgres sends a
 * Buffer parameter in binary): header, then each element as its length (4) and a big-endian float4.
 */
function float4Array(vectors: number[][]): Buffer {
  const count = vectors.reduce((sum, vector) => sum + vector.length, 0);
  const buffer = Buffer.allocUnsafe(20 + count * 8);
  buffer.writeInt32BE(1, 0); // dimensions
  buffer.writeInt32BE(0, 4); // no nulls
  buffer.writeInt32BE(FLOAT4_OID, 8);
  buffer.writeInt32BE(count, 12);
  buffer.writeInt32BE(1, 16); // lower bound
  let at = 20;
  for (const vector of vectors) {
    for (const value of vector) {
      buffer.writeInt32BE(4, at);
      buffer.writeFloatBE(value, at + 4);
      at += 8;
    }
  }
  return buffer;
}

/** A dimension written into SQL text (index expressions need a literal); only ever an integer. */
function dimensionLiteral(dimension: number): SQL {
  if (!Number.isInteger(dimension) || dimension < 1 || dimension > 16_000) {
    throw new Error(`invalid vector dimension ${dimension}`);
  }
  return sql.raw(String(dimension));
}
