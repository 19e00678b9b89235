import { Inject, Injectable } from '@nestjs/common';
import { type RedisClient } from '../infra/redis/redis-client.js';
import { REDIS_CLIENT } from '../infra/redis/redis-connector.js';
import { RedisKeys } from '../infra/redis/redis-keys.js';
import { nodeHoldingKey } from '../infra/redis/redis-scan.js';
import { InvalidMemoryCursorError } from './memory.errors.js';
import { MemoryAddress, MemoryKeyPage, MemoryWrite, StoredMemory } from './memory.types.js';

const SCAN_COUNT = 500;
// Bounds one request's work on a big keyspace: a page may come back short, with a cursor to go on from.
const MAX_SCANS_PER_PAGE = 40;
/** A pending value outlives its memory by this long, so a consolidation queued behind others still finds it. */
const PENDING_GRACE_SECONDS = 3600;
// Deletes the pending snapshot only if it still holds what was consolidated (a newer write keeps its own).
const DELETE_IF_EQUAL = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

/**
 * Short-term memory in Redis: one hash per memory (`aam:memory:{user}:{agent}:{key}`, the user id a hash tag, so a
 * user's memories share a cluster slot and node) holding the JSON value and
 * its flags, with the TTL on the key itself. A persisted write also leaves its value in a pending snapshot that the
 * consolidation job reads, so a memory whose TTL ends before the job runs still reaches long-term recall.
 */
@Injectable()
export class MemoryRepository {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: RedisClient) {}

  /** Writes the value and restarts the TTL; created_at survives overwrites of a live key. */
  async write(address: MemoryAddress, write: MemoryWrite): Promise<StoredMemory> {
    const redisKey = keyOf(address);
    const transaction = this.redis.multi();
    if (write.persist) {
      transaction.set(pendingKeyOf(address), write.json, 'EX', write.ttlSeconds + PENDING_GRACE_SECONDS);
    }
    const results = await transaction
      .hset(redisKey, {
        value: write.json,
        ttl_seconds: write.ttlSeconds,
        refresh_on_read: write.refreshOnRead ? '1' : '0',
        persist: write.persist ? '1' : '0',
        updated_at: write.now,
      })
      .hsetnx(redisKey, 'created_at', write.now)
      .expire(redisKey, write.ttlSeconds)
      .hgetall(redisKey)
      .ttl(redisKey)
      .exec();
    const first = write.persist ? 1 : 0;
    return toStored(resultOf<Record<string, string>>(results, first + 3), resultOf<number>(results, first + 4));
  }

  /** The memory, or undefined once expired. With refresh_on_read the TTL restarts. */
  async read(address: MemoryAddress): Promise<StoredMemory | undefined> {
    const redisKey = keyOf(address);
    const results = await this.redis.multi().hgetall(redisKey).ttl(redisKey).exec();
    const hash = resultOf<Record<string, string>>(results, 0);
    if (!hash.value) return undefined;
    const stored = toStored(hash, resultOf<number>(results, 1));
    if (stored.refreshOnRead) {
      // EXPIRE on a key that expired meanwhile does nothing, so this never resurrects a memory.
      const refreshed = await this.redis.expire(keyOf(address), stored.ttlSeconds);
      if (refreshed === 1) stored.ttlSecondsRemaining = stored.ttlSeconds;
    }
    return stored;
  }

  /** The JSON of the last persisted write not yet consolidated, if any. */
  async pendingValue(address: MemoryAddress): Promise<string | undefined> {
    return (await this.redis.get(pendingKeyOf(address))) ?? undefined;
  }

  /** Marks `json` consolidated: drops the pending snapshot unless a newer write replaced it meanwhile. */
  async clearPending(address: MemoryAddress, json: string): Promise<void> {
    await this.redis.eval(DELETE_IF_EQUAL, 1, pendingKeyOf(address), json);
  }

  /** Deletes the memory and any pending snapshot; true when the memory existed. */
  async delete(address: MemoryAddress): Promise<boolean> {
    const results = await this.redis.multi().del(keyOf(address)).del(pendingKeyOf(address)).exec();
    return resultOf<number>(results, 0) === 1;
  }

  /**
   * One page of an agent's keys with SCAN (never KEYS). A SCAN batch can hold more matches than the page has room
   * for, so the cursor is `<scan cursor>.<matches of that batch already returned>`. A page may hold fewer than
   * `limit` keys; the listing is complete only when the next cursor is null.
   */
  async listKeys(userId: string, agentId: string, prefix: string, limit: number, cursor?: string): Promise<MemoryKeyPage> {
    const pattern = RedisKeys.agentMemoryPattern(userId, agentId, prefix);
    const keyStart = RedisKeys.agentMemory(userId, agentId, '').length;
    let [scanCursor, skip] = parseCursor(cursor);
    const found: string[] = [];
    const seen = new Set<string>();
    // On a cluster the agent's keys all live on the node of the user's slot: the SCAN cursor is that node's.
    const node = await nodeHoldingKey(this.redis, RedisKeys.agentMemory(userId, agentId, ''));
    for (let scans = 1; ; scans++) {
      const [next, batch] = await node.scan(scanCursor, 'MATCH', pattern, 'COUNT', SCAN_COUNT);
      const fresh = batch.slice(skip).filter((k) => !seen.has(k));
      const room = limit - found.length;
      if (fresh.length > room) {
        found.push(...fresh.slice(0, room));
        return this.withDetails(found, keyStart, `${scanCursor}.${skip + room}`);
      }
      for (const k of fresh) seen.add(k);
      found.push(...fresh);
      skip = 0;
      scanCursor = next;
      if (next === '0') return this.withDetails(found, keyStart, null);
      if (found.length === limit || scans === MAX_SCANS_PER_PAGE) return this.withDetails(found, keyStart, `${next}.0`);
    }
  }

  private async withDetails(redisKeys: string[], keyStart: number, nextCursor: string | null): Promise<MemoryKeyPage> {
    const pipeline = this.redis.pipeline();
    for (const k of redisKeys) pipeline.ttl(k).hget(k, 'updated_at');
    const results = (await pipeline.exec()) ?? [];
    const entries = redisKeys.flatMap((k, i) => {
      const ttl = results[2 * i]?.[1] as number;
      const updatedAt = results[2 * i + 1]?.[1] as string | null;
      // A key that expired between SCAN and now is left out.
      if (ttl === -2 || !updatedAt) return [];
      return [{ key: k.slice(keyStart), ttlSecondsRemaining: Math.max(ttl, 0), updatedAt }];
    });
    return { entries, nextCursor };
  }
}

function keyOf({ userId, agentId, key }: MemoryAddress): string {
  return RedisKeys.agentMemory(userId, agentId, key);
}

function pendingKeyOf({ userId, agentId, key }: MemoryAddress): string {
  return RedisKeys.agentMemoryPending(userId, agentId, key);
}

function toStored(hash: Record<string, string>, ttl: number): StoredMemory {
  return {
    value: JSON.parse(hash.value) as unknown,
    ttlSeconds: Number(hash.ttl_seconds),
    ttlSecondsRemaining: Math.max(ttl, 0),
    refreshOnRead: hash.refresh_on_read === '1',
    persist: hash.persist === '1',
    createdAt: hash.created_at,
    updatedAt: hash.updated_at,
  };
}

function resultOf<T>(results: [Error | null, unknown][] | null, index: number): T {
  const entry = results?.[index];
  if (!entry) throw new Error('Redis transaction was aborted');
  if (entry[0]) throw entry[0];
  return entry[1] as T;
}

function parseCursor(cursor?: string): [string, number] {
  if (!cursor) return ['0', 0];
  const match = /^(\d{1,20})\.(\d{1,6})$/.exec(cursor);
  if (!match) throw new InvalidMemoryCursorError();
  return [match[1], Number(match[2])];
}
