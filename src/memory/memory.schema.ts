import { customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * pgvector's `vector` with no fixed dimension, so the table does not pin EMBEDDING_DIMENSION; each row records its
 * model and dimension and search compares only rows of the current ones. One user's memories are few: no ANN index.
 */
const memoryVector = customType<{ data: number[]; driverData: string }>({
  dataType: () => 'vector',
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) =>
    value
      .slice(1, -1)
      .split(',')
      .map((v) => Number.parseFloat(v)),
});

/** Long-term agent memory: one row per (user, agent, key), the last consolidated value and its embedding. */
export const longTermMemories = pgTable(
  'long_term_memories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    agentId: text('agent_id').notNull(),
    key: text('key').notNull(),
    value: jsonb('value').$type<unknown>(),
    content: text('content').notNull(),
    contentSha256: text('content_sha256').notNull(),
    model: text('model').notNull(),
    dimension: integer('dimension').notNull(),
    embedding: memoryVector('embedding').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('long_term_memories_address_key').on(table.userId, table.agentId, table.key),
    index('long_term_memories_user_model_idx').on(table.userId, table.model, table.dimension),
  ],
);

export type LongTermMemoryRow = typeof longTermMemories.$inferSelect;
