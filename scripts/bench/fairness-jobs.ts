import { defineJob } from '../../src/infra/queue/job-definition.js';
import { QueueName } from '../../src/infra/queue/queue-names.js';

/** The fairness bench's job: sleeps `ms` (on memory_consolidation; the bench worker loads no feature module). */
export const BenchSleepJob = defineJob<{ ms: number }, 'bench-sleep'>(QueueName.MemoryConsolidation, 'bench-sleep');
export type BenchSleepJobs = { name: 'bench-sleep'; data: { ms: number } };
