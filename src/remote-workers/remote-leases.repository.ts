import { Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../infra/config/app-config.js';
import { RedisKeys } from '../infra/redis/redis-keys.js';
import type { RemoteQueue } from './remote-queues.js';

/** A job a remote worker holds. The lease id is also the BullMQ lock token of the job. */
export interface LeaseRecord {
  lease_id: string;
  token_id: string;
  /** The BullMQ queue name (the pool's queue) and the logical queue. */
  bull_queue: string;
  queue: RemoteQueue;
  pool: string;
  job_id: string;
  /** The queue shard holding the job (QUEUE_SHARDS); absent in records written before: shard "0". */
  shard?: string;
}

// A lease's record outlives the lease by this much, so a late answer finds it and gets 409 rather than 404.
const RECORD_TTL_SECONDS = 24 * 3600;

/** All Redis of remote-worker leases: the lease records and each token's set of lease ids. */
@Injectable()
export class RemoteLeasesRepository {
  private readonly prefix: string;

  constructor(
    private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.prefix = config.queue.prefix;
  }

  async save(lease: LeaseRecord): Promise<void> {
    // Separate commands, not MULTI: the two keys may sit in different cluster slots.
    const leases = RedisKeys.remoteTokenLeases(this.prefix, lease.token_id);
    await this.redis.set(RedisKeys.remoteLease(this.prefix, lease.lease_id), JSON.stringify(lease), 'EX', RECORD_TTL_SECONDS);
    await this.redis.sadd(leases, lease.lease_id);
    await this.redis.expire(leases, RECORD_TTL_SECONDS);
  }

  async find(leaseId: string): Promise<LeaseRecord | undefined> {
    const raw = await this.redis.get(RedisKeys.remoteLease(this.prefix, leaseId));
    return raw ? (JSON.parse(raw) as LeaseRecord) : undefined;
  }

  async leaseIdsOf(tokenId: string): Promise<string[]> {
    return this.redis.smembers(RedisKeys.remoteTokenLeases(this.prefix, tokenId));
  }

  /** The lease is over (answered, or its job handed back): it no longer counts among its token's. */
  async end(lease: LeaseRecord): Promise<void> {
    await this.redis.srem(RedisKeys.remoteTokenLeases(this.prefix, lease.token_id), lease.lease_id);
  }
}
