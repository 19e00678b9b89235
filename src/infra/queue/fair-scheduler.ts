import { createHash } from 'node:crypto';
import { type Job, type Queue } from 'bullmq';
import { type Redis } from 'ioredis';
import { RedisKeys } from '../redis/redis-keys.js';
import { FAIR_ADMISSION_LUA } from './fair-admission.script.js';
import { type TaskPriority, toBullPriority, toHeldBackBullPriority, toTaskPriority } from './task-priority.js';

/** Who a job works for and their weight, as stored in its options. */
export interface FairShareOwner {
  userId?: string;
  weight?: number;
}

/** Admitted jobs per unit of weight: 2 keeps a worker busy on a user's next job while the last one ends. */
const SLOTS_PER_WEIGHT = 2;
/** Jobs enqueued without a user (system work) share one turn. */
const SYSTEM_OWNER = '_system';

/**
 * Weighted round-robin between users within each queue and priority, on open-source BullMQ (its groups are a Pro
 * feature). Every job is a real BullMQ job from the start, so counts, lookups and actions all see it as queued.
 * A user's jobs beyond their slots (weight × 2) wait at a held-back priority, after every admitted job of their
 * priority and before the next priority; one atomic Lua step admits them (raising their priority puts them at the
 * back of the admitted line) as the user's earlier jobs end. Admitted jobs start in arrival order and each user has
 * at most their slots in that line, so users take turns in proportion to their weight whatever their backlog.
 * An idle worker still takes a held-back job (nothing waits for the scheduler). State lives in Redis: any number
 * of processes, restarts included.
 */
export class FairScheduler {
  private static readonly sha = createHash('sha1').update(FAIR_ADMISSION_LUA).digest('hex');

  constructor(
    private readonly redis: Redis,
    private readonly queuePrefix: string,
  ) {}

  /** The BullMQ priority a job enters with before `hold` (admitted at once if its user has a free slot). */
  static entryPriority(priority: TaskPriority | undefined): number {
    return toHeldBackBullPriority(priority);
  }

  /** Queues a job just added at its entry priority behind its user's earlier jobs, and admits what fits. */
  async hold(queue: Queue, jobId: string, owner: FairShareOwner, priority: TaskPriority | undefined): Promise<void> {
    const slots = String(Math.max(1, Math.round(SLOTS_PER_WEIGHT * (owner.weight ?? 1))));
    await this.admit(queue, priority ?? 'normal', ownerOf(owner), slots, jobId, '');
  }

  /** A job started from the held-back level (by an idle worker) is admitted, so a retry does not wait again. */
  async started(job: Job): Promise<void> {
    const priority = toTaskPriority(job.priority);
    if (job.priority === toHeldBackBullPriority(priority)) await job.changePriority({ priority: toBullPriority(priority) });
  }

  /** Frees the ended job's slot and admits its user's next job (and refills one other user's slots). */
  async ended(queue: Queue, job: Job, owner: FairShareOwner): Promise<void> {
    await this.admit(queue, toTaskPriority(job.priority), ownerOf(owner), '', '', String(job.id));
  }

  /**
   * A job that left the queue without running (moved by a migration): its id leaves its user's held-back list and
   * admitted set here, and the slot it held goes to the user's next job.
   */
  async forget(queue: Queue, job: Job, owner: FairShareOwner): Promise<void> {
    await this.admit(queue, toTaskPriority(job.priority), ownerOf(owner), '', '', String(job.id), '1');
  }

  private async admit(
    queue: Queue,
    priority: TaskPriority,
    owner: string,
    slots: string,
    holdId: string,
    endedId: string,
    forgotten = '',
  ): Promise<void> {
    const { prioritized, pc, marker, meta, active } = queue.keys;
    const keys = [prioritized, pc, marker, meta, active, RedisKeys.fairSchedulerSlots(this.queuePrefix, queue.name)];
    const base = RedisKeys.fairSchedulerBase(this.queuePrefix, queue.name, priority);
    const admittedPriority = String(toBullPriority(priority));
    await this.evalAdmission(keys, [base, queue.toKey(''), owner, slots, holdId, endedId, admittedPriority, forgotten]);
  }

  private async evalAdmission(keys: string[], args: string[]): Promise<unknown> {
    try {
      return await this.redis.evalsha(FairScheduler.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
      return this.redis.eval(FAIR_ADMISSION_LUA, keys.length, ...keys, ...args);
    }
  }
}

function ownerOf(owner: FairShareOwner): string {
  return owner.userId || SYSTEM_OWNER;
}
