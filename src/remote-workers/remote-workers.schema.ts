import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Tokens of remote workers (issued by an admin): only the sha256 of each token is kept. */
export const remoteWorkerTokens = pgTable(
  'remote_worker_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    pool: text('pool').notNull(),
    /** Set: the token only ever gets this user's jobs. */
    userId: uuid('user_id'),
    tokenSha256: text('token_sha256').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [index('remote_worker_tokens_created_idx').on(table.createdAt)],
);

export type RemoteWorkerTokenRow = typeof remoteWorkerTokens.$inferSelect;
