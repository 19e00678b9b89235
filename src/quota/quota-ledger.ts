import { Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RedisKeys } from '../infra/redis/redis-keys.js';
import type { QuotaName } from './quota-limits.js';
import {
  ADJUST_STORED_LUA,
  ADMIT_JOB_LUA,
  FORGET_JOB_IF_UNCHANGED_LUA,
  GROW_UPLOAD_LUA,
  RECONCILE_READ_LUA,
  RECONCILE_WRITE_LUA,
  RESERVE_UPLOAD_LUA,
  SETTLE_UPLOAD_LUA,
} from './quota-ledger.scripts.js';

export const UPLOAD_WINDOW_MS = 3600_000;

/** Why an admission was refused: the quota, its limit, what is used, and (uploads per hour) when room frees up. */
export interface Refusal {
  quota: QuotaName;
  limit: number;
  used: number;
  freesAtMs?: number;
}

export type ReserveResult = { ok: true } | { ok: false; reason: 'reconcile' | 'taken' } | { ok: false; refusal: Refusal };

export interface UploadLimits {
  maxFiles: number | null;
  maxStorageBytes: number | null;
  maxUploadsPerHour: number | null;
}

/** The per-user quota counters in Redis (all atomic Lua; see quota-ledger.scripts.ts). */
@Injectable()
export class QuotaLedger {
  constructor(private readonly redis: Redis) {}

  async reserveUpload(userId: string, id: string, limits: UploadLimits, expiresAtMs: number): Promise<ReserveResult> {
    const reply = (await this.redis.eval(
      RESERVE_UPLOAD_LUA,
      4,
      RedisKeys.quotaStored(userId),
      RedisKeys.quotaInFlight(userId),
      RedisKeys.quotaInFlightBytes(userId),
      RedisKeys.quotaUploads(userId),
      Date.now(),
      id,
      expiresAtMs,
      orNone(limits.maxFiles),
      orNone(limits.maxStorageBytes),
      orNone(limits.maxUploadsPerHour),
      UPLOAD_WINDOW_MS,
    )) as [string, ...number[]];
    if (reply[0] === 'ok') return { ok: true };
    if (reply[0] === 'reconcile' || reply[0] === 'taken') return { ok: false, reason: reply[0] };
    return { ok: false, refusal: toRefusal(reply) };
  }

  /** Raises the upload's byte reservation to between `minBytes` and `wantBytes`; the grant, or why not. */
  async growUpload(
    userId: string,
    id: string,
    minBytes: number,
    wantBytes: number,
    maxStorageBytes: number | null,
    expiresAtMs: number,
  ): Promise<{ granted: number } | { refusal: Refusal } | { gone: true }> {
    const reply = (await this.redis.eval(
      GROW_UPLOAD_LUA,
      3,
      RedisKeys.quotaStored(userId),
      RedisKeys.quotaInFlight(userId),
      RedisKeys.quotaInFlightBytes(userId),
      id,
      minBytes,
      wantBytes,
      orNone(maxStorageBytes),
      expiresAtMs,
    )) as [string, ...number[]];
    if (reply[0] === 'ok') return { granted: Number(reply[1]) };
    if (reply[0] === 'gone') return { gone: true };
    return { refusal: toRefusal(reply) };
  }

  /** Ends an upload's reservation: its file is stored (1 file, its bytes) or not (0, 0). */
  async settleUpload(userId: string, id: string, files: number, bytes: number): Promise<void> {
    await this.redis.eval(
      SETTLE_UPLOAD_LUA,
      3,
      RedisKeys.quotaStored(userId),
      RedisKeys.quotaInFlight(userId),
      RedisKeys.quotaInFlightBytes(userId),
      id,
      files,
      bytes,
    );
  }

  async adjustStored(userId: string, files: number, bytes: number): Promise<void> {
    await this.redis.eval(ADJUST_STORED_LUA, 1, RedisKeys.quotaStored(userId), files, bytes);
  }

  /** The ledger's version and the uploads still in flight (they are counted apart from the stored files). */
  async reconcileRead(userId: string): Promise<{ version: string; inFlight: string[] }> {
    const [version, inFlight] = (await this.redis.eval(
      RECONCILE_READ_LUA,
      3,
      RedisKeys.quotaStored(userId),
      RedisKeys.quotaInFlight(userId),
      RedisKeys.quotaInFlightBytes(userId),
      Date.now(),
    )) as [string, string[]];
    return { version, inFlight };
  }

  /** Sets the stored counts if the ledger did not change since `reconcileRead`; false otherwise. */
  async reconcileWrite(userId: string, version: string, files: number, bytes: number): Promise<boolean> {
    return (await this.redis.eval(RECONCILE_WRITE_LUA, 1, RedisKeys.quotaStored(userId), version, files, bytes)) === 1;
  }

  async usage(userId: string): Promise<{ files: number; storageBytes: number; uploadsLastHour: number; activeJobs: number }> {
    const now = Date.now();
    const [stored, inFlight, held, uploads, active] = await Promise.all([
      this.redis.hmget(RedisKeys.quotaStored(userId), 'files', 'bytes'),
      this.redis.zcount(RedisKeys.quotaInFlight(userId), now, '+inf'),
      this.redis.hvals(RedisKeys.quotaInFlightBytes(userId)),
      this.redis.zcount(RedisKeys.quotaUploads(userId), now - UPLOAD_WINDOW_MS, '+inf'),
      this.redis.zcard(RedisKeys.quotaActiveJobs(userId)),
    ]);
    return {
      files: Number(stored[0] ?? 0) + inFlight,
      storageBytes: Number(stored[1] ?? 0) + held.reduce((sum, bytes) => sum + Number(bytes), 0),
      uploadsLastHour: uploads,
      activeJobs: active,
    };
  }

  async admitJob(userId: string, member: string, limit: number | null): Promise<Refusal | undefined> {
    const reply = (await this.redis.eval(
      ADMIT_JOB_LUA,
      1,
      RedisKeys.quotaActiveJobs(userId),
      member,
      Date.now(),
      orNone(limit),
    )) as [string, ...number[]];
    return reply[0] === 'ok' ? undefined : toRefusal(reply);
  }

  /** The job is in its queue now: from here on, its absence there means it ended (removed, canceled). */
  async confirmJob(userId: string, member: string): Promise<void> {
    await this.redis.zadd(RedisKeys.quotaActiveJobs(userId), 'XX', -Date.now(), member);
  }

  async activeJobCount(userId: string): Promise<number> {
    return this.redis.zcard(RedisKeys.quotaActiveJobs(userId));
  }

  /** Counted jobs: admitted at |score| ms, in their queue once the score is negative (confirmed). */
  async activeJobs(userId: string): Promise<{ member: string; score: number }[]> {
    const flat = await this.redis.zrange(RedisKeys.quotaActiveJobs(userId), 0, -1, 'WITHSCORES');
    const jobs: { member: string; score: number }[] = [];
    for (let i = 0; i < flat.length; i += 2) jobs.push({ member: flat[i], score: Number(flat[i + 1]) });
    return jobs;
  }

  async forgetJob(userId: string, member: string): Promise<void> {
    await this.redis.zrem(RedisKeys.quotaActiveJobs(userId), member);
  }

  /** Forgets an ended job unless it was admitted again (same id re-enqueued) since it was read with `score`. */
  async forgetJobIfUnchanged(userId: string, member: string, score: number): Promise<void> {
    await this.redis.eval(FORGET_JOB_IF_UNCHANGED_LUA, 1, RedisKeys.quotaActiveJobs(userId), member, score);
  }
}

function orNone(limit: number | null): number {
  return limit ?? -1;
}

function toRefusal(reply: [string, ...number[]]): Refusal {
  const [quota, limit, used, freesAtMs] = reply;
  return {
    quota: quota as QuotaName,
    limit: Number(limit),
    used: Number(used),
    freesAtMs: freesAtMs === undefined ? undefined : Number(freesAtMs) + UPLOAD_WINDOW_MS,
  };
}
