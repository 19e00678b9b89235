/**
 * The quota ledger's Lua scripts. Each runs atomically in Redis, so concurrent uploads and enqueues of one user are
 * admitted one at a time against the same counts (50 parallel uploads against a limit of 10 admit exactly 10).
 * `stored` holds the committed files and bytes (absent until reconciled from the database) and a version bumped by
 * every change, so a reconciliation computed from an older state is refused. Limits of -1 mean no limit.
 */

/** Drops in-flight reservations past their expiry (an API process died mid-upload). */
const PURGE_EXPIRED = `
local function purge(stored, inflight, held, now)
  local expired = redis.call('ZRANGEBYSCORE', inflight, '-inf', now)
  if #expired > 0 then
    redis.call('ZREMRANGEBYSCORE', inflight, '-inf', now)
    redis.call('HDEL', held, unpack(expired))
    redis.call('HINCRBY', stored, 'version', 1)
  end
end
local function heldBytes(held, except)
  local total = 0
  local pairs_ = redis.call('HGETALL', held)
  for i = 1, #pairs_, 2 do
    if pairs_[i] ~= except then total = total + tonumber(pairs_[i + 1]) end
  end
  return total
end
`;

/** KEYS stored, inflight, held, uploads; ARGV now, id, expiresAt, maxFiles, maxBytes, maxUploads, windowMs. */
export const RESERVE_UPLOAD_LUA = `${PURGE_EXPIRED}
local stored, inflight, held, uploads = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local now, id = tonumber(ARGV[1]), ARGV[2]
local maxFiles, maxBytes, maxUploads = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
purge(stored, inflight, held, now)
if redis.call('HEXISTS', stored, 'files') == 0 then return {'reconcile'} end
if redis.call('ZSCORE', inflight, id) then return {'taken'} end
local files = tonumber(redis.call('HGET', stored, 'files')) + redis.call('ZCARD', inflight)
if maxFiles >= 0 and files + 1 > maxFiles then return {'files', maxFiles, files} end
local bytes = tonumber(redis.call('HGET', stored, 'bytes')) + heldBytes(held, '')
if maxBytes >= 0 and bytes >= maxBytes then return {'storage_bytes', maxBytes, bytes} end
redis.call('ZREMRANGEBYSCORE', uploads, '-inf', now - tonumber(ARGV[7]))
local recent = redis.call('ZCARD', uploads)
if maxUploads >= 0 and recent >= maxUploads then
  local oldest = redis.call('ZRANGE', uploads, 0, 0, 'WITHSCORES')
  return {'uploads_per_hour', maxUploads, recent, tonumber(oldest[2])}
end
redis.call('ZADD', inflight, ARGV[3], id)
redis.call('HSET', held, id, 0)
redis.call('ZADD', uploads, now, id)
redis.call('PEXPIRE', uploads, ARGV[7])
redis.call('HINCRBY', stored, 'version', 1)
return {'ok'}
`;

/** KEYS stored, inflight, held; ARGV id, minBytes, wantBytes, maxBytes, expiresAt. Grants between min and want. */
export const GROW_UPLOAD_LUA = `${PURGE_EXPIRED}
local stored, inflight, held = KEYS[1], KEYS[2], KEYS[3]
local id, minBytes, wantBytes, maxBytes = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
if not redis.call('ZSCORE', inflight, id) then return {'gone'} end
local others = tonumber(redis.call('HGET', stored, 'bytes') or '0') + heldBytes(held, id)
local grant = wantBytes
if maxBytes >= 0 then
  if minBytes > maxBytes - others then return {'storage_bytes', maxBytes, others} end
  grant = math.min(wantBytes, maxBytes - others)
end
redis.call('HSET', held, id, grant)
redis.call('ZADD', inflight, ARGV[5], id)
return {'ok', grant}
`;

/**
 * KEYS stored, inflight, held; ARGV id, files, bytes. Ends a reservation, adding what was stored (0, 0 to release).
 * A reservation that expired meanwhile may already be in a reconciled count: then the count is dropped and rebuilt.
 */
export const SETTLE_UPLOAD_LUA = `
local stored, inflight, held = KEYS[1], KEYS[2], KEYS[3]
local id = ARGV[1]
local was = redis.call('ZREM', inflight, id)
redis.call('HDEL', held, id)
if was == 0 then
  redis.call('HDEL', stored, 'files', 'bytes')
elseif redis.call('HEXISTS', stored, 'files') == 1 then
  redis.call('HINCRBY', stored, 'files', ARGV[2])
  redis.call('HINCRBY', stored, 'bytes', ARGV[3])
end
redis.call('HINCRBY', stored, 'version', 1)
return 1
`;

/** KEYS stored; ARGV files, bytes (negative to remove). */
export const ADJUST_STORED_LUA = `
if redis.call('HEXISTS', KEYS[1], 'files') == 1 then
  redis.call('HINCRBY', KEYS[1], 'files', ARGV[1])
  redis.call('HINCRBY', KEYS[1], 'bytes', ARGV[2])
end
redis.call('HINCRBY', KEYS[1], 'version', 1)
return 1
`;

/** KEYS stored, inflight, held; ARGV now. Returns the version and the ids of the uploads still in flight. */
export const RECONCILE_READ_LUA = `${PURGE_EXPIRED}
purge(KEYS[1], KEYS[2], KEYS[3], tonumber(ARGV[1]))
local version = redis.call('HGET', KEYS[1], 'version') or '0'
return {version, redis.call('ZRANGE', KEYS[2], 0, -1)}
`;

/** KEYS stored; ARGV expectedVersion, files, bytes. Writes the counts only if nothing changed since the read. */
export const RECONCILE_WRITE_LUA = `
local version = redis.call('HGET', KEYS[1], 'version') or '0'
if version ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'files', ARGV[2], 'bytes', ARGV[3])
redis.call('HINCRBY', KEYS[1], 'version', 1)
return 1
`;

/** KEYS active; ARGV member, now, limit. A job already counted is admitted again without counting twice. */
export const ADMIT_JOB_LUA = `
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
  return {'ok'}
end
local used = redis.call('ZCARD', KEYS[1])
local limit = tonumber(ARGV[3])
if limit >= 0 and used >= limit then return {'active_jobs', limit, used} end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
return {'ok'}
`;

/** KEYS active; ARGV member, score. Forgets a job only if it was not admitted again since it was read. */
export const FORGET_JOB_IF_UNCHANGED_LUA = `
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) == tonumber(ARGV[2]) then return redis.call('ZREM', KEYS[1], ARGV[1]) end
return 0
`;
