/**
 * Lua steps of a job migration, each atomic on one shard. On the SOURCE: HOLD takes a job out of its runnable set (or
 * the failed set) into the holding hash, recording where it was; a job that a worker took meanwhile (active) or that
 * is gone is not touched. RESTORE puts a held job back where it was. RELEASE deletes the source copy once the target
 * holds it. KEYS: wait, paused, prioritized, delayed, failed, holding, job hash (, logs key for RELEASE).
 */
export const HOLD_LUA = `
local id = ARGV[1]
local states = ARGV[2]
if redis.call('EXISTS', KEYS[7]) == 0 then return 'gone' end
local from
if string.find(states, 'waiting', 1, true) then
  if redis.call('LREM', KEYS[1], 0, id) > 0 then from = 'waiting:0'
  elseif redis.call('LREM', KEYS[2], 0, id) > 0 then from = 'paused:0'
  else
    local score = redis.call('ZSCORE', KEYS[3], id)
    if score then redis.call('ZREM', KEYS[3], id); from = 'prioritized:' .. score end
  end
end
if not from and string.find(states, 'delayed', 1, true) then
  local score = redis.call('ZSCORE', KEYS[4], id)
  if score then redis.call('ZREM', KEYS[4], id); from = 'delayed:' .. score end
end
if not from and string.find(states, 'failed', 1, true) then
  local score = redis.call('ZSCORE', KEYS[5], id)
  if score then redis.call('ZREM', KEYS[5], id); from = 'failed:' .. score end
end
if not from then return 'skip' end
redis.call('HSET', KEYS[6], id, from)
return from
`;

export const RESTORE_LUA = `
local id = ARGV[1]
local from = redis.call('HGET', KEYS[6], id)
if not from then return 0 end
local sep = string.find(from, ':', 1, true)
local state = string.sub(from, 1, sep - 1)
local score = string.sub(from, sep + 1)
if state == 'waiting' then redis.call('RPUSH', KEYS[1], id)
elseif state == 'paused' then redis.call('RPUSH', KEYS[2], id)
elseif state == 'prioritized' then redis.call('ZADD', KEYS[3], score, id)
elseif state == 'delayed' then redis.call('ZADD', KEYS[4], score, id)
elseif state == 'failed' then redis.call('ZADD', KEYS[5], score, id) end
redis.call('HDEL', KEYS[6], id)
return 1
`;

export const RELEASE_LUA = `
redis.call('DEL', KEYS[7], KEYS[8])
return redis.call('HDEL', KEYS[6], ARGV[1])
`;

/**
 * On the TARGET: a failed job's hash copied whole, in no set (held: neither listed nor retryable), journaled in the
 * incoming hash in the same step. 1 when placed (or already placed by us), 0 when another job holds the id.
 * KEYS: job hash, incoming hash. ARGV: id, incoming entry, then field/value pairs.
 */
export const PLACE_HELD_FAILED_LUA = `
if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('HEXISTS', KEYS[2], ARGV[1]) end
for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return 1
`;

/** On the TARGET: a held failed copy enters the failed set at its old score; its journal entry goes. KEYS: job hash, failed, incoming. */
export const ARM_FAILED_LUA = `
if redis.call('EXISTS', KEYS[1]) == 1 and not redis.call('ZSCORE', KEYS[2], ARGV[1]) then
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
end
return redis.call('HDEL', KEYS[3], ARGV[1])
`;
