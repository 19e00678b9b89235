import { Injectable } from '@nestjs/common';
import type { AuthUser, UserRole } from '../common/auth/auth-user.js';
import { DependencyUnavailableError } from '../common/errors/domain-error.js';
import { FileRecordsService } from '../files/file-records.service.js';
import { FileIdTakenError } from '../files/files.errors.js';
import { AppConfig } from '../infra/config/app-config.js';
import { isQueueName, QueueName } from '../infra/queue/queue-names.js';
import { TaskQueueService } from '../infra/queue/task-queue.service.js';
import type { TaskPriority } from '../infra/queue/task-priority.js';
import { PriorityNotAllowedError, QuotaExceededError } from './quota.errors.js';
import { QuotaLedger, Refusal } from './quota-ledger.js';
import { effectiveLimits, QUOTA_FIELDS, QuotaLimits, QuotaOverrides } from './quota-limits.js';
import { QuotaRepository } from './quota.repository.js';
import { RESERVATION_TTL_MS, UploadReservation } from './upload-reservation.js';

export interface QuotaUsage {
  active_jobs: number;
  storage_bytes: number;
  files: number;
  uploads_last_hour: number;
}

/** An admitted job not yet confirmed in its queue after this long was never added (its enqueuer died). */
const ADMISSION_GRACE_MS = 60_000;
/** A user without an active-jobs limit has ended jobs dropped from their count once it reaches this. */
const UNLIMITED_REBUILD_AT = 1000;
/** Jobs end within minutes: a client refused for active jobs may try again after this. */
const ACTIVE_JOBS_RETRY_AFTER_SECONDS = 30;
const ENDED_STATES = new Set(['completed', 'failed', 'unknown']);
/** A reconciliation refused because the ledger changed meanwhile is tried again this often. */
const RECONCILE_ATTEMPTS = 5;

/**
 * Per-user limits and usage. Counters live in Redis (QuotaLedger) and are admitted atomically; they are rebuilt
 * from the real state (the files table, the jobs in BullMQ) whenever a limit would refuse and whenever usage is read,
 * so a crash, a restart or a lost update never leaves a user blocked by work that no longer exists.
 */
@Injectable()
export class QuotaService {
  constructor(
    private readonly config: AppConfig,
    private readonly repository: QuotaRepository,
    private readonly ledger: QuotaLedger,
    private readonly files: FileRecordsService,
    private readonly tasks: TaskQueueService,
  ) {}

  async limitsFor(user: AuthUser): Promise<QuotaLimits> {
    return this.limitsOf(user.id, user.role);
  }

  async limitsOf(userId: string, role: UserRole): Promise<QuotaLimits> {
    return effectiveLimits(this.defaults(), await this.repository.overridesOf(userId), role === 'admin');
  }

  assertPriorityAllowed(limits: QuotaLimits, priority: TaskPriority | undefined): void {
    if (priority === 'high' && !limits.allow_high_priority) throw new PriorityNotAllowedError();
  }

  async overridesOf(userId: string): Promise<QuotaOverrides> {
    return this.repository.overridesOf(userId);
  }

  /** Applies the given fields (null returns a field to the default; undefined leaves it). */
  async updateOverrides(userId: string, changes: Partial<QuotaOverrides>): Promise<QuotaOverrides> {
    const next = { ...(await this.repository.overridesOf(userId)) };
    for (const field of QUOTA_FIELDS) {
      if (changes[field] !== undefined) Object.assign(next, { [field]: changes[field] });
    }
    return this.repository.saveOverrides(userId, next);
  }

  /** Limits and usage (rebuilt from the real state). */
  async report(userId: string, role: UserRole): Promise<{ limits: QuotaLimits; usage: QuotaUsage }> {
    const [limits, usage] = await Promise.all([this.limitsOf(userId, role), this.usageOf(userId)]);
    return { limits, usage };
  }

  /** Usage rebuilt from the real state first. */
  async usageOf(userId: string): Promise<QuotaUsage> {
    await Promise.all([this.reconcileStored(userId), this.reconcileActiveJobs(userId)]);
    const usage = await this.ledger.usage(userId);
    return {
      active_jobs: usage.activeJobs,
      storage_bytes: usage.storageBytes,
      files: usage.files,
      uploads_last_hour: usage.uploadsLastHour,
    };
  }

  /** Admits an upload (a file slot and a place in the hourly count) before any byte is stored. */
  async reserveUpload(
    userId: string,
    fileId: string,
    limits: QuotaLimits,
    declaredBytes: number | null,
  ): Promise<UploadReservation> {
    const uploadLimits = {
      maxFiles: limits.max_files,
      maxStorageBytes: limits.max_storage_bytes,
      maxUploadsPerHour: limits.max_uploads_per_hour,
    };
    for (let attempt = 0; ; attempt += 1) {
      const result = await this.ledger.reserveUpload(userId, fileId, uploadLimits, Date.now() + RESERVATION_TTL_MS);
      if (result.ok) return new UploadReservation(this.ledger, userId, fileId, limits.max_storage_bytes, declaredBytes);
      // Two uploads at once with the same client-chosen file id.
      if ('reason' in result && result.reason === 'taken') throw new FileIdTakenError(fileId);
      // Count from the database and ask again, once: a refusal must rest on the real state.
      if (attempt > 0) {
        if ('refusal' in result) throw refusalError(result.refusal);
        throw new DependencyUnavailableError('redis', 'the quota ledger could not be rebuilt; try again');
      }
      await this.reconcileStored(userId);
    }
  }

  /** Counts a job of the user's as queued or running; the same job again is not counted twice. */
  async admitJob(userId: string, limits: QuotaLimits, queue: QueueName, jobId: string): Promise<void> {
    const member = jobMember(queue, jobId);
    // Without a limit the jobs are still counted (usage), and the count is rebuilt once it grows large.
    if (!(await this.ledger.admitJob(userId, member, limits.max_active_jobs ?? UNLIMITED_REBUILD_AT))) return;
    await this.reconcileActiveJobs(userId);
    const refusal = await this.ledger.admitJob(userId, member, limits.max_active_jobs);
    if (refusal) throw refusalError(refusal);
  }

  /** The job is in its queue (admitted jobs missing from their queue count until confirmed or stale). */
  async confirmJob(userId: string, queue: QueueName, jobId: string): Promise<void> {
    await this.ledger.confirmJob(userId, jobMember(queue, jobId));
  }

  /** Refuses early (before an upload streams) when the user has no room for another job; admits nothing. */
  async assertJobRoom(userId: string, limits: QuotaLimits): Promise<void> {
    const limit = limits.max_active_jobs;
    if (limit === null || (await this.ledger.activeJobCount(userId)) < limit) return;
    await this.reconcileActiveJobs(userId);
    const used = await this.ledger.activeJobCount(userId);
    if (used >= limit) throw refusalError({ quota: 'active_jobs', limit, used });
  }

  /** The job was not enqueued after all, or it was canceled. */
  async releaseJob(userId: string, queue: QueueName, jobId: string): Promise<void> {
    await this.ledger.forgetJob(userId, jobMember(queue, jobId));
  }

  /** A stored file was deleted. */
  async fileRemoved(ownerId: string, bytes: number): Promise<void> {
    await this.ledger.adjustStored(ownerId, -1, -bytes);
  }

  /** Rebuilds the stored files and bytes from the files table (uploads still in flight are counted apart). */
  private async reconcileStored(userId: string): Promise<void> {
    for (let attempt = 0; attempt < RECONCILE_ATTEMPTS; attempt += 1) {
      const { version, inFlight } = await this.ledger.reconcileRead(userId);
      const stored = await this.files.storageUsage(userId, inFlight);
      if (await this.ledger.reconcileWrite(userId, version, stored.files, stored.bytes)) return;
    }
  }

  /** Forgets the counted jobs that ended (finished, failed for good, removed) in BullMQ. */
  private async reconcileActiveJobs(userId: string): Promise<void> {
    const now = Date.now();
    const counted = await this.ledger.activeJobs(userId);
    await Promise.all(
      counted.map(async ({ member, score }) => {
        const [queue, jobId] = splitMember(member);
        const job = queue ? await this.tasks.getJob(queue, jobId) : undefined;
        const confirmed = score < 0;
        const ended = job ? ENDED_STATES.has(await job.getState()) : confirmed || now - score > ADMISSION_GRACE_MS;
        if (ended) await this.ledger.forgetJobIfUnchanged(userId, member, score);
      }),
    );
  }

  private defaults(): QuotaLimits {
    const q = this.config.quota;
    return {
      max_active_jobs: q.maxActiveJobs,
      max_storage_bytes: q.maxStorageBytes,
      max_files: q.maxFiles,
      max_uploads_per_hour: q.maxUploadsPerHour,
      allow_high_priority: q.allowHighPriority,
      weight: q.weight,
    };
  }
}

function refusalError(refusal: Refusal): QuotaExceededError {
  const retryAfter =
    refusal.quota === 'active_jobs'
      ? ACTIVE_JOBS_RETRY_AFTER_SECONDS
      : refusal.freesAtMs !== undefined
        ? (refusal.freesAtMs - Date.now()) / 1000
        : undefined;
  return new QuotaExceededError(refusal.quota, refusal.limit, refusal.used, retryAfter);
}

function jobMember(queue: QueueName, jobId: string): string {
  return `${queue}/${jobId}`;
}

function splitMember(member: string): [QueueName | undefined, string] {
  const slash = member.indexOf('/');
  const queue = member.slice(0, slash);
  return [isQueueName(queue) ? queue : undefined, member.slice(slash + 1)];
}
