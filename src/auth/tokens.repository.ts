import { Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RedisKeys } from '../infra/redis/redis-keys.js';

/** A token as the session store knows it: its sha256 and expiry (unix seconds). */
export interface TokenRecord {
  hash: string;
  exp: number;
}

// Adds members to a sorted set of hash → expiry, drops expired ones, and lets the set expire with its last token.
// KEYS[1] set; ARGV[1] now (unix s); then expiry, hash pairs.
const INDEX_TOKENS = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
for i = 2, #ARGV, 2 do redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i + 1]) end
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if last[2] then redis.call('EXPIREAT', KEYS[1], last[2]) end
return redis.call('ZCARD', KEYS[1])
`;

// Compare-and-swap of a family's current refresh token: 1 when KEYS[1] held ARGV[1] (now ARGV[2], expiring at
// ARGV[3] unix s), 0 otherwise (the presented refresh token was already used: reuse).
const ROTATE_REFRESH = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EXAT', ARGV[3])
return 1
`;

type ScriptedRedis = Redis & {
  indexTokens(key: string, now: number, ...pairs: (string | number)[]): Promise<number>;
  rotateRefresh(key: string, expected: string, next: string, exp: number): Promise<number>;
};

/** All Redis of auth: the JWT blacklist, each user's live-token index, token families. Holds hashes, never tokens. */
@Injectable()
export class TokensRepository {
  private readonly redis: ScriptedRedis;

  constructor(redis: Redis) {
    if (!('indexTokens' in redis)) {
      redis.defineCommand('indexTokens', { numberOfKeys: 1, lua: INDEX_TOKENS });
      redis.defineCommand('rotateRefresh', { numberOfKeys: 1, lua: ROTATE_REFRESH });
    }
    this.redis = redis as ScriptedRedis;
  }

  /** Blacklists each token for exactly its remaining lifetime; already-expired tokens need no entry. */
  async blacklist(tokens: TokenRecord[]): Promise<void> {
    const nowMs = Date.now();
    const live = tokens.filter((t) => t.exp * 1000 > nowMs);
    if (live.length === 0) return;
    // One SET per token, sent together: each token's key is in its own cluster slot (no MULTI across them).
    await Promise.all(live.map((t) => this.redis.set(RedisKeys.jwtBlacklist(t.hash), '1', 'PX', t.exp * 1000 - nowMs)));
  }

  /** One round trip: EXISTS of the token's blacklist key. */
  async isBlacklisted(hash: string): Promise<boolean> {
    return (await this.redis.exists(RedisKeys.jwtBlacklist(hash))) === 1;
  }

  /** Records a login's (or a rotation's) new tokens in the user's index and the family's, and the family's refresh. */
  async recordIssued(userId: string, familyId: string, tokens: TokenRecord[], refresh?: TokenRecord): Promise<void> {
    const now = nowSeconds();
    const pairs = tokens.flatMap((t) => [t.exp, t.hash]);
    // Separate commands sent together (the user's index and the family's keys live in different cluster slots); a
    // failure of any throws, so the login answers 503 and its tokens are never handed out.
    await Promise.all([
      this.redis.indexTokens(RedisKeys.userTokens(userId), now, ...pairs),
      this.redis.indexTokens(RedisKeys.tokenFamily(familyId), now, ...pairs),
      refresh ? this.redis.set(RedisKeys.tokenFamilyRefresh(familyId), refresh.hash, 'EXAT', refresh.exp) : undefined,
    ]);
  }

  /** Makes `next` the family's usable refresh token if `presented` still is; false means `presented` was reused. */
  async rotateRefresh(familyId: string, presented: string, next: TokenRecord): Promise<boolean> {
    return (await this.redis.rotateRefresh(RedisKeys.tokenFamilyRefresh(familyId), presented, next.hash, next.exp)) === 1;
  }

  /** True while `hash` is the family's usable refresh token (false once the family is revoked). */
  async isCurrentRefresh(familyId: string, hash: string): Promise<boolean> {
    return (await this.redis.get(RedisKeys.tokenFamilyRefresh(familyId))) === hash;
  }

  /** Ends a family's rotation: no refresh token of it can rotate any more. First step of revoking a family. */
  async closeFamily(familyId: string): Promise<void> {
    await this.redis.del(RedisKeys.tokenFamilyRefresh(familyId));
  }

  async familyTokens(familyId: string): Promise<TokenRecord[]> {
    return this.liveMembers(RedisKeys.tokenFamily(familyId));
  }

  async userTokens(userId: string): Promise<TokenRecord[]> {
    return this.liveMembers(RedisKeys.userTokens(userId));
  }

  /** Forgets a family's token list (after its tokens are blacklisted). */
  async dropFamily(familyId: string): Promise<void> {
    await this.redis.del(RedisKeys.tokenFamily(familyId));
  }

  /** Removes the given tokens from a user's index (after they are blacklisted). */
  async unindexUserTokens(userId: string, hashes: string[]): Promise<void> {
    if (hashes.length > 0) await this.redis.zrem(RedisKeys.userTokens(userId), ...hashes);
  }

  private async liveMembers(key: string): Promise<TokenRecord[]> {
    const now = nowSeconds();
    const flat = await this.redis.zrangebyscore(key, `(${now}`, '+inf', 'WITHSCORES');
    const records: TokenRecord[] = [];
    for (let i = 0; i < flat.length; i += 2) records.push({ hash: flat[i], exp: Number(flat[i + 1]) });
    return records;
  }
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
