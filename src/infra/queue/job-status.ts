import { type JobState } from 'bullmq';

/** The original system's RQ status words, as the API speaks them. */
export type ApiJobStatus = 'queued' | 'started' | 'finished' | 'failed' | 'scheduled' | 'deferred' | 'canceled';

export const API_JOB_STATUSES: readonly ApiJobStatus[] = [
  'queued',
  'started',
  'finished',
  'failed',
  'scheduled',
  'deferred',
  'canceled',
];

/** BullMQ states behind each API word (`canceled` is recorded by us, not a BullMQ state). */
export const BULL_STATES_BY_STATUS: Record<Exclude<ApiJobStatus, 'canceled'>, JobState[]> = {
  queued: ['waiting', 'prioritized'],
  started: ['active'],
  finished: ['completed'],
  failed: ['failed'],
  scheduled: ['delayed'],
  deferred: ['waiting-children'],
};

export function toApiStatus(state: JobState | 'unknown'): ApiJobStatus | 'unknown' {
  for (const [status, states] of Object.entries(BULL_STATES_BY_STATUS)) {
    if ((states as string[]).includes(state)) return status as ApiJobStatus;
  }
  return 'unknown';
}
