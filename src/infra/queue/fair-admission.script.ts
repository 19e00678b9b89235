/**
 * The fair scheduler's one atomic step (Redis Lua), for one queue and priority.
 * KEYS: BullMQ's `prioritized`, `pc` (priority counter), `marker`, `meta` and `active` keys of the queue, then our
 * user → slots hash. ARGV[1] our key base (RedisKeys.fairSchedulerBase), ARGV[2] BullMQ's job key prefix
 * (`{prefix}:{queue}:`), ARGV[3] the user, ARGV[4] their slots ('' = keep), ARGV[5] a job id to hold back ('' = none),
 * ARGV[6] a job id of theirs that just ended ('' = none), ARGV[7] the admitted BullMQ priority, ARGV[8] '1' when the
 * ended job left the queue without running (a migration moved it): its id also leaves the user's held-back list.
 * Tops up the user's admitted jobs to their slots from their held-back list (oldest first), and one other user
 * picked at random, so slots freed by a cancel or a crash are refilled even if that user never calls again.
 * Admitting raises a job's priority as BullMQ's changePriority does (same score: priority × 2^32 + counter, so it
 * goes to the back of its new level), here in the same step to save a round trip per job. Returns how many it admitted.
 */
export const FAIR_ADMISSION_LUA = `
local prioritized, counterKey, markerKey, metaKey, activeKey, slotsKey = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local base, jobPrefix, owner, slots, holdId, endedId = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local admittedPriority = tonumber(ARGV[7])
local usersKey = base .. 'users'
local admitted = 0

local function raise(id)
  local score = admittedPriority * 0x100000000 + redis.call('INCR', counterKey) % 0x100000000
  redis.call('ZADD', prioritized, score, id)
  redis.call('HSET', jobPrefix .. id, 'priority', admittedPriority)
  admitted = admitted + 1
end

-- queued, running or waiting for a retry: neither finished nor removed
local function live(id)
  local jobKey = jobPrefix .. id
  return redis.call('EXISTS', jobKey) == 1 and redis.call('HEXISTS', jobKey, 'finishedOn') == 0
end

local function topUp(user)
  local admittedKey = base .. 'admitted:' .. user
  local heldKey = base .. 'held:' .. user
  for _, id in ipairs(redis.call('SMEMBERS', admittedKey)) do
    if not live(id) then redis.call('SREM', admittedKey, id) end
  end
  local room = tonumber(redis.call('HGET', slotsKey, user) or '1') - redis.call('SCARD', admittedKey)
  while room > 0 do
    local id = redis.call('LPOP', heldKey)
    if not id then break end
    -- a held-back job no longer waiting was started by an idle worker, canceled or removed: skip it
    if redis.call('ZSCORE', prioritized, id) and redis.call('SADD', admittedKey, id) == 1 then
      raise(id)
      room = room - 1
    end
  end
  if redis.call('LLEN', heldKey) == 0 then redis.call('SREM', usersKey, user) end
end

if slots ~= '' then redis.call('HSET', slotsKey, owner, slots) end
if holdId ~= '' then
  redis.call('RPUSH', base .. 'held:' .. owner, holdId)
  redis.call('SADD', usersKey, owner)
end
if endedId ~= '' then
  redis.call('SREM', base .. 'admitted:' .. owner, endedId)
  if ARGV[8] == '1' then redis.call('LREM', base .. 'held:' .. owner, 0, endedId) end
end
topUp(owner)
local other = redis.call('SRANDMEMBER', usersKey)
if other and other ~= owner then topUp(other) end
-- wake a worker blocked on an empty queue, as BullMQ does when it adds a job (unless paused or at its concurrency)
if admitted > 0 then
  local meta = redis.call('HMGET', metaKey, 'paused', 'concurrency')
  if not meta[1] and not (meta[2] and redis.call('LLEN', activeKey) >= tonumber(meta[2])) then
    redis.call('ZADD', markerKey, 0, '0')
  end
end
return admitted
`;
