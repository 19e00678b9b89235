import { type Job } from 'bullmq';
import { type ApiJobStatus } from '../infra/queue/job-status.js';
import { DEPENDENCY_FAILED, isDependencyFailure } from '../infra/queue/task-flows.js';
import { type TaskPriority, toTaskPriority } from '../infra/queue/task-priority.js';
import { type CanceledJobRecord } from './canceled-job.js';
import { type JobDependencies } from './job-dependencies.js';
import { HELD_DELAY_MS } from './migrations/job-mover.js';

/** A job in a list, the original RQ fields. */
export interface JobSummary {
  job_id: string;
  name: string;
  status: ApiJobStatus | 'unknown';
  priority: TaskPriority;
  data: unknown;
  created_at: string | null;
  enqueued_at: string | null;
  started_at: string | null;
  ended_at: string | null;
  result: unknown;
  exc_info: string | null;
  /** The worker pool whose queue holds it (ROUTES_FILE); set by the monitor's lists. */
  pool?: string;
  /** The queue shard holding it (with QUEUE_SHARDS). */
  shard?: string;
}

/** One job with everything an operator needs to understand it. */
export interface JobDetail extends JobSummary {
  queue_name: string;
  error: string | null;
  stack_trace: string[];
  progress: unknown;
  attempts_made: number;
  attempts_allowed: number;
  delay_ms: number;
  duration_ms: number | null;
  wait_ms: number | null;
  worker_name: string | null;
  logs: string[];
  canceled_at?: string;
  /** Its place in a flow: the job waiting on it, the jobs it depends on, what it still waits on. */
  dependencies?: JobDependencies;
  /** Why a queued or scheduled job waits: `pool has no worker` when no live worker serves its pool, else null. */
  waiting_reason?: string | null;
}

export function toJobSummary(job: Job, bullStatus: ApiJobStatus | 'unknown'): JobSummary {
  // BullMQ fails a job whose dependency failed without running it: to the API it was canceled.
  // A migration's copy on its target before the move arms it (JobMover) waits on the move, not a year.
  const held = bullStatus === 'scheduled' && job.delay === HELD_DELAY_MS;
  const status = bullStatus === 'failed' && isDependencyFailure(job.failedReason) ? 'canceled' : held ? 'deferred' : bullStatus;
  const failed = status === 'failed' || (!!job.failedReason && status !== 'finished');
  return {
    job_id: String(job.id),
    name: job.name,
    status,
    priority: toTaskPriority(job.priority),
    data: job.data,
    created_at: iso(job.timestamp),
    enqueued_at: held ? null : iso(enqueuedAt(job)),
    started_at: iso(job.processedOn),
    ended_at: iso(job.finishedOn),
    result: job.returnvalue ?? null,
    exc_info: failed ? excInfo(job) : null,
  };
}

export function toJobDetail(
  job: Job,
  queueName: string,
  status: ApiJobStatus | 'unknown',
  logs: string[],
  dependencies?: JobDependencies,
): JobDetail {
  const started = job.processedOn ?? null;
  const summary = toJobSummary(job, status);
  return {
    ...summary,
    queue_name: queueName,
    error: summary.status === 'canceled' ? summary.exc_info : job.failedReason || null,
    stack_trace: job.stacktrace ?? [],
    progress: job.progress ?? 0,
    attempts_made: job.attemptsMade,
    attempts_allowed: job.opts.attempts ?? 1,
    delay_ms: job.delay ?? 0,
    duration_ms: started !== null && job.finishedOn ? job.finishedOn - started : null,
    wait_ms: started !== null ? Math.max(0, started - enqueuedAt(job)) : null,
    worker_name: job.processedBy ?? null,
    logs,
    ...(summary.status === 'canceled' ? { canceled_at: iso(job.finishedOn) ?? undefined } : {}),
    dependencies,
  };
}

export function canceledSummary(record: CanceledJobRecord): JobSummary {
  return {
    job_id: record.job_id,
    name: record.name,
    status: 'canceled',
    priority: record.priority ?? 'normal',
    data: record.data,
    created_at: record.created_at,
    enqueued_at: record.enqueued_at,
    started_at: null,
    ended_at: record.canceled_at,
    result: null,
    exc_info: null,
  };
}

export function canceledDetail(record: CanceledJobRecord, queueName: string): JobDetail {
  return {
    ...canceledSummary(record),
    queue_name: queueName,
    error: null,
    stack_trace: [],
    progress: 0,
    attempts_made: 0,
    attempts_allowed: 0,
    delay_ms: 0,
    duration_ms: null,
    wait_ms: null,
    worker_name: null,
    logs: [],
    canceled_at: record.canceled_at,
  };
}

/** A delayed job enters the queue when its delay ends (RQ's enqueued_at); others when added. */
export function enqueuedAt(job: Job): number {
  return job.timestamp + (job.delay ?? 0);
}

function excInfo(job: Job): string | null {
  if (isDependencyFailure(job.failedReason)) return `${DEPENDENCY_FAILED}: ${job.failedReason}`;
  const trace = job.stacktrace?.filter(Boolean) ?? [];
  if (trace.length > 0) return trace[trace.length - 1];
  return job.failedReason || null;
}

function iso(ms: number | null | undefined): string | null {
  return ms ? new Date(ms).toISOString() : null;
}
