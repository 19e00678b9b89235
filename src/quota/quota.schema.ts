import { bigint, boolean, integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Per-user quota overrides set by an admin; a null column means the default from the environment. */
export const userQuotas = pgTable('user_quotas', {
  userId: uuid('user_id').primaryKey(),
  maxActiveJobs: integer('max_active_jobs'),
  maxStorageBytes: bigint('max_storage_bytes', { mode: 'number' }),
  maxFiles: integer('max_files'),
  maxUploadsPerHour: integer('max_uploads_per_hour'),
  allowHighPriority: boolean('allow_high_priority'),
  weight: integer('weight'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type UserQuotaRow = typeof userQuotas.$inferSelect;
