import { type MigratableState } from './job-mover.js';

/** What a migration was asked to do. */
export interface MigrationRequest {
  queue: string;
  from_shard: string;
  to_shard: string;
  to_queue: string;
  states: MigratableState[];
  limit: number;
}

/** A migration's progress record (RedisKeys.queueMigration): what GET /rq/migrations/{id} answers. */
export interface MigrationProgress extends MigrationRequest {
  migration_id: string;
  moved: number;
  skipped: number;
  failed: number;
  done: boolean;
  error: string | null;
  started_at: string;
  finished_at: string | null;
}
