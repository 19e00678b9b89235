import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { closeQuietly, settleWithin } from '../infra/redis/close-quietly.js';
import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { AppConfig } from '../infra/config/app-config.js';
import { ALL_QUEUES, QueueName } from '../infra/queue/queue-names.js';
import { REDIS_URL } from '../infra/redis/redis.module.js';
import { isConnectionError, redisOutages } from '../infra/redis/redis-outage.js';
import { bullRedisOptions } from '../infra/redis/redis-target.js';

/** A job left `started` for good: finished, or failed with no attempt left (BullMQ emits `failed` only then). */
export interface JobEndedEvent {
  queue: QueueName;
  jobId: string;
  outcome: 'finished' | 'failed';
  failedReason?: string;
}

type Listener = (event: JobEndedEvent) => void | Promise<void>;

/**
 * One BullMQ QueueEvents reader per queue (the events stream in Redis, so it sees jobs of every worker process),
 * shared by the alerts and the Prometheus histograms.
 */
@Injectable()
export class QueueEventsHub implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('QueueMonitor');
  private readonly listeners: Listener[] = [];
  private readonly readers: QueueEvents[] = [];
  private readonly connections: Redis[] = [];

  constructor(
    private readonly config: AppConfig,
    @Inject(REDIS_URL) private readonly redisUrl: string,
  ) {}

  onJobEnded(listener: Listener): void {
    this.listeners.push(listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const queue of ALL_QUEUES) {
      const connection = redisOutages.watch(new Redis(this.redisUrl, bullRedisOptions()));
      this.connections.push(connection);
      const events = new QueueEvents(queue, { connection, prefix: this.config.queue.prefix });
      events.on('completed', ({ jobId }) => this.emit({ queue, jobId, outcome: 'finished' }));
      events.on('failed', ({ jobId, failedReason }) => this.emit({ queue, jobId, outcome: 'failed', failedReason }));
      events.on('error', (error) => {
        if (isConnectionError(error)) redisOutages.lost(error);
        else this.logger.warn(`queue events of ${queue}: ${error.message}`);
      });
      this.readers.push(events);
    }
    await Promise.all(this.readers.map((events) => events.waitUntilReady()));
  }

  async onApplicationShutdown(): Promise<void> {
    await settleWithin(Promise.all(this.readers.map((events) => events.close())), 2000);
    await Promise.all(this.connections.map((c) => closeQuietly(c)));
  }

  private emit(event: JobEndedEvent): void {
    for (const listener of this.listeners) {
      Promise.resolve(listener(event)).catch((error: unknown) =>
        this.logger.warn(`job-ended listener failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
  }
}
