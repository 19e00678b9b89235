/**
 * Every Redis key and channel of our own (BullMQ's keys use QUEUE_PREFIX and are built by BullMQ).
 * No key string is written anywhere else, so the key space can be read in one place.
 */
export const RedisKeys = {
  uploadProgress: (fileId: string) => `upload:progress:${fileId}`,
  processingStatus: (fileId: string) => `processing:status:${fileId}`,
  /** A batch upload (7 days): its owner and, per part, the file it created or the error that refused it. */
  uploadBatch: (batchId: string) => `upload:batch:${batchId}`,
  processingStatusPattern: () => 'processing:status:*',
  /** Hash of stage → {started_at, finished_at} of the current run (for the stage timings stored at the end). */
  processingTimings: (fileId: string) => `processing:timings:${fileId}`,
  /** Pub/sub channel: every change of a file's processing status (the SSE route listens). */
  processingEvents: (fileId: string) => `processing:events:${fileId}`,
  jwtBlacklist: (tokenSha256: string) => `jwt:blacklist:${tokenSha256}`,
  /** Sorted set of a user's live tokens: sha256(token) → expiry (unix seconds). */
  userTokens: (userId: string) => `auth:user-tokens:${userId}`,
  /** Sorted set of every token of one login (token family): sha256(token) → expiry (unix seconds). */
  tokenFamily: (familyId: string) => `auth:family:${familyId}`,
  /** sha256 of the one refresh token of a family that may still be used. */
  tokenFamilyRefresh: (familyId: string) => `auth:family-refresh:${familyId}`,
  /** Prefix of the failed-login counters (per email and per IP, a minute each); per QUEUE_PREFIX, like the queues. */
  loginFailuresPrefix: (queuePrefix: string, scope: 'email' | 'ip') => `auth:login-failures:${queuePrefix}:${scope}`,
  /** Prefix of the registrations-per-client-IP counters (an hour each); per QUEUE_PREFIX, like the queues. */
  registrationsPrefix: (queuePrefix: string) => `auth:registrations:${queuePrefix}:ip`,
  agentMemory: (userId: string, agentId: string, key: string) => `aam:memory:${userId}:${agentId}:${key}`,
  agentMemoryPattern: (userId: string, agentId: string, keyPrefix: string) =>
    `aam:memory:${userId}:${agentId}:${escapeGlob(keyPrefix)}*`,
  /** The last persisted value of a memory not yet consolidated (outlives a short TTL until the job has run). */
  agentMemoryPending: (userId: string, agentId: string, key: string) =>
    `aam:memory-pending:${userId}:${agentId}:${key}`,
  worker: (workerName: string) => `rq:worker:${workerName}`,
  workerPattern: () => 'rq:worker:*',
  /** Pub/sub channel: a job id published here is aborted by whichever worker runs it. */
  jobAbortChannel: () => 'rq:abort',
  /** How many of a job's stalls were already recorded as failed attempts (WORKER_LOST); per QUEUE_PREFIX. */
  jobStallsCounted: (queuePrefix: string, queue: string, jobId: string) => `rq:stalls-counted:${queuePrefix}:${queue}:${jobId}`,
  /** Held by the one process running the job reconciler at a time; per QUEUE_PREFIX. */
  reconcilerLock: (queuePrefix: string) => `rq:reconcile-lock:${queuePrefix}`,
  /** How often the reconciler re-enqueued a lost job (bounded by the job's attempts); per QUEUE_PREFIX. */
  jobRequeues: (queuePrefix: string, queue: string, jobId: string) => `rq:requeued:${queuePrefix}:${queue}:${jobId}`,
  /** Jobs canceled by an operator (the `canceled` status word), newest first by score; per QUEUE_PREFIX. */
  canceledJobs: (queuePrefix: string, queue: string) => `rq:canceled:${queuePrefix}:${queue}`,
  /**
   * Fair scheduler of one queue and priority (per QUEUE_PREFIX; with a `{hash tag}` prefix it shares the queue's
   * cluster slot): `…:held:{user}` list of held-back job ids, `…:admitted:{user}` set of admitted ones, `…:users`
   * set of users with held-back jobs. The script appends the suffixes.
   */
  fairSchedulerBase: (queuePrefix: string, queue: string, priority: string) => `fair:${queuePrefix}:${queue}:${priority}:`,
  /** Hash user → admitted-job slots (from their weight), per queue. */
  fairSchedulerSlots: (queuePrefix: string, queue: string) => `fair:${queuePrefix}:${queue}:slots`,
  /** Per-user quota ledger (src/quota): committed files and bytes with a version bumped by every change. */
  quotaStored: (userId: string) => `quota:stored:${userId}`,
  /** Uploads being received: reservation (file) id → expiry (ms), and its hash of bytes reserved so far. */
  quotaInFlight: (userId: string) => `quota:in-flight:${userId}`,
  quotaInFlightBytes: (userId: string) => `quota:in-flight-bytes:${userId}`,
  /** Uploads admitted in the last hour: file id → admission time (ms). */
  quotaUploads: (userId: string) => `quota:uploads:${userId}`,
  /** The user's queued and running jobs: `{queue}/{job_id}` → admission time (ms); reconciled with BullMQ. */
  quotaActiveJobs: (userId: string) => `quota:active-jobs:${userId}`,
  /** Every job enqueued for a user (own-jobs API): `{queue}/{job_id}` → enqueue time (ms); and all users' together. */
  userJobs: (userId: string) => `jobs:user:${userId}`,
  allUserJobs: () => 'jobs:all',
  /** Throttle of queue alerts (one per queue per window), per QUEUE_PREFIX so separate systems do not mute each other. */
  alertThrottle: (queuePrefix: string, queue: string) => `rq:alert:${queuePrefix}:${queue}`,
  /** The latest alerts fired (JSON, newest first, capped), for the monitoring panel. */
  alertHistory: (queuePrefix: string) => `rq:alerts:${queuePrefix}`,
} as const;

export const RedisTtl = {
  uploadProgressSeconds: 3600,
  processingStatusSeconds: 2 * 3600,
  agentMemoryDefaultSeconds: 3600,
} as const;

function escapeGlob(value: string): string {
  return value.replace(/[*?[\]\\]/g, '\\$&');
}
