import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * pgvector's `vector` with NO fixed dimension. drizzle-orm's own `vector()` always emits `vector(N)`, and a fixed N
 * would tie the table to one EMBEDDING_DIMENSION. Instead every row records its `dimension`, and the HNSW cosine
 * index is a partial expression index per dimension, created at start for the configured one:
 *   create index chunk_vectors_hnsw_<N> on chunk_vectors using hnsw ((embedding::vector(N)) vector_cosine_ops)
 *   where dimension = N
 * (see VectorIndexInitializer). Search casts the same way, so the planner can use that index.
 */
export const anyVector = customType<{ data: number[]; driverData: string }>({
  dataType: () => 'vector',
  toDriver: (value) => vectorLiteral(value),
  fromDriver: (value) =>
    value
      .slice(1, -1)
      .split(',')
      .map((v) => Number.parseFloat(v)),
});

/** pgvector's text form. It stores float4: 9 significant digits round-trip exactly and halve the text sent. */
export function vectorLiteral(value: number[]): string {
  return `[${value.map((v) => Number(v.toPrecision(9))).join(',')}]`;
}

/**
 * One embedding per chunk. A file's rows are replaced as a whole (never mixed, never doubled): a run writes its rows
 * batch by batch under a new `generation` that `chunkVectorWrites` marks as in progress (search and stats skip it),
 * then one short transaction deletes the file's other rows and the mark. '' is the generation of rows written before.
 *
 * `indexed`: whether the row is in the HNSW index (partial on it). A file's run writes its rows with false, so the
 * write skips the graph (the costly part of storing) and the file is searchable at once: search reads these pending
 * rows exactly beside the graph walk, and VectorIndexer moves them into the graph in the background.
 */
export const chunkVectors = pgTable(
  'chunk_vectors',
  {
    chunkId: uuid('chunk_id').notNull(),
    generation: text('generation').notNull().default(''),
    fileId: uuid('file_id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    model: text('model').notNull(),
    dimension: integer('dimension').notNull(),
    embedding: anyVector('embedding').notNull(),
    chunkIndex: integer('chunk_index').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    indexed: boolean('indexed').notNull().default(true),
  },
  (table) => [
    primaryKey({ columns: [table.chunkId, table.generation] }),
    index('chunk_vectors_file_idx').on(table.fileId),
    index('chunk_vectors_owner_model_idx').on(table.ownerId, table.model, table.dimension),
    index('chunk_vectors_pending_idx').on(table.ownerId, table.model, table.dimension).where(sql`not ${table.indexed}`),
  ],
);

/** PostgreSQL's `tsvector`: always written from text with to_tsvector('simple', …) in SQL, never read back. */
const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => 'tsvector' });

/**
 * The full-text side of chunk_vectors, one row per chunk_vectors row (same chunk_id and generation, written in the
 * same statement and replaced, promoted and deleted with it). `terms` holds the chunk's searchTerms() (Latin words,
 * CJK dictionary words and bigrams) joined by spaces and parsed with the `simple` configuration (no stemming, no
 * stopwords), so CJK text is searchable. A table of its own rather than a column: text search does not depend on
 * the embedding model, and filling the column for existing rows would rewrite every row into the HNSW index.
 */
export const chunkSearchTerms = pgTable(
  'chunk_search_terms',
  {
    chunkId: uuid('chunk_id').notNull(),
    generation: text('generation').notNull().default(''),
    fileId: uuid('file_id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    terms: tsvector('terms').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.chunkId, table.generation] }),
    index('chunk_search_terms_file_idx').on(table.fileId),
    index('chunk_search_terms_terms_idx').using('gin', table.terms),
  ],
);

/** Generations of chunk_vectors still being written: their rows are not visible yet. */
export const chunkVectorWrites = pgTable(
  'chunk_vector_writes',
  {
    generation: text('generation').primaryKey(),
    fileId: uuid('file_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // Orders a file's concurrent writes by when they began (created_at cannot: PGlite's clock has millisecond steps).
    begun: bigint('begun', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
  },
  (table) => [index('chunk_vector_writes_file_idx').on(table.fileId)],
);

/** Embeddings already computed, keyed by (model, dimension, sha256 of the text): unchanged chunks are not re-embedded. */
export const embeddingCache = pgTable(
  'embedding_cache',
  {
    model: text('model').notNull(),
    dimension: integer('dimension').notNull(),
    textSha256: text('text_sha256').notNull(),
    embedding: anyVector('embedding').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.model, table.dimension, table.textSha256] })],
);

export type ChunkVectorRow = typeof chunkVectors.$inferSelect;
export type NewChunkVectorRow = typeof chunkVectors.$inferInsert;
