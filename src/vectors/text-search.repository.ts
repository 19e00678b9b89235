import { Inject, Injectable } from '@nestjs/common';
import { sql, type SQL } from 'drizzle-orm';
import { searchTerms } from '../common/text/search-terms.js';
import type { Database, Transaction } from '../infra/database/database.js';
import { DATABASE } from '../infra/database/database.js';
import { visibleGeneration } from './generation-visibility.js';
import { chunkSearchTerms, chunkVectors } from './vectors.schema.js';

const COMMON_TERM_CHUNKS = 1000;
// At most this many chunks are read and ranked per text search, whatever the query: the rarest terms select, while
// their chunk counts add up to this bound, and the candidate scan stops there (see searchStatement).
export const TEXT_CANDIDATES_MAX = 2000;

export interface TextSearchQuery {
  /** The query's searchTerms(); a chunk matches when it holds any of them. */
  terms: string[];
  topK: number;
  /** Only this owner's chunks; undefined = everyone's (admin). */
  ownerId?: string;
  fileIds?: string[];
}

export interface TextSearchHit {
  chunkId: string;
  fileId: string;
  chunkIndex: number;
  text: string;
  /** ts_rank_cd (cover density), normalized by 1 + log(length): higher is better, unbounded. */
  score: number;
}

interface TextSearchRow extends Record<string, unknown> {
  chunk_id: string;
  file_id: string;
  chunk_index: number;
  text: string;
  score: number;
}

/** Full-text search over chunk_search_terms (GIN index), and filling it for rows written before it existed. */
@Injectable()
export class TextSearchRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** The topK chunks holding the most of the query's terms, closest together (ts_rank_cd), through the GIN index. */
  async search(query: TextSearchQuery): Promise<TextSearchHit[]> {
    if (query.terms.length === 0) return [];
    const result = await this.db.transaction(async (tx) => {
      await useGinIndex(tx);
      return tx.execute<TextSearchRow>(searchStatement(query));
    });
    return result.rows.map((row) => ({
      chunkId: row.chunk_id,
      fileId: row.file_id,
      chunkIndex: Number(row.chunk_index),
      text: row.text,
      score: Number(row.score),
    }));
  }

  /** The plan `search` runs (EXPLAIN), to check that it reads the GIN index. */
  async explainSearch(query: TextSearchQuery): Promise<string> {
    const result = await this.db.transaction(async (tx) => {
      await useGinIndex(tx);
      return tx.execute<{ 'QUERY PLAN': string }>(sql`explain ${searchStatement(query)}`);
    });
    return result.rows.map((row) => row['QUERY PLAN']).join('\n');
  }

  /**
   * Writes the terms of up to `limit` chunk_vectors rows that have none (rows stored before full-text search
   * existed). Returns how many it wrote: 0 when every row has its terms.
   */
  async fillMissingTerms(limit: number): Promise<number> {
    const missing = await this.db.execute<{ chunk_id: string; generation: string; text: string }>(sql`
      select v.chunk_id, v.generation, v.text from ${chunkVectors} v
      where not exists (
        select 1 from ${chunkSearchTerms} t where t.chunk_id = v.chunk_id and t.generation = v.generation
      )
      limit ${limit}`);
    if (missing.rows.length === 0) return 0;
    const rows = missing.rows;
    // Only rows still there (a promotion may have deleted them meanwhile); a concurrent fill writes nothing twice.
    await this.db.execute(sql`
      insert into ${chunkSearchTerms} (chunk_id, generation, file_id, owner_id, terms)
      select v.chunk_id, v.generation, v.file_id, v.owner_id, to_tsvector('simple', input.terms)
      from unnest(
        ${sql.param(rows.map((r) => r.chunk_id))}::uuid[], ${sql.param(rows.map((r) => r.generation))}::text[],
        ${sql.param(rows.map((r) => searchTerms(r.text).join(' ')))}::text[]
      ) as input(chunk_id, generation, terms)
      join ${chunkVectors} v on v.chunk_id = input.chunk_id and v.generation = input.generation
      on conflict do nothing`);
    return rows.length;
  }
}

/** The plan reads the GIN index whatever the statistics say (a sequential scan wins only on tiny tables). */
async function useGinIndex(tx: Transaction): Promise<void> {
  await tx.execute(sql`set local enable_seqscan = off`);
}

/**
 * Bounded: at most TEXT_CANDIDATES_MAX chunks are read and ranked. Each operand's chunks are counted up to
 * COMMON_TERM_CHUNKS through the GIN index (the count stops there, so it costs little). The rarest operands select,
 * rarest first, while their counts add up to at most TEXT_CANDIDATES_MAX (one below COMMON_TERM_CHUNKS always fits);
 * the others still count in the rank. Rare terms carry the query (a chunk holding only common ones ranks low), so
 * this keeps recall, while "the" or a word every document shares no longer makes a search rank a large part of the
 * table. When every operand is that common, a chunk must hold all of them, and the candidate scan stops at the bound
 * (the only case where the bound can drop a match: a query of common words only).
 */
function searchStatement(query: TextSearchQuery): SQL {
  // Each operand goes through the same parser and `simple` dictionary as the stored terms.
  const operands = [...new Set(query.terms)].map(quoteTerm);
  const filters: SQL[] = [sql`t.terms @@ q.selecting`, visibleGeneration(sql.raw('t.generation'))];
  if (query.ownerId) filters.push(sql`t.owner_id = ${query.ownerId}`);
  if (query.fileIds) filters.push(sql`t.file_id = any(${sql.param(query.fileIds)}::uuid[])`);
  return sql`
    with operand as (
      select operand, (
        select count(*) from (
          select 1 from ${chunkSearchTerms} c where c.terms @@ to_tsquery('simple', operand) limit ${COMMON_TERM_CHUNKS}
        ) found
      ) as chunks
      from unnest(${sql.param(operands)}::text[]) as operand
    ),
    counted as (
      select operand, chunks, sum(chunks) over (order by chunks, operand) as running from operand
    ),
    q as (
      select to_tsquery('simple', string_agg(operand, ' | ')) as ranking,
        coalesce(
          to_tsquery('simple', string_agg(operand, ' | ') filter (
            where chunks < ${COMMON_TERM_CHUNKS} and running <= ${TEXT_CANDIDATES_MAX}
          )),
          to_tsquery('simple', string_agg(operand, ' & '))
        ) as selecting
      from counted
    ),
    candidate as (
      select t.chunk_id, t.generation, t.terms from ${chunkSearchTerms} t, q
      where ${sql.join(filters, sql` and `)}
      limit ${TEXT_CANDIDATES_MAX}
    ),
    ranked as (
      select c.chunk_id, c.generation, ts_rank_cd(c.terms, q.ranking, 1) as score
      from candidate c, q
      order by score desc, c.chunk_id
      limit ${query.topK}
    )
    select v.chunk_id, v.file_id, v.chunk_index, v.text, r.score
    from ranked r join ${chunkVectors} v on v.chunk_id = r.chunk_id and v.generation = r.generation
    order by r.score desc, r.chunk_id`;
}

/** A tsquery operand: quoted, so that no character of the term is read as an operator. */
function quoteTerm(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
