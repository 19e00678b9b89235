import { Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../infra/config/app-config.js';
import { RedisKeys } from '../infra/redis/redis-keys.js';
import {
  LEASE_FIELD_PREFIX,
  parseLease,
  REMOTE_KIND,
  type RemoteLeaseField,
  remoteWorkerName,
} from './remote-worker-record.js';
import type { RemoteWorkerTokenRow } from './remote-workers.schema.js';

/** A lease as the registry keeps it. */
export interface PresenceLease {
  lease_id: string;
  job_id: string;
  queue: string;
  lease_expires_at: string;
}

/**
 * All Redis of remote workers' registry records (format: remote-worker-record.ts). One hash per token, refreshed by
 * each of its requests; its TTL (four heartbeat intervals, as for in-house workers) removes a worker that went silent.
 * Each lease is a field of its own, so concurrent requests of one token never overwrite each other's leases.
 */
@Injectable()
export class RemoteWorkerPresenceRepository {
  private readonly prefix: string;
  /**
   * A live remote worker speaks at least this often: an idle one claims again when its long poll ends (at most
   * REMOTE_CLAIM_MAX_WAIT_MS), a busy one heartbeats within REMOTE_LEASE_MS or loses its lease.
   */
  private readonly intervalMs: number;

  constructor(
    private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.prefix = config.queue.prefix;
    this.intervalMs = Math.max(config.remoteWorkers.claimMaxWaitMs, config.remoteWorkers.leaseMs);
  }

  /** The token's worker was heard from: `queues` are those its claim asked for (kept from the last claim otherwise). */
  async seen(token: RemoteWorkerTokenRow, queues?: readonly string[]): Promise<void> {
    const key = this.key(token.id);
    const now = new Date().toISOString();
    const multi = this.redis
      .multi()
      .hsetnx(key, 'birth_date', now)
      .hset(key, {
        name: remoteWorkerName(token.id),
        kind: REMOTE_KIND,
        token_id: token.id,
        token_name: token.name,
        user_id: token.userId ?? '',
        pools: JSON.stringify([token.pool]),
        queue_prefix: this.prefix,
        last_heartbeat: now,
        heartbeat_interval_ms: this.intervalMs,
        pid: 0,
        hostname: '',
        rss_bytes: 0,
        ...(queues ? { queues: JSON.stringify(queues) } : {}),
      });
    await multi.pexpire(key, this.intervalMs * 4).exec();
  }

  /** A claim's new lease; leases of this worker that ran out (it died holding them) are dropped on the way. */
  async leased(token: RemoteWorkerTokenRow, lease: PresenceLease): Promise<void> {
    const key = this.key(token.id);
    const field: RemoteLeaseField = { job_id: lease.job_id, queue: lease.queue, leased_at: new Date().toISOString(), lease_expires_at: lease.lease_expires_at };
    const expired = Object.entries(await this.redis.hgetall(key))
      .filter(([name, value]) => name.startsWith(LEASE_FIELD_PREFIX) && Date.parse(parseLease(value)?.lease_expires_at ?? '') <= Date.now())
      .map(([name]) => name);
    const multi = this.redis.multi().hset(key, LEASE_FIELD_PREFIX + lease.lease_id, JSON.stringify(field));
    if (expired.length > 0) multi.hdel(key, ...expired);
    await multi.exec();
    await this.seen(token);
  }

  /** A heartbeat moved the lease's expiry. */
  async extended(token: RemoteWorkerTokenRow, leaseId: string, leaseExpiresAt: string): Promise<void> {
    const key = this.key(token.id);
    const lease = parseLease((await this.redis.hget(key, LEASE_FIELD_PREFIX + leaseId)) ?? '');
    if (lease) await this.redis.hset(key, LEASE_FIELD_PREFIX + leaseId, JSON.stringify({ ...lease, lease_expires_at: leaseExpiresAt }));
    await this.seen(token);
  }

  /** The lease ended: `completed` or `failed` count like an in-house worker's jobs; a lease never recorded changes nothing. */
  async ended(tokenId: string, leaseId: string, outcome: 'completed' | 'failed'): Promise<void> {
    const key = this.key(tokenId);
    const field = LEASE_FIELD_PREFIX + leaseId;
    const lease = parseLease((await this.redis.hget(key, field)) ?? '');
    // No field: the record expired with it (a counter written now would outlive the record without a TTL).
    if (!lease) return;
    await this.redis
      .multi()
      .hdel(key, field)
      .hincrby(key, outcome === 'completed' ? 'successful_job_count' : 'failed_job_count', 1)
      .hincrby(key, 'total_working_time_ms', Math.max(0, Date.now() - Date.parse(lease.leased_at)))
      .exec();
  }

  /** A revoked token is no worker any more. */
  async remove(tokenId: string): Promise<void> {
    await this.redis.del(this.key(tokenId));
  }

  private key(tokenId: string): string {
    return RedisKeys.worker(remoteWorkerName(tokenId));
  }
}
