import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { closeQuietly } from '../infra/redis/close-quietly.js';
import { Redis } from 'ioredis';
import { RedisKeys } from '../infra/redis/redis-keys.js';
import { ProcessingStatus } from './file-core.types.js';

type Listener = (status: ProcessingStatus) => void;

/**
 * Listens to files' status-change channels on one dedicated subscriber connection, shared by every open SSE
 * stream of this process (a channel is subscribed while at least one stream listens to it).
 */
@Injectable()
export class ProcessingEventsSubscriber implements OnModuleDestroy {
  private subscriber?: Redis;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(private readonly redis: Redis) {}

  /** Calls `listener` with every new status of the file; returns the function that stops listening. */
  async listen(fileId: string, listener: Listener): Promise<() => Promise<void>> {
    const channel = RedisKeys.processingEvents(fileId);
    const subscriber = this.connection();
    let listeners = this.listeners.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.listeners.set(channel, listeners);
    }
    listeners.add(listener);
    await subscriber.subscribe(channel);
    return async () => {
      listeners.delete(listener);
      if (listeners.size > 0 || this.listeners.get(channel) !== listeners) return;
      this.listeners.delete(channel);
      await subscriber.unsubscribe(channel).catch(() => undefined);
    };
  }

  async onModuleDestroy(): Promise<void> {
    if (this.subscriber) await closeQuietly(this.subscriber);
  }

  private connection(): Redis {
    if (!this.subscriber) {
      this.subscriber = this.redis.duplicate();
      this.subscriber.on('error', () => undefined);
      this.subscriber.on('message', (channel: string, message: string) => {
        const listeners = this.listeners.get(channel);
        if (!listeners) return;
        const status = JSON.parse(message) as ProcessingStatus;
        for (const listener of listeners) listener(status);
      });
    }
    return this.subscriber;
  }
}
