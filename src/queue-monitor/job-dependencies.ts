import { type Job } from 'bullmq';

export interface JobRef {
  queue_name: string;
  job_id: string;
}

/** How a dependency stands: not finished, finished, failed (which canceled the job), or failed where allowed. */
export type DependencyState = 'pending' | 'finished' | 'failed' | 'failure_allowed';

/** A job's place in a flow (dependencies, chains, chords). */
export interface JobDependencies {
  /** The job that waits on this one, or null. */
  parent: JobRef | null;
  /** The jobs this one depends on, each with how it stands. */
  children: Array<JobRef & { state: DependencyState }>;
  /** The dependencies not finished yet: what a deferred job waits on. */
  waiting_on: JobRef[];
}

/** Reads a job's parent and its dependencies (BullMQ keys `{prefix}:{queue}:{id}`) from Redis. */
export async function readJobDependencies(job: Job, queuePrefix: string): Promise<JobDependencies> {
  const found = await job.getDependencies();
  const refs = (keys: Iterable<string>, state: DependencyState) => [...keys].map((key) => ({ ...toJobRef(key, queuePrefix), state }));
  const children = [
    ...refs(found.unprocessed ?? [], 'pending'),
    ...refs(Object.keys(found.processed ?? {}), 'finished'),
    ...refs(found.failed ?? [], 'failed'),
    ...refs(Object.keys(found.ignored ?? {}), 'failure_allowed'),
  ];
  return {
    parent: job.parentKey ? toJobRef(job.parentKey, queuePrefix) : null,
    children,
    waiting_on: children.filter((child) => child.state === 'pending').map(({ queue_name, job_id }) => ({ queue_name, job_id })),
  };
}

/** Job ids may hold colons (`file:{id}:process`); queue names do not. */
export function toJobRef(key: string, queuePrefix: string): JobRef {
  const rest = key.startsWith(`${queuePrefix}:`) ? key.slice(queuePrefix.length + 1) : key;
  const colon = rest.indexOf(':');
  return { queue_name: rest.slice(0, colon), job_id: rest.slice(colon + 1) };
}
