import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { type Job, UnrecoverableError } from 'bullmq';
import { Redis } from 'ioredis';
import { DomainError } from '../common/errors/domain-error.js';
import { AppConfig } from '../infra/config/app-config.js';
import { WorkerLostError } from '../infra/queue/job-errors.js';
import { QueueProcessor } from '../infra/queue/queue-processor.js';
import { StallLedger } from '../infra/queue/stall-ledger.js';
import { TaskQueueService } from '../infra/queue/task-queue.service.js';
import { RemoteGraphStep } from './remote-graph.step.js';
import { DEFAULT_SHARD, RemoteJobSource } from './remote-job-source.js';
import { type LeaseRecord, RemoteLeasesRepository } from './remote-leases.repository.js';
import { RemoteWorkerPresenceRepository } from './remote-worker-presence.repository.js';
import type { RemoteQueue } from './remote-queues.js';
import type { RemoteInputLine, RemoteStep } from './remote-step.js';
import { RemoteVectorizationStep } from './remote-vectorization.step.js';
import { LeaseExpiredError, LeaseNotFoundError, StaleChunksError } from './remote-workers.errors.js';
import type { RemoteWorkerTokenRow } from './remote-workers.schema.js';

// How often a long-polling claim looks again while its queues are empty.
const POLL_MS = 100;

export interface Lease {
  lease_id: string;
  job: { id: string; name: string; queue: RemoteQueue; data: Record<string, unknown> };
  lease_expires_at: string;
}

/**
 * The remote-worker protocol on top of BullMQ's manual processing: claim (long-poll), input, heartbeat, complete,
 * fail. A lease is the job's lock, held under the lease id: every answer first checks the lock is still ours (else 409,
 * nothing changed), and a job ends exactly as under an in-house worker: its result written by the same services, its
 * failure classified and settled by the queue's own processor, a stall recorded as a failed attempt (StallLedger).
 */
@Injectable()
export class RemoteLeasesService implements OnApplicationShutdown {
  private readonly logger = new Logger('RemoteWorkers');
  private readonly steps: Map<RemoteQueue, RemoteStep>;
  private readonly stalls: StallLedger;
  private closing = false;

  constructor(
    private readonly config: AppConfig,
    private readonly source: RemoteJobSource,
    private readonly leases: RemoteLeasesRepository,
    private readonly tasks: TaskQueueService,
    private readonly discovery: DiscoveryService,
    private readonly presence: RemoteWorkerPresenceRepository,
    redis: Redis,
    vectorization: RemoteVectorizationStep,
    graph: RemoteGraphStep,
  ) {
    this.steps = new Map<RemoteQueue, RemoteStep>([vectorization, graph].map((step) => [step.queue, step]));
    this.stalls = new StallLedger(redis, config.queue.prefix);
  }

  /** Long-polls the queues (in order) for a job this token may take; undefined when none came within the wait. */
  async claim(
    token: RemoteWorkerTokenRow,
    queues: RemoteQueue[],
    maxWaitMs: number,
    stillLive: () => Promise<boolean>,
  ): Promise<Lease | undefined> {
    const deadline = Date.now() + Math.min(maxWaitMs, this.config.remoteWorkers.claimMaxWaitMs);
    await this.quietly(this.presence.seen(token, queues));
    for (;;) {
      for (const queue of queues) {
        const lease = await this.claimFrom(token, queue, stillLive);
        if (lease) return lease;
      }
      const left = deadline - Date.now();
      if (left <= 0 || this.closing) {
        await this.quietly(this.presence.seen(token));
        return undefined;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, left)));
    }
  }

  private async claimFrom(token: RemoteWorkerTokenRow, queue: RemoteQueue, stillLive: () => Promise<boolean>): Promise<Lease | undefined> {
    const step = this.stepOf(queue);
    for (;;) {
      const leaseId = randomUUID();
      const taken = await this.source.take({ queue, pool: token.pool, leaseId, userId: token.userId, accepts: (j) => step.accepts(j) });
      if (!taken) return undefined;
      const { job, shard } = taken;
      // Revoked while this claim waited: the job goes straight back.
      if (!(await stillLive())) {
        await this.source.handBack(job, leaseId);
        return undefined;
      }
      // A lease of an earlier attempt ran out (the remote worker died): that attempt is recorded as failed first.
      if (await this.stalls.claimNewStalls(job.queueName, job)) {
        await this.failJob(queue, job, leaseId, new WorkerLostError(job.stalledCounter));
        continue;
      }
      const record: LeaseRecord = {
        lease_id: leaseId,
        token_id: token.id,
        bull_queue: job.queueName,
        queue,
        pool: token.pool,
        job_id: String(job.id),
        shard: shard.name,
      };
      await this.leases.save(record);
      await this.tasks.jobStarted(job, shard).catch((error: unknown) => this.logger.warn(`fair scheduler: ${(error as Error).message}`));
      try {
        await step.prepare(job);
      } catch (error) {
        await this.failFromServer(record, job, error);
        continue;
      }
      const data = job.data as Record<string, unknown>;
      const leaseExpiresAt = this.expiry();
      await this.quietly(this.presence.leased(token, { lease_id: leaseId, job_id: record.job_id, queue, lease_expires_at: leaseExpiresAt }));
      return { lease_id: leaseId, job: { id: String(job.id), name: job.name, queue, data }, lease_expires_at: leaseExpiresAt };
    }
  }

  /** The lease's job input, one line at a time (after checking the lease is live). */
  async input(token: RemoteWorkerTokenRow, leaseId: string): Promise<AsyncIterable<RemoteInputLine>> {
    const { record, job } = await this.liveLease(token, leaseId);
    await this.quietly(this.presence.extended(token, leaseId, this.expiry()));
    try {
      // Reading fails at the first line when the file is gone: classified now, before anything is streamed.
      const lines = this.stepOf(record.queue).input(job)[Symbol.asyncIterator]();
      const first = await lines.next();
      return (async function* () {
        if (!first.done) yield first.value;
        for (let next = await lines.next(); !next.done; next = await lines.next()) yield next.value;
      })();
    } catch (error) {
      throw await this.failFromServer(record, job, error);
    }
  }

  async heartbeat(token: RemoteWorkerTokenRow, leaseId: string, progress?: number): Promise<{ lease_expires_at: string }> {
    const { job } = await this.liveLease(token, leaseId);
    if (progress !== undefined) await job.updateProgress(progress);
    const leaseExpiresAt = this.expiry();
    await this.quietly(this.presence.extended(token, leaseId, leaseExpiresAt));
    return { lease_expires_at: leaseExpiresAt };
  }

  async complete(token: RemoteWorkerTokenRow, leaseId: string, result: unknown): Promise<{ job_status: 'completed' }> {
    const { record, job } = await this.liveLease(token, leaseId);
    let returnValue: unknown;
    try {
      returnValue = await this.stepOf(record.queue).write(job, result);
    } catch (error) {
      throw await this.failFromServer(record, job, error);
    }
    try {
      await job.moveToCompleted(returnValue, leaseId, false);
    } catch {
      // The lock ran out while the result was written (the write replaced the file's vectors or graph as a whole).
      throw new LeaseExpiredError();
    }
    await this.ended(record, job, 'completed');
    return { job_status: 'completed' };
  }

  async fail(token: RemoteWorkerTokenRow, leaseId: string, error: string, retryable: boolean): Promise<{ job_status: 'retrying' | 'failed' }> {
    const { record, job } = await this.liveLease(token, leaseId);
    const failure = retryable ? new Error(error) : new UnrecoverableError(error);
    return { job_status: await this.failJob(record.queue, job, leaseId, failure, record) };
  }

  /** A revoked token's leases: their jobs go back to their queues at once, attempts untouched. */
  async releaseAll(tokenId: string): Promise<number> {
    let released = 0;
    for (const leaseId of await this.leases.leaseIdsOf(tokenId)) {
      const record = await this.leases.find(leaseId);
      if (!record) continue;
      const job = await this.source.queueOf(record.queue, record.pool, record.shard).getJob(record.job_id);
      if (job && (await job.extendLock(leaseId, this.config.remoteWorkers.leaseMs)) === 1) {
        await this.source.handBack(job, leaseId);
        released++;
      }
      await this.leases.end(record);
    }
    await this.quietly(this.presence.remove(tokenId));
    return released;
  }

  /** The token's lease whose job it still holds: 404 for no such lease of this token, 409 once it ran out. */
  private async liveLease(token: RemoteWorkerTokenRow, leaseId: string): Promise<{ record: LeaseRecord; job: Job }> {
    const record = /^[0-9a-f-]{36}$/i.test(leaseId) ? await this.leases.find(leaseId) : undefined;
    if (!record || record.token_id !== token.id) throw new LeaseNotFoundError();
    const job = await this.source.queueOf(record.queue, record.pool, record.shard).getJob(record.job_id);
    // Extending is also the check that the lock is still this lease's (1) and not lost to a stall (0).
    if (!job || (await job.extendLock(leaseId, this.config.remoteWorkers.leaseMs)) !== 1) throw new LeaseExpiredError();
    return { record, job };
  }

  /**
   * A step failed on the server side. Refusals of the result (400) keep the lease, so the worker may answer again;
   * chunks changed meanwhile: the job is retried; what the queue's processor calls permanent (the file was
   * deleted), or an UnrecoverableError of the step (a run's graph stage whose text stage never completed), fails it
   * for good. Anything else (the database or Redis down) keeps the lease too. Returns the error.
   */
  private async failFromServer(record: LeaseRecord, job: Job, error: unknown): Promise<unknown> {
    const processor = this.processorOf(record.queue);
    if (error instanceof StaleChunksError) {
      await this.failJob(record.queue, job, record.lease_id, new Error(error.message), record);
    } else if (error instanceof UnrecoverableError || processor?.isPermanentFailure(error)) {
      await this.failJob(record.queue, job, record.lease_id, new UnrecoverableError((error as Error).message), record);
    } else if (!(error instanceof DomainError)) {
      this.logger.warn(`remote ${record.queue} job ${record.job_id}: ${(error as Error).message}`);
    }
    return error;
  }

  /** Fails the attempt (BullMQ retries it with its backoff, or fails it for good); a final failure is settled. */
  private async failJob(queue: RemoteQueue, job: Job, leaseId: string, error: Error, record?: LeaseRecord): Promise<'retrying' | 'failed'> {
    try {
      await job.moveToFailed(error, leaseId, false);
    } catch {
      throw new LeaseExpiredError();
    }
    if (record) await this.ended(record, job, 'failed');
    if (!job.finishedOn) return 'retrying';
    await this.processorOf(queue)
      ?.settleFailedJob({ name: job.name, data: job.data as unknown }, job.failedReason || error.message)
      .catch((failure: unknown) => this.logger.error(`settling failed job ${job.id}: ${(failure as Error).message} (the reconciler retries)`));
    return 'failed';
  }

  private async ended(record: LeaseRecord, job: Job, outcome: 'completed' | 'failed'): Promise<void> {
    await this.leases.end(record);
    await this.quietly(this.presence.ended(record.token_id, record.lease_id, outcome));
    await this.tasks.jobEnded(record.queue, job, this.tasks.shards.byName(record.shard ?? DEFAULT_SHARD)).catch((error: unknown) => this.logger.warn(`fair scheduler: ${(error as Error).message}`));
  }

  private stepOf(queue: RemoteQueue): RemoteStep {
    return this.steps.get(queue) as RemoteStep;
  }

  /** The queue's in-house processor: its failure classification and settling apply to remote runs too. */
  private processorOf(queue: RemoteQueue): QueueProcessor | undefined {
    return this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .find((instance): instance is QueueProcessor => instance instanceof QueueProcessor && instance.queueName === queue);
  }

  /** The registry record is for the monitor: a failed write of it never fails the protocol. */
  private async quietly(write: Promise<void>): Promise<void> {
    await write.catch((error: unknown) => this.logger.warn(`remote worker registry: ${(error as Error).message}`));
  }

  private expiry(): string {
    return new Date(Date.now() + this.config.remoteWorkers.leaseMs).toISOString();
  }

  onApplicationShutdown(): void {
    this.closing = true;
  }
}
