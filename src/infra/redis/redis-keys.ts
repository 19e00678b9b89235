/**
 * Every Redis key and channel of our own (BullMQ's keys use QUEUE_PREFIX and are built by BullMQ).
 * No key string is written anywhere else, so the key space can be read in one place.
 *
 * Redis Cluster: keys that one Lua script or MULTI touches together carry the same hash tag (`{file_id}`,
 * `{user_id}`), so they share a slot; keys with QUEUE_PREFIX share the queues' slot when it holds a tag (`{docai}`,
 * required on a cluster). Keys written together without a tag (a user's token index and the family's) are written
 * by separate commands, not one transaction.
 */
export const RedisKeys = {
  uploadProgress: (fileId: string) => `upload:progress:${fileId}`,
  processingStatus: (fileId: string) => `processing:status:{${fileId}}`,
  /** A batch upload (7 days): its owner and, per part, the file it created or the error that refused it. */
  uploadBatch: (batchId: string) => `upload:batch:${batchId}`,
  processingStatusPattern: () => 'processing:status:*',
  /** Hash of stage → {started_at, finished_at} of the current run (for the stage timings stored at the end). */
  processingTimings: (fileId: string) => `processing:timings:{${fileId}}`,
  /** Pub/sub channel: every change of a file's processing status (the SSE route listens). */
  processingEvents: (fileId: string) => `processing:events:{${fileId}}`,
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
  agentMemory: (userId: string, agentId: string, key: string) => `aam:memory:{${userId}}:${agentId}:${key}`,
  agentMemoryPattern: (userId: string, agentId: string, keyPrefix: string) =>
    `aam:memory:{${userId}}:${agentId}:${escapeGlob(keyPrefix)}*`,
  /** The last persisted value of a memory not yet consolidated (outlives a short TTL until the job has run). */
  agentMemoryPending: (userId: string, agentId: string, key: string) =>
    `aam:memory-pending:{${userId}}:${agentId}:${key}`,
  /** A remote worker's lease (JSON: token, queue, job); outlives the lease so a late answer gets 409; per QUEUE_PREFIX. */
  remoteLease: (queuePrefix: string, leaseId: string) => `rw:lease:${queuePrefix}:${leaseId}`,
  /** Set of the lease ids a remote-worker token holds (returned to the queue when it is revoked); per QUEUE_PREFIX. */
  remoteTokenLeases: (queuePrefix: string, tokenId: string) => `rw:token-leases:${queuePrefix}:${tokenId}`,
  /** Prefix of the remote-worker request counters (per token, and per IP for refused tokens); per QUEUE_PREFIX. */
  remoteRequestsPrefix: (queuePrefix: string, scope: 'token' | 'ip') => `rw:requests:${queuePrefix}:${scope}`,
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
  quotaStored: (userId: string) => `quota:stored:{${userId}}`,
  /** Uploads being received: reservation (file) id → expiry (ms), and its hash of bytes reserved so far. */
  quotaInFlight: (userId: string) => `quota:in-flight:{${userId}}`,
  quotaInFlightBytes: (userId: string) => `quota:in-flight-bytes:{${userId}}`,
  /** Uploads admitted in the last hour: file id → admission time (ms). */
  quotaUploads: (userId: string) => `quota:uploads:{${userId}}`,
  /** The user's queued and running jobs: `{queue}/{job_id}` → admission time (ms); reconciled with BullMQ. */
  quotaActiveJobs: (userId: string) => `quota:active-jobs:{${userId}}`,
  /** Every job enqueued for a user (own-jobs API): `{queue}/{job_id}` → enqueue time (ms); and all users' together. */
  userJobs: (userId: string) => `jobs:user:${userId}`,
  allUserJobs: () => 'jobs:all',
  /** Throttle of queue alerts (one per queue per window), per QUEUE_PREFIX so separate systems do not mute each other. */
  alertThrottle: (queuePrefix: string, queue: string) => `rq:alert:${queuePrefix}:${queue}`,
  /** The latest alerts fired (JSON, newest first, capped), for the monitoring panel. */
  alertHistory: (queuePrefix: string) => `rq:alerts:${queuePrefix}`,
  /** A queue migration's progress record (hash, 7 days): request, moved/skipped/failed counts, done; main Redis. */
  queueMigration: (migrationId: string) => `rq:migration:${migrationId}`,
  /**
   * On the SOURCE shard, next to the queue (same slot with a `{tag}` prefix): hash job id → the state it left, for
   * jobs taken out of the runnable set by a migration and not yet deleted (a rerun resumes from here).
   */
  queueMigrationHolding: (queuePrefix: string, queue: string) => `rq:migrating:${queuePrefix}:${queue}`,
  /**
   * On the TARGET shard: hash job id → JSON {source, from} for copies a migration added in a held (non-runnable) form
   * and has not armed yet; armed only after the source copy is deleted, so a rerun tells "moved" from "not moved".
   */
  queueMigrationIncoming: (queuePrefix: string, queue: string) => `rq:migrating-in:${queuePrefix}:${queue}`,
  /** Main Redis: one migration at a time per source shard and queue (value: migration id; a lease, renewed while it runs). */
  queueMigrationLock: (queuePrefix: string, shard: string, queue: string) => `rq:migration-lock:${queuePrefix}:${shard}:${queue}`,
} as const;

export const RedisTtl = {
  uploadProgressSeconds: 3600,
  processingStatusSeconds: 2 * 3600,
  agentMemoryDefaultSeconds: 3600,
} as const;

function escapeGlob(value: string): string {
  return value.replace(/[*?[\]\\]/g, '\\$&');
}
