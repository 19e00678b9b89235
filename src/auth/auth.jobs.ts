import { defineJob, type JobData } from '../infra/queue/job-definition.js';
import { QueueName } from '../infra/queue/queue-names.js';

/** Blacklists every live token of one user. Idempotent, so retried on failure. */
export const RevokeUserSessionsJob = defineJob<{ user_id: string }, 'revoke-user-sessions'>(
  QueueName.TokenRevocation,
  'revoke-user-sessions',
  { jobTimeoutMs: 60_000, retry: { max: 3, intervalMs: 2000 } },
  (data) => data.user_id,
);

export type AuthJob = { name: typeof RevokeUserSessionsJob.name; data: JobData<typeof RevokeUserSessionsJob> };
