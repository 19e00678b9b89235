/**
 * The fair scheduler's one atomic step (Redis Lua), for one queue and priority.
 * KEYS[1]: our user → slots hash of the queue. ARGV[1] our key base (RedisKeys.fairSchedulerBase), ARGV[2] BullMQ's
 * key prefix of the queue (`{prefix}:{queue}:`, its job keys and its `prioritized`, `pc`, `marker`, `meta` and
 * `active` keys are that prefix and a suffix), ARGV[3] the user, ARGV[4] their slots ('' = keep), ARGV[5] a job id to
 * hold back ('' = none), ARGV[6] a job id of theirs that just ended ('' = none), ARGV[7] the admitted BullMQ priority,
 * ARGV[8] '1' when the ended job left the queue without running (a migration moved it): its id also leaves the
 * user's held-back list. BullMQ's keys are derived here, not passed: each argument costs the caller CPU, and this
 * runs at every enqueue (on a Cluster they share the slot of KEYS[1]: QUEUE_PREFIX carries the hash tag).
 * Tops up the user's admitted jobs to their slots from their held-back list (oldest first), and one other user
 * picked at random, so slots freed by a cancel or a crash are refilled even if that user never calls again.
 * Admitting raises a job's priority as BullMQ's changePriority does (same score: priority × 2^32 + counter, so it
 * goes to the back of its new level), here in the same step to save a round trip per job. Returns how many it admitted
 * and how many users then have held-back jobs at this priority.
 */
export const FAIR_ADMISSION_LUA = `
local slotsKey = KEYS[1]
local base, jobPrefix, owner, slots, holdId, endedId = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local prioritized, counterKey = jobPrefix .. 'prioritized', jobPrefix .. 'pc'
local admittedPriority = tonumber(ARGV[7])
local usersKey = base .. 'users'
local admitted = 0

local function raise(id)
  local score = admittedPriority * 0x100000000 + redis.call('INCR', counterKey) % 0x100000000
  redis.call('ZADD', prioritized, score, id)
  redis.call('HSET', jobPrefix .. id, 'priority', admittedPriority)
  admitted = admitted + 1
end

-- queued, running or waiting for a retry: neither finished nor removed (every BullMQ job has a timestamp)
local function live(id)
  local fields = redis.call('HMGET', jobPrefix .. id, 'timestamp', 'finishedOn')
  return fields[1] and not fields[2]
end

local function topUp(user)
  local admittedKey = base .. 'admitted:' .. user
  local heldKey = base .. 'held:' .. user
  local userSlots = (user == owner and slots ~= '') and slots or redis.call('HGET', slotsKey, user)
  local room = tonumber(userSlots or '1')
  for _, id in ipairs(redis.call('SMEMBERS', admittedKey)) do
    if live(id) then room = room - 1 else redis.call('SREM', admittedKey, id) end
  end
  local emptied = false
  while room > 0 do
    local id = redis.call('LPOP', heldKey)
    if not id then
      emptied = true
      break
    end
    -- a held-back job no longer waiting was started by an idle worker, canceled or removed: skip it
    if redis.call('ZSCORE', prioritized, id) and redis.call('SADD', admittedKey, id) == 1 then
      raise(id)
      room = room - 1
    end
  end
  if emptied or redis.call('LLEN', heldKey) == 0 then redis.call('SREM', usersKey, user) end
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
  local meta = redis.call('HMGET', jobPrefix .. 'meta', 'paused', 'concurrency')
  if not meta[1] and not (meta[2] and redis.call('LLEN', jobPrefix .. 'active') >= tonumber(meta[2])) then
    redis.call('ZADD', jobPrefix .. 'marker', 0, '0')
  end
end
return { admitted, redis.call('SCARD', usersKey) }
`;
