import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain-error.js';
import { QueueShard } from '../../infra/queue/shards/queue-shard.js';
import { TaskQueueService } from '../../infra/queue/task-queue.service.js';
import { RedisKeys } from '../../infra/redis/redis-keys.js';
import { AppConfig } from '../../infra/config/app-config.js';
import { MonitoredQueues } from '../monitored-queues.js';
import { JobMover, type MigratableState, type MoveOutcome } from './job-mover.js';
import { MigrationLock } from './migration-lock.js';
import { MigrationRunningError } from './migration.errors.js';
import { type MigrationProgress, type MigrationRequest } from './migration-progress.js';

const PAGE = 500;
const FLUSH_EVERY = 200;
const RECORD_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Queue migrations (POST /rq/migrations): move a queue's waiting, delayed and failed jobs to another shard or queue,
 * one job at a time through JobMover (crash-safe, resumable), in the background of the process that was asked. The
 * progress record lives in the main Redis; a rerun with the same source resumes what a crashed run left held or
 * placed. One migration per source queue at a time, across processes (MigrationLock): another answers 409.
 */
@Injectable()
export class MigrationService implements OnApplicationShutdown {
  private readonly logger = new Logger('QueueMigration');
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;
  private readonly lock: MigrationLock;

  constructor(
    private readonly tasks: TaskQueueService,
    private readonly queues: MonitoredQueues,
    private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    this.lock = new MigrationLock(redis);
  }

  /** Checks the request, records it and starts it; answers its id at once. */
  async start(request: MigrationRequest): Promise<{ migration_id: string }> {
    this.queues.resolve(request.queue);
    this.queues.resolve(request.to_queue);
    const from = this.tasks.shards.assertAvailable(this.tasks.shards.byName(request.from_shard));
    const to = this.tasks.shards.assertAvailable(this.tasks.shards.byName(request.to_shard));
    if (from === to && request.queue === request.to_queue) {
      throw new ValidationFailedError([{ field: 'to_shard', message: 'to_shard or to_queue must differ from the source' }]);
    }
    const migrationId = randomUUID();
    const lockKey = RedisKeys.queueMigrationLock(this.config.queue.prefix, from.name, request.queue);
    const holder = await this.lock.acquire(lockKey, migrationId);
    if (holder) throw new MigrationRunningError(request.queue, from.name, holder);
    const progress: MigrationProgress = {
      ...request,
      migration_id: migrationId,
      moved: 0,
      skipped: 0,
      failed: 0,
      done: false,
      error: null,
      started_at: new Date().toISOString(),
      finished_at: null,
    };
    try {
      await this.save(progress);
    } catch (error) {
      await this.lock.release(lockKey, migrationId).catch(() => undefined);
      throw error;
    }
    const id = progress.migration_id;
    const run = this.run(progress, from, to, lockKey).finally(() => this.lock.release(lockKey, id).catch(() => undefined));
    this.running.set(id, run.finally(() => this.running.delete(id)));
    return { migration_id: progress.migration_id };
  }

  async progress(migrationId: string): Promise<MigrationProgress> {
    const record = await this.redis.hgetall(RedisKeys.queueMigration(migrationId));
    if (!record.migration_id) throw new NotFoundError(`Migration "${migrationId}"`, 'MIGRATION_NOT_FOUND');
    return {
      migration_id: record.migration_id,
      queue: record.queue,
      from_shard: record.from_shard,
      to_shard: record.to_shard,
      to_queue: record.to_queue,
      states: record.states.split(',') as MigratableState[],
      limit: Number(record.limit),
      moved: Number(record.moved),
      skipped: Number(record.skipped),
      failed: Number(record.failed),
      done: record.done === 'true',
      error: record.error || null,
      started_at: record.started_at,
      finished_at: record.finished_at || null,
    };
  }

  /** Resolves when the migration this process runs has ended (at once when it is not running here). */
  async whenDone(migrationId: string): Promise<void> {
    await this.running.get(migrationId);
  }

  /** Waits for running migrations to stop between two jobs (a job is never left half-moved by a shutdown). */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.running.values()]);
  }

  private async run(progress: MigrationProgress, from: QueueShard, to: QueueShard, lockKey: string): Promise<void> {
    const mover = new JobMover({
      source: from.queue(progress.queue),
      sourceClient: from.connection,
      target: to.queue(progress.to_queue),
      targetClient: to.connection,
      prefix: this.config.queue.prefix,
      origin: `${from.name}/${progress.queue}`,
      fair: this.config.queue.fairScheduling ? { source: from.fair, target: to.fair } : undefined,
    });
    // The lease is renewed while the run goes on; a run that lost it (paused past the lease) stops between two jobs.
    let lockLost = false;
    const renewal = setInterval(() => {
      void this.lock.renew(lockKey, progress.migration_id).then(
        (ours) => (lockLost ||= !ours),
        () => undefined,
      );
    }, this.lock.renewEveryMs);
    const halted = () => this.stopping || lockLost;
    let sinceFlush = 0;
    const count = async (outcome: MoveOutcome) => {
      progress[outcome] += 1;
      if (++sinceFlush >= FLUSH_EVERY) {
        sinceFlush = 0;
        await this.save(progress);
      }
    };
    const processed = () => progress.moved + progress.skipped + progress.failed;
    try {
      // First what a crashed run left placed on the target (not runnable there yet), then what it left held.
      for (const id of await mover.placedIds()) {
        if (halted()) break;
        await count(await mover.resumePlaced(id));
      }
      for (const id of await mover.heldIds()) {
        if (halted()) break;
        await count(await mover.move(id, progress.states, true));
      }
      for (const state of progress.states) {
        const leftInPlace = new Set<string>();
        while (!halted() && processed() < progress.limit) {
          const page = Math.min(PAGE, progress.limit - processed());
          const ids = (await mover.candidates(state, leftInPlace.size, page)).filter((id) => !leftInPlace.has(id));
          if (ids.length === 0) break;
          for (const id of ids) {
            if (halted() || processed() >= progress.limit) break;
            const outcome = await mover.move(id, [state]);
            if (outcome === 'failed') leftInPlace.add(id);
            await count(outcome);
          }
        }
      }
      if (lockLost) progress.error = 'its lock expired (the process stalled past the lease); run it again to resume';
      else if (this.stopping) progress.error = 'stopped by a shutdown; run it again to resume';
    } catch (error) {
      progress.error = error instanceof Error ? error.message : String(error);
      this.logger.warn(`migration ${progress.migration_id} stopped: ${progress.error} (run it again to resume)`);
    } finally {
      clearInterval(renewal);
    }
    progress.done = true;
    progress.finished_at = new Date().toISOString();
    await this.save(progress).catch(() => undefined);
    this.logger.log({ migration: progress.migration_id, moved: progress.moved, skipped: progress.skipped, failed: progress.failed });
  }

  private async save(progress: MigrationProgress): Promise<void> {
    const key = RedisKeys.queueMigration(progress.migration_id);
    const fields = Object.entries(progress).map(([field, value]) => [field, Array.isArray(value) ? value.join(',') : String(value ?? '')]);
    await this.redis.multi().hset(key, Object.fromEntries(fields)).expire(key, RECORD_TTL_SECONDS).exec();
  }
}
