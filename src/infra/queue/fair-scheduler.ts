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
/** How long this process trusts its last admission step's count of users with held-back jobs (see `ended`). */
const CONTENTION_FRESH_MS = 20;

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

  /** Per queue and priority: how many users had held-back jobs after this process's last admission step, and when. */
  private readonly contention = new Map<string, { heldUsers: number; at: number }>();

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

  /** True when a worker took the job at its held-back level (before its turn): it holds no slot, admitted jobs do. */
  static takenHeldBack(job: Job): boolean {
    return job.priority === toHeldBackBullPriority(toTaskPriority(job.priority));
  }

  /** A job started from the held-back level (by an idle worker) is admitted, so a retry does not wait again. */
  async started(job: Job): Promise<void> {
    if (FairScheduler.takenHeldBack(job)) await job.changePriority({ priority: toBullPriority(toTaskPriority(job.priority)) });
  }

  /**
   * Frees the ended job's slot and admits its user's next job (and refills one other user's slots); returns once
   * done. Skipped while this process's last step, less than CONTENTION_FRESH_MS ago, left at most one user with
   * held-back jobs: with nobody else held back, admitting that user's jobs changes no turn (a newcomer's first jobs
   * are admitted at their enqueue), and the next step refills every slot a skipped end freed. It saves a round trip a
   * job when users do not compete; when they start to, turns may lag by up to that interval.
   */
  async ended(queue: Queue, job: Job, owner: FairShareOwner): Promise<void> {
    const priority = toTaskPriority(job.priority);
    const key = `${queue.name}:${priority}`;
    const seen = this.contention.get(key);
    if (seen && seen.heldUsers <= 1 && performance.now() - seen.at < CONTENTION_FRESH_MS) return;
    const heldUsers = await this.admit(queue, priority, ownerOf(owner), '', '', String(job.id));
    this.contention.set(key, { heldUsers, at: performance.now() });
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
  ): Promise<number> {
    const slotsKey = RedisKeys.fairSchedulerSlots(this.queuePrefix, queue.name);
    const base = RedisKeys.fairSchedulerBase(this.queuePrefix, queue.name, priority);
    const args = [base, queue.toKey(''), owner, slots, holdId, endedId, String(toBullPriority(priority)), forgotten];
    let result: unknown;
    try {
      result = await this.redis.evalsha(FairScheduler.sha, 1, slotsKey, ...args);
    } catch (error) {
      if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
      result = await this.redis.eval(FAIR_ADMISSION_LUA, 1, slotsKey, ...args);
    }
    const [, usersWithHeldJobs] = result as [admitted: number, usersWithHeldJobs: number];
    return usersWithHeldJobs;
  }
}

function ownerOf(owner: FairShareOwner): string {
  return owner.userId || SYSTEM_OWNER;
}
