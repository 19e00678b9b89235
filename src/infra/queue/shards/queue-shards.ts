import { type Job } from 'bullmq';
import { type QueueName } from '../queue-names.js';
import { QueueShard } from './queue-shard.js';
import { rendezvousIndex } from './rendezvous.js';
import { parseShardEndpoint, type ShardEndpoint } from './shard-endpoint.js';
import { ShardNotFoundError, ShardUnavailableError } from './shard-unavailable.error.js';

/** How long an enqueue waits for a shard that is reconnecting (ioredis's retry backoff is capped at 5 s). */
const SHARD_RECONNECT_WAIT_MS = 5500;

/** A job found on a shard. */
export interface ShardJob {
  shard: QueueShard;
  job: Job;
}

/**
 * The queue shards (QUEUE_SHARDS; one shard on the main Redis when unset). A routing key (file id, user id) picks a
 * shard by rendezvous hashing, so a file's jobs stay on one shard and in order, and adding a shard re-routes only
 * the keys that now hash to it. Jobs routed elsewhere before stay findable: a lookup tries the hashed shard first,
 * then the others.
 */
export class QueueShards {
  readonly all: readonly QueueShard[];
  private readonly identities: string[];

  constructor(endpoints: readonly (string | ShardEndpoint)[], prefix: string) {
    this.all = endpoints.map(
      (entry, index) => new QueueShard(String(index), typeof entry === 'string' ? parseShardEndpoint(entry) : entry, prefix),
    );
    this.identities = this.all.map((shard) => shard.identity);
  }

  get names(): string[] {
    return this.all.map((shard) => shard.name);
  }

  get sharded(): boolean {
    return this.all.length > 1;
  }

  /** The shard a routing key belongs to. */
  route(routingKey: string): QueueShard {
    return this.all.length === 1 ? this.all[0] : this.all[rendezvousIndex(routingKey, this.identities)];
  }

  /** The shard of that name (404 when unknown). */
  byName(name: string): QueueShard {
    const shard = this.all.find((s) => s.name === name);
    if (!shard) throw new ShardNotFoundError(name, this.names);
    return shard;
  }

  /** The shard of that name, or every shard when none is named. */
  select(name?: string): QueueShard[] {
    return name === undefined ? [...this.all] : [this.byName(name)];
  }

  /** Throws 503 when the shard is down (BullMQ would wait for it forever). */
  assertAvailable(shard: QueueShard): QueueShard {
    if (!shard.available) throw new ShardUnavailableError(shard.name, shard.status);
    return shard;
  }

  /**
   * The shard once it is available, for an enqueue: a Redis back from a restart is reconnected within ioredis's
   * backoff (at most 5 s), so an enqueue waits that long before answering 503 rather than failing a brief blip.
   */
  async whenAvailable(shard: QueueShard, timeoutMs = SHARD_RECONNECT_WAIT_MS): Promise<QueueShard> {
    if (!shard.available) await shard.ready(timeoutMs);
    return this.assertAvailable(shard);
  }

  /** The shards in lookup order for a job: its hashed shard first (when the key is known), then the others. */
  lookupOrder(routingKey?: string): QueueShard[] {
    if (routingKey === undefined || this.all.length === 1) return [...this.all];
    const first = this.route(routingKey);
    return [first, ...this.all.filter((shard) => shard !== first)];
  }

  /** A job by queue and id on whichever available shard holds it. */
  async findJob(queue: QueueName | string, jobId: string, routingKey?: string): Promise<ShardJob | undefined> {
    for (const shard of this.lookupOrder(routingKey)) {
      if (!shard.available && this.sharded) continue;
      const job = (await shard.queue(queue).getJob(jobId)) as Job | undefined;
      if (job) return { shard, job };
    }
    return undefined;
  }

  /** The shards whose queues this process's workers serve (WORKER_SHARDS; default every shard). */
  served(workerShards: readonly string[] | undefined): QueueShard[] {
    return workerShards?.length ? workerShards.map((name) => this.byName(name)) : [...this.all];
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((shard) => shard.close()));
  }
}
