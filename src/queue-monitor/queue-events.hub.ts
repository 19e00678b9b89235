import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { closeQuietly, settleWithin } from '../infra/redis/close-quietly.js';
import { QueueEvents } from 'bullmq';
import { AppConfig } from '../infra/config/app-config.js';
import { ALL_QUEUES } from '../infra/queue/queue-names.js';
import { poolQueueName } from '../infra/queue/routing/pool-queue-name.js';
import { type QueueShard } from '../infra/queue/shards/queue-shard.js';
import { TaskQueueService } from '../infra/queue/task-queue.service.js';
import { type RedisClient } from '../infra/redis/redis-client.js';
import { RedisConnector } from '../infra/redis/redis-connector.js';
import { isConnectionError, redisOutages } from '../infra/redis/redis-outage.js';

/** A job left `started` for good: finished, or failed with no attempt left (BullMQ emits `failed` only then). */
export interface JobEndedEvent {
  /** The BullMQ queue: the queue's own name for pool `default`, `<queue>@<pool>` for another worker pool. */
  queue: string;
  /** The queue shard the job ran on (QUEUE_SHARDS position; "0" with one shard). */
  shard: string;
  jobId: string;
  outcome: 'finished' | 'failed';
  failedReason?: string;
}

type Listener = (event: JobEndedEvent) => void | Promise<void>;

/**
 * One BullMQ QueueEvents reader per queue, worker pool and queue shard (the events stream in Redis, so it sees jobs
 * of every worker process), shared by the alerts and the Prometheus histograms.
 */
@Injectable()
export class QueueEventsHub implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('QueueMonitor');
  private readonly listeners: Listener[] = [];
  private readonly readers: QueueEvents[] = [];
  private readonly connections: RedisClient[] = [];

  constructor(
    private readonly config: AppConfig,
    private readonly connector: RedisConnector,
    private readonly tasks: TaskQueueService,
  ) {}

  onJobEnded(listener: Listener): void {
    this.listeners.push(listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    const pools = ALL_QUEUES.flatMap((name) => this.config.queue.routes.poolsOf(name).map((pool) => poolQueueName(name, pool)));
    const ready: Promise<unknown>[] = [];
    for (const shard of this.tasks.shards.all) {
      for (const queue of pools) {
        const events = this.read(queue, shard);
        this.readers.push(events);
        // A shard that is down is read once it is back (QueueEvents reconnects): the start does not wait for it.
        if (shard.available) ready.push(events.waitUntilReady());
      }
    }
    await Promise.all(ready);
  }

  async onApplicationShutdown(): Promise<void> {
    await settleWithin(Promise.all(this.readers.map((events) => events.close())), 2000);
    await Promise.all(this.connections.map((c) => closeQuietly(c)));
  }

  private read(queue: string, shard: QueueShard): QueueEvents {
    const sharded = this.tasks.shards.sharded;
    // One shard is the main Redis, watched for outages; a shard of QUEUE_SHARDS reports its own (QueueShard).
    const connection = sharded ? shard.connect() : this.connector.connectForBull();
    this.connections.push(connection);
    const events = new QueueEvents(queue, { connection, prefix: this.config.queue.prefix });
    events.on('completed', ({ jobId }) => this.emit({ queue, shard: shard.name, jobId, outcome: 'finished' }));
    events.on('failed', ({ jobId, failedReason }) => this.emit({ queue, shard: shard.name, jobId, outcome: 'failed', failedReason }));
    events.on('error', (error) => {
      if (!isConnectionError(error)) this.logger.warn(`queue events of ${queue}${sharded ? ` on shard ${shard.name}` : ''}: ${error.message}`);
      else if (!sharded) redisOutages.lost(error);
    });
    return events;
  }

  private emit(event: JobEndedEvent): void {
    for (const listener of this.listeners) {
      Promise.resolve(listener(event)).catch((error: unknown) =>
        this.logger.warn(`job-ended listener failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
  }
}
