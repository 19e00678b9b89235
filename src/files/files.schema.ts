import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Stage name → {status, progress, started_at, finished_at, duration_ms}: the final state of a pipeline run. */
export type StoredStages = Record<
  string,
  { status: string; progress: number; started_at?: string; finished_at?: string; duration_ms?: number }
>;

/**
 * Uploaded files. Columns use the API's snake_case names so a row is already in the shape the REST contract speaks.
 * `blob_id` names the stored bytes (ours, never the client's name); `filename` is metadata only.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey(),
    owner_id: uuid('owner_id').notNull(),
    filename: text('filename').notNull(),
    content_type: text('content_type').notNull(),
    file_type: text('file_type').notNull(),
    size_bytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    blob_id: text('blob_id').notNull(),
    status: text('status').notNull().default('queued'),
    error: text('error'),
    chunk_count: integer('chunk_count').notNull().default(0),
    /** The generation of file_chunks that is the file's chunks (see fileChunks); '' for chunks written before. */
    chunk_generation: text('chunk_generation').notNull().default(''),
    /** The last processing-status document (the Redis shape), so status answers after the key expires. */
    processing: jsonb('processing').$type<Record<string, unknown>>(),
    stages: jsonb('stages').$type<StoredStages>(),
    processed_at: timestamp('processed_at', { withTimezone: true }),
    created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updated_at: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('files_owner_created_idx').on(table.owner_id, table.created_at),
    // One file per content per user: two concurrent uploads of the same bytes cannot both be recorded.
    uniqueIndex('files_owner_sha256_key').on(table.owner_id, table.sha256),
  ],
);

/**
 * A file's chunks: replaced as a whole on every (re)run, never appended to. A run writes its chunks batch by batch
 * under a new `generation` (invisible: readers take only `files.chunk_generation`), then one short transaction
 * points the file at it and deletes the old generation, so a large file is never held whole in memory or in one
 * long transaction, and readers never see old and new chunks mixed.
 */
export const fileChunks = pgTable(
  'file_chunks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    file_id: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    chunk_index: integer('chunk_index').notNull(),
    text: text('text').notNull(),
    start_offset: integer('start_offset').notNull(),
    end_offset: integer('end_offset').notNull(),
    page: integer('page'),
    token_count: integer('token_count').notNull(),
    generation: text('generation').notNull().default(''),
  },
  (table) => [
    uniqueIndex('file_chunks_file_generation_index_key').on(table.file_id, table.generation, table.chunk_index),
  ],
);

export type FileRow = typeof files.$inferSelect;
export type NewFileRow = typeof files.$inferInsert;
export type ChunkRow = typeof fileChunks.$inferSelect;
