import { type Job, type JobsOptions, type Queue } from 'bullmq';
import { FairScheduler } from '../../infra/queue/fair-scheduler.js';
import { type AppJobOptions } from '../../infra/queue/task-queue.service.js';
import { toBullPriority, toTaskPriority } from '../../infra/queue/task-priority.js';
import { type RedisClient } from '../../infra/redis/redis-client.js';
import { RedisKeys } from '../../infra/redis/redis-keys.js';
import { ARM_FAILED_LUA, HOLD_LUA, PLACE_HELD_FAILED_LUA, RELEASE_LUA, RESTORE_LUA } from './migration-scripts.js';

/** The states a migration may move (BullMQ: waiting = wait, paused and prioritized). */
export type MigratableState = 'waiting' | 'delayed' | 'failed';

/** What became of one job. */
export type MoveOutcome = 'moved' | 'skipped' | 'failed';

/** The source queue and the target queue of a migration, each with its shard's client. */
export interface MoveRoute {
  source: Queue;
  sourceClient: RedisClient;
  target: Queue;
  targetClient: RedisClient;
  prefix: string;
  /** The source's name in the target's journal (`{shard}/{queue}`): a rerun arms only its own placed copies. */
  origin: string;
  /** Both shards' fair schedulers when fair scheduling is on: a moved job leaves one and joins the other. */
  fair?: { source: FairScheduler; target: FairScheduler };
}

/** Delayed and prioritized scores: BullMQ keeps a counter in the low 12 bits of the delayed score. */
const DELAY_SCORE_SHIFT = 0x1000;
/**
 * The held form of a waiting or delayed copy on the target: delayed by a year (never due while a move is under way;
 * 1 year keeps BullMQ's delayed score, (now + delay) × 4096, an exact double until 2038).
 */
export const HELD_DELAY_MS = 365 * 24 * 3600 * 1000;

/** A target journal entry (RedisKeys.queueMigrationIncoming): whose copy it is and where the job was at the source. */
interface PlacedEntry {
  source: string;
  from: string;
}

/**
 * Moves one job between queues (and shards) so that a crash at any point, and a rerun, neither lose a job nor run it
 * twice, and it is never runnable in two places:
 * (1) HOLD, one Lua step on the source, takes it out of its runnable (or failed) set into a holding hash;
 * (2) PLACE: the target journals it (incoming hash) and gets a HELD copy, not runnable (delayed by a year, or a failed
 *     job's hash in no set), with the same id, data and options, its remaining attempts and delay;
 * (3) RELEASE deletes the source copy; (4) ARM makes the target copy runnable (or failed) and drops its journal entry.
 * The target copy can run only after the source copy is gone, so a rerun always knows: a job the source still holds
 * was never armed (place it unless its held copy is there, then go on); a journal entry whose source copy is gone is
 * armed (once: a copy no longer held is left alone). Running jobs are never held.
 */
export class JobMover {
  private readonly holding: string;
  private readonly incoming: string;

  constructor(private readonly route: MoveRoute) {
    this.holding = RedisKeys.queueMigrationHolding(route.prefix, route.source.name);
    this.incoming = RedisKeys.queueMigrationIncoming(route.prefix, route.target.name);
  }

  /** Ids of jobs a crashed run left in the source's holding hash. */
  async heldIds(): Promise<string[]> {
    return Object.keys(await this.route.sourceClient.hgetall(this.holding));
  }

  /** Ids of copies a crashed run of this route placed on the target and did not arm. */
  async placedIds(): Promise<string[]> {
    const entries = await this.route.targetClient.hgetall(this.incoming);
    return Object.entries(entries)
      .filter(([, raw]) => parseEntry(raw).source === this.route.origin)
      .map(([id]) => id);
  }

  /** Finishes the move of a job a crashed run placed on the target. */
  async resumePlaced(jobId: string): Promise<MoveOutcome> {
    if (await this.route.sourceClient.hexists(this.holding, jobId)) return this.move(jobId, [], true);
    await this.arm(jobId);
    return 'moved';
  }

  /** Candidate ids of a state, oldest first, skipping the first `offset` (jobs left in place by this run). */
  async candidates(state: MigratableState, offset: number, count: number): Promise<string[]> {
    const client = this.route.sourceClient;
    const { keys } = this.route.source;
    if (state === 'waiting') {
      // The tail of the wait list runs next: read from it so jobs arrive at the target in their order.
      const fromTail = async (key: string, skip: number) => (await client.lrange(key, -(skip + count), -(skip + 1))).reverse();
      const plain = [...(await fromTail(keys.wait, offset)), ...(await fromTail(keys.paused, offset))];
      const prioritized = await client.zrange(keys.prioritized, offset, offset + count - 1);
      return [...plain, ...prioritized].slice(0, count);
    }
    return client.zrange(state === 'delayed' ? keys.delayed : keys.failed, offset, offset + count - 1);
  }

  /**
   * Step 1: takes the job out of its runnable (or failed) set into the holding hash, atomically. Answers where it was
   * (`waiting:0`, `delayed:<score>`, …), or `skip` when it is in none of `states` (running, ended) and `gone`.
   */
  async hold(jobId: string, states: readonly MigratableState[]): Promise<string> {
    return (await this.script(HOLD_LUA, jobId, states.join(','))) ?? 'skip';
  }

  /** Moves one job: hold → place → release → arm. A held job (resume) skips the hold. */
  async move(jobId: string, states: readonly MigratableState[], alreadyHeld = false): Promise<MoveOutcome> {
    const from = alreadyHeld ? await this.route.sourceClient.hget(this.holding, jobId) : await this.hold(jobId, states);
    if (!from || from === 'skip' || from === 'gone') return 'skipped';
    const job = (await this.route.source.getJob(jobId)) as Job | undefined;
    if (!job) {
      await this.script(RELEASE_LUA, jobId);
      return 'skipped';
    }
    if (!(await this.place(job, from))) {
      // The target holds another job with this id: the job goes back where it was, still runnable there.
      await this.script(RESTORE_LUA, jobId);
      return 'failed';
    }
    await this.release(job);
    await this.arm(jobId);
    return 'moved';
  }

  /**
   * Step 2: journals the job on the target, then places its held copy there (idempotent: a held copy of ours is
   * kept). False when another job holds the id on the target.
   */
  async place(job: Job, from: string): Promise<boolean> {
    const id = String(job.id);
    const { target, targetClient } = this.route;
    const entry = JSON.stringify({ source: this.route.origin, from } satisfies PlacedEntry);
    if (from.startsWith('failed:')) {
      const fields = await this.route.sourceClient.hgetall(this.route.source.toKey(id));
      const args = [id, entry, ...Object.entries(fields).flat()];
      return (await targetClient.eval(PLACE_HELD_FAILED_LUA, 2, target.toKey(id), this.incoming, ...args)) === 1;
    }
    const existing = (await target.getJob(id)) as Job | undefined;
    if (existing) return this.isOurHeldCopy(existing, job);
    // Journal first: a held copy is always findable by a rerun, even when the crash comes right after the add.
    await targetClient.hset(this.incoming, id, entry);
    await target.add(job.name, job.data, { ...this.targetOptions(job, from), jobId: id, delay: HELD_DELAY_MS });
    const placed = (await target.getJob(id)) as Job | undefined;
    if (placed && (await this.isOurHeldCopy(placed, job))) return true;
    await targetClient.hdel(this.incoming, id);
    return false;
  }

  /** Step 3: deletes the source copy (and its ids in the source's fair scheduler). */
  async release(job: Job): Promise<void> {
    await this.script(RELEASE_LUA, String(job.id));
    const options = job.opts as AppJobOptions;
    if (options.fairShare && this.route.fair) await this.route.fair.source.forget(this.route.source, job, options);
  }

  /**
   * Step 4: makes the held copy runnable (its remaining delay, or failed as it was), registers it with the target's
   * fair scheduler, drops the journal entry. A copy no longer held was armed by an earlier run: left as it is.
   */
  async arm(jobId: string): Promise<void> {
    const { target, targetClient } = this.route;
    const raw = await targetClient.hget(this.incoming, jobId);
    if (!raw) return;
    const { from } = parseEntry(raw);
    if (from.startsWith('failed:')) {
      await targetClient.eval(ARM_FAILED_LUA, 3, target.toKey(jobId), target.keys.failed, this.incoming, jobId, from.slice(7));
      return;
    }
    const copy = (await target.getJob(jobId)) as Job | undefined;
    if (copy && copy.delay === HELD_DELAY_MS && (await copy.isDelayed())) {
      const dueAt = from.startsWith('delayed:') ? Math.floor(Number(from.slice(8)) / DELAY_SCORE_SHIFT) : 0;
      const remaining = dueAt - Date.now();
      await (remaining > 0 ? copy.changeDelay(remaining) : copy.promote());
    }
    const options = copy?.opts as AppJobOptions | undefined;
    if (copy && options?.fairShare && this.route.fair) {
      // Registered again by a rerun when a crash came before the journal entry went: a repeated id is skipped there.
      await this.route.fair.target.hold(target, jobId, options, toTaskPriority(copy.priority));
    }
    await targetClient.hdel(this.incoming, jobId);
  }

  /** The target's options: remaining attempts; a fair-share job enters the target's fair scheduler held back. */
  private targetOptions(job: Job, from: string): JobsOptions {
    const options = job.opts as AppJobOptions;
    const { fairShare, parent: _parent, ...kept } = options;
    // A delayed job enters the line when due, at its own priority (as at enqueue): not held back.
    const fair = !!fairShare && !!this.route.fair && !from.startsWith('delayed:');
    const priority = toTaskPriority(job.priority);
    return {
      ...kept,
      attempts: Math.max(1, (options.attempts ?? 1) - job.attemptsMade),
      priority: fair ? FairScheduler.entryPriority(priority) : job.priority > 0 ? toBullPriority(priority) : undefined,
      ...(fair ? { fairShare: true } : {}),
    } as JobsOptions;
  }

  private async isOurHeldCopy(copy: Job, original: Job): Promise<boolean> {
    const raw = await this.route.targetClient.hget(this.incoming, String(copy.id));
    return !!raw && parseEntry(raw).source === this.route.origin && copy.delay === HELD_DELAY_MS && sameJob(copy, original);
  }

  private script(lua: string, jobId: string, states = ''): Promise<string | null> {
    const { keys } = this.route.source;
    const jobKey = this.route.source.toKey(jobId);
    const keyList = [keys.wait, keys.paused, keys.prioritized, keys.delayed, keys.failed, this.holding, jobKey, `${jobKey}:logs`];
    return this.route.sourceClient.eval(lua, keyList.length, ...keyList, jobId, states) as Promise<string | null>;
  }
}

function parseEntry(raw: string): PlacedEntry {
  return JSON.parse(raw) as PlacedEntry;
}

function sameJob(a: Job, b: Job): boolean {
  return a.name === b.name && JSON.stringify(a.data) === JSON.stringify(b.data);
}
