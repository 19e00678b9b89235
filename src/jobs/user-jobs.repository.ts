import { Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RedisKeys } from '../infra/redis/redis-keys.js';
import { isQueueName, type QueueName } from '../infra/queue/queue-names.js';

/** One job of a user, as the index knows it. */
export interface UserJobRef {
  userId: string;
  queue: QueueName;
  jobId: string;
}

/** Longer than any job is kept (failed jobs: 7 days): older index entries point at nothing. */
const INDEX_RETENTION_MS = 8 * 24 * 3600_000;

/**
 * The index of the jobs enqueued for each user (BullMQ has no lookup by owner): per user and for all users
 * together (admins), newest first. Entries whose job is gone are pruned when listed.
 */
@Injectable()
export class UserJobsRepository {
  constructor(private readonly redis: Redis) {}

  // Two commands, not one MULTI: the user's index and everyone's live in different cluster slots.
  async record(ref: UserJobRef, atMs: number): Promise<void> {
    await Promise.all([
      this.redis.zadd(RedisKeys.userJobs(ref.userId), atMs, `${ref.queue}/${ref.jobId}`),
      this.redis.zadd(RedisKeys.allUserJobs(), atMs, `${ref.userId}/${ref.queue}/${ref.jobId}`),
    ]);
  }

  /** The user's jobs (or every user's), newest first. */
  async list(userId: string | undefined): Promise<UserJobRef[]> {
    const key = userId ? RedisKeys.userJobs(userId) : RedisKeys.allUserJobs();
    await this.redis.zremrangebyscore(key, '-inf', Date.now() - INDEX_RETENTION_MS);
    const members = await this.redis.zrevrange(key, 0, -1);
    return members.map((m) => (userId ? parse(`${userId}/${m}`) : parse(m))).filter((r): r is UserJobRef => !!r);
  }

  async forget(ref: UserJobRef): Promise<void> {
    await Promise.all([
      this.redis.zrem(RedisKeys.userJobs(ref.userId), `${ref.queue}/${ref.jobId}`),
      this.redis.zrem(RedisKeys.allUserJobs(), `${ref.userId}/${ref.queue}/${ref.jobId}`),
    ]);
  }
}

function parse(member: string): UserJobRef | undefined {
  const [userId, queue, ...rest] = member.split('/');
  if (!isQueueName(queue) || rest.length === 0) return undefined;
  return { userId, queue, jobId: rest.join('/') };
}
