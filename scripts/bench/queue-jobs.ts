import { defineJob } from '../../src/infra/queue/job-definition.js';
import { QueueName } from '../../src/infra/queue/queue-names.js';

/** The queue bench's job: does nothing (on memory_consolidation; the bench worker loads no feature module). */
export const BenchNoopJob = defineJob<Record<string, never>, 'bench-noop'>(QueueName.MemoryConsolidation, 'bench-noop');
export type BenchNoopJobs = { name: 'bench-noop'; data: Record<string, never> };
