import { Logger } from '@nestjs/common';
import { type RedisClient } from './redis-client.js';

/**
 * Logs a Redis outage once, however many clients notice it: one line when the first client loses Redis, one when a
 * client is ready again. Every client gets an error listener this way, so ioredis never prints
 * "[ioredis] Unhandled error event" for each failed reconnect.
 */
export class RedisOutageLog {
  private readonly logger = new Logger('Redis');
  private downSince?: number;

  /** Attaches the outage listeners to a client (returns it, for use in a constructor call). */
  watch<T extends RedisClient>(client: T): T {
    client.on('error', (error: Error) => this.lost(error));
    client.on('ready', () => this.recovered());
    return client;
  }

  /** Reports an error seen elsewhere (a BullMQ worker's 'error' event): logged only if it starts an outage. */
  lost(error: Error): void {
    if (this.downSince !== undefined) return;
    this.downSince = Date.now();
    this.logger.warn(`Redis unavailable (${error.message}); waiting for it to come back`);
  }

  recovered(): void {
    if (this.downSince === undefined) return;
    const seconds = ((Date.now() - this.downSince) / 1000).toFixed(1);
    this.downSince = undefined;
    this.logger.log(`Redis available again after ${seconds} s`);
  }

  get isDown(): boolean {
    return this.downSince !== undefined;
  }
}

/** The process's one outage log. */
export const redisOutages = new RedisOutageLog();

/**
 * A Redis Cluster that cannot serve a command for now: a slot without a master (CLUSTERDOWN, TRYAGAIN during a
 * resharding), redirections that never settle (a MOVED storm while a failover is under way), no node answering.
 */
const CLUSTER_UNAVAILABLE =
  /CLUSTERDOWN|TRYAGAIN|Too many Cluster redirections|Failed to refresh slots cache|None of startup nodes is available|Cluster isn't ready|slot .* not served/i;

/** True for errors of the connection itself (Redis down or restarting, a cluster slot unavailable), not of a command. */
export function isConnectionError(error: Error): boolean {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH'].includes(code) ||
    error.name === 'ClusterAllFailedError' ||
    /Connection is closed|Stream isn't writeable|LOADING|max retries per request/i.test(error.message) ||
    CLUSTER_UNAVAILABLE.test(error.message)
  );
}
