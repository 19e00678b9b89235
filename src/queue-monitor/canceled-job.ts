import type { TaskPriority } from '../infra/queue/task-priority.js';

/** What we keep of a job an operator canceled (BullMQ removes the job itself). */
export interface CanceledJobRecord {
  job_id: string;
  name: string;
  data: unknown;
  created_at: string | null;
  enqueued_at: string | null;
  canceled_at: string;
  previous_status: string;
  /** Absent in records written before priorities existed. */
  priority?: TaskPriority;
  /** The queue shard that held the job (QUEUE_SHARDS); absent in records written before shards: shard "0". */
  shard?: string;
}

/** The shard a canceled record counts under. */
export const canceledShardOf = (record: CanceledJobRecord): string => record.shard ?? '0';
