import { doublePrecision, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Entities of one owner's knowledge graph, merged across that owner's files by (normalized name, type).
 * `mention_count` is the sum of `graph_mentions.count` of the entity; an entity without mentions is deleted.
 */
export const graphEntities = pgTable(
  'graph_entities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    owner_id: uuid('owner_id').notNull(),
    name: text('name').notNull(),
    normalized_name: text('normalized_name').notNull(),
    type: text('type').notNull(),
    description: text('description'),
    mention_count: integer('mention_count').notNull().default(0),
    created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updated_at: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('graph_entities_owner_name_type_key').on(table.owner_id, table.normalized_name, table.type),
    index('graph_entities_owner_mentions_idx').on(table.owner_id, table.mention_count),
  ],
);

/** Where an entity occurs: one row per (entity, file, chunk), `count` occurrences in that chunk. */
export const graphMentions = pgTable(
  'graph_mentions',
  {
    entity_id: uuid('entity_id')
      .notNull()
      .references(() => graphEntities.id, { onDelete: 'cascade' }),
    file_id: uuid('file_id').notNull(),
    chunk_id: uuid('chunk_id').notNull(),
    count: integer('count').notNull().default(1),
  },
  (table) => [
    primaryKey({ columns: [table.entity_id, table.file_id, table.chunk_id] }),
    index('graph_mentions_file_idx').on(table.file_id),
  ],
);

/** A relation one file contributes: source → target named `type`, `weight` occurrences, from these chunks. */
export const graphRelations = pgTable(
  'graph_relations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    owner_id: uuid('owner_id').notNull(),
    source_id: uuid('source_id')
      .notNull()
      .references(() => graphEntities.id, { onDelete: 'cascade' }),
    target_id: uuid('target_id')
      .notNull()
      .references(() => graphEntities.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    weight: real('weight').notNull().default(1),
    file_id: uuid('file_id').notNull(),
    chunk_ids: uuid('chunk_ids').array().notNull(),
  },
  (table) => [
    uniqueIndex('graph_relations_file_edge_key').on(table.file_id, table.source_id, table.target_id, table.type),
    index('graph_relations_source_idx').on(table.source_id),
    index('graph_relations_target_idx').on(table.target_id),
  ],
);

/** LLM extraction results by (model, prompt version, chunk sha256), so re-extracting a chunk does not pay twice. */
export const graphLlmCache = pgTable(
  'graph_llm_cache',
  {
    model: text('model').notNull(),
    prompt_version: text('prompt_version').notNull(),
    chunk_sha256: text('chunk_sha256').notNull(),
    result: jsonb('result').notNull(),
    created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.model, table.prompt_version, table.chunk_sha256] })],
);

export type GraphEntityRow = typeof graphEntities.$inferSelect;
export type GraphRelationRow = typeof graphRelations.$inferSelect;

/**
 * One extraction run of a file's graph whose findings are being staged (a retried or stalled job's new attempt
 * deletes the runs before it: their staged rows go with them, so nothing is counted twice).
 */
export const graphStageRuns = pgTable(
  'graph_stage_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    file_id: uuid('file_id').notNull(),
    created_at: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Rows staged under the run so far: the staged tables are unlogged, and a server crash empties them. */
    staged_rows: integer('staged_rows').notNull().default(0),
  },
  (table) => [index('graph_stage_runs_file_idx').on(table.file_id)],
);

/**
 * A run's entity findings, one row per (chunk, normalized name, type, surface): occurrences, the stream position of
 * the first one (ties between types and surfaces go to the first seen) and the first description with its position.
 */
export const graphStageEntities = pgTable(
  'graph_stage_entities',
  {
    run_id: uuid('run_id')
      .notNull()
      .references(() => graphStageRuns.id, { onDelete: 'cascade' }),
    chunk_id: uuid('chunk_id').notNull(),
    normalized_name: text('normalized_name').notNull(),
    type: text('type').notNull(),
    surface: text('surface').notNull(),
    count: integer('count').notNull(),
    first_seq: integer('first_seq').notNull(),
    description: text('description'),
    description_seq: integer('description_seq'),
  },
  (table) => [index('graph_stage_entities_run_idx').on(table.run_id, table.normalized_name)],
);

/** A run's relation findings by (chunk, normalized source, normalized target, relation name), weights summed. */
export const graphStageRelations = pgTable(
  'graph_stage_relations',
  {
    run_id: uuid('run_id')
      .notNull()
      .references(() => graphStageRuns.id, { onDelete: 'cascade' }),
    chunk_id: uuid('chunk_id').notNull(),
    source: text('source').notNull(),
    target: text('target').notNull(),
    relation: text('relation').notNull(),
    weight: doublePrecision('weight').notNull(),
  },
  (table) => [index('graph_stage_relations_run_idx').on(table.run_id)],
);

/** A run's names resolved at merge time: type, shown surface, and the entity they count for (canonical, key type). */
export const graphStageNames = pgTable(
  'graph_stage_names',
  {
    run_id: uuid('run_id')
      .notNull()
      .references(() => graphStageRuns.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    type: text('type').notNull(),
    surface: text('surface').notNull(),
    first_seq: integer('first_seq').notNull(),
    description: text('description'),
    canonical: text('canonical').notNull(),
    key_type: text('key_type').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.run_id, table.name] }),
    index('graph_stage_names_canonical_idx').on(table.run_id, table.canonical, table.key_type),
  ],
);
