import { Logger } from '@nestjs/common';
import { FlowProducer, Queue } from 'bullmq';
import { type Cluster, type Redis } from 'ioredis';
import { settleWithin } from '../../redis/close-quietly.js';
import { bullRedisOptions } from '../../redis/redis-target.js';
import { queueTelemetry } from '../../telemetry/tracing-state.js';
import { FairScheduler } from '../fair-scheduler.js';
import { type QueueName } from '../queue-names.js';
import { FlowJobRemover } from '../flow-job-remover.js';
import { TaskFlows } from '../task-flows.js';
import { connectShard, describeShard, type ShardEndpoint, shardIdentity } from './shard-endpoint.js';

/** ioredis statuses of a connection that is not coming back by itself soon (`reconnecting` waits out a backoff). */
const LOST_STATES = new Set(['close', 'reconnecting', 'end']);

/** A client of a shard: a single Redis or a Cluster (BullMQ takes either). */
export type ShardClient = Redis | Cluster;

/**
 * One queue shard: a Redis (or Cluster) holding BullMQ queues, with this process's producer connection, its queue
 * objects, fair scheduler and flow producer. Auth, memory and status keys never live here (main Redis).
 */
export class QueueShard {
  readonly identity: string;
  readonly description: string;
  readonly connection: ShardClient;
  readonly fair: FairScheduler;
  readonly flows: TaskFlows;
  /** Removes jobs that have not started, flows included (see FlowJobRemover). */
  readonly remover: FlowJobRemover;
  private readonly flowProducer: FlowProducer;
  private readonly queues = new Map<string, Queue>();
  private readonly logger = new Logger('QueueShard');
  private downSince?: number;

  constructor(
    /** The shard's name: its position in QUEUE_SHARDS ("0" with one shard). */
    readonly name: string,
    readonly endpoint: ShardEndpoint,
    private readonly prefix: string,
  ) {
    this.identity = shardIdentity(endpoint);
    this.description = describeShard(endpoint);
    this.connection = this.connect();
    // The fair scheduler runs Lua against one node: on a Cluster it needs the queue's hash-tagged prefix (QUEUE_PREFIX).
    this.fair = new FairScheduler(this.connection as Redis, prefix);
    this.flowProducer = new FlowProducer({ connection: this.connection, prefix, telemetry: queueTelemetry() });
    this.flowProducer.on('error', () => undefined);
    this.flows = new TaskFlows(this.flowProducer, prefix);
    this.remover = new FlowJobRemover(prefix, (name) => this.queue(name));
  }

  /** A new connection to this shard for BullMQ (a Worker needs its own: it blocks on it). */
  connect(): ShardClient {
    const client = connectShard(this.endpoint, bullRedisOptions());
    client.on('error', (error: Error) => this.lost(error));
    client.on('ready', () => this.recovered());
    return client;
  }

  /** The BullMQ queue `name` on this shard (any queue name: pools choose names, shards choose the Redis). */
  queue(name: QueueName | string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix, telemetry: queueTelemetry() });
      // Connection errors surface on the calls that fail (503 at the API); without a listener BullMQ prints each one.
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * False once the producer connection was lost and until it is back (BullMQ's connections wait for Redis forever:
   * callers check first). A first connect still under way counts as available: commands wait in ioredis's offline
   * queue for it, and a Redis that refuses it is reported lost at once.
   */
  get available(): boolean {
    return this.downSince === undefined && !LOST_STATES.has(this.connection.status);
  }

  /** Resolves when the producer connection is (again) ready, or after `timeoutMs`. */
  async ready(timeoutMs: number): Promise<void> {
    if (this.available) return;
    let onReady = (): void => undefined;
    const ready = new Promise<void>((resolve) => {
      onReady = resolve;
      this.connection.once('ready', onReady);
    });
    const timer = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
    await Promise.race([ready, timer]);
    this.connection.off('ready', onReady);
  }

  get status(): string {
    return this.connection.status;
  }

  async close(): Promise<void> {
    const closing = [...this.queues.values(), this.flowProducer].map((closable) => closable.close());
    await settleWithin(Promise.all(closing), 2000);
    await closeClient(this.connection);
  }

  private lost(error: Error): void {
    if (this.downSince !== undefined) return;
    this.downSince = Date.now();
    this.logger.warn(`queue shard ${this.name} (${this.description}) unavailable (${error.message})`);
  }

  private recovered(): void {
    if (this.downSince === undefined) return;
    this.logger.log(`queue shard ${this.name} available again after ${((Date.now() - this.downSince) / 1000).toFixed(1)} s`);
    this.downSince = undefined;
  }
}

/** Closes a shard client without hanging when its Redis is gone (QUIT would wait for a reconnect forever). */
export async function closeClient(client: ShardClient, ms = 1000): Promise<void> {
  if (client.status === 'ready') await settleWithin(client.quit(), ms);
  client.disconnect();
}
