import { defineJob } from '../infra/queue/job-definition.js';
import { QueueName } from '../infra/queue/queue-names.js';

/** Ids only: the job reads the latest value from Redis when it runs. */
export interface ConsolidateMemoryData {
  user_id: string;
  agent_id: string;
  key: string;
}

export type MemoryJob = { name: 'consolidate-memory'; data: ConsolidateMemoryData };

export const consolidateMemoryJob = defineJob<ConsolidateMemoryData, 'consolidate-memory'>(
  QueueName.MemoryConsolidation,
  'consolidate-memory',
  { jobTimeoutMs: 2 * 60_000, retry: { max: 3, intervalMs: 5_000 }, resultTtlSeconds: 3600 },
  (data) => data.user_id,
);

export const MEMORY_JOB_NAMES: readonly MemoryJob['name'][] = ['consolidate-memory'];
