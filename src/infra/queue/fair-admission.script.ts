/**
 * The fair scheduler's one atomic step (Redis Lua), for one queue and priority.
 * KEYS[1] BullMQ's `prioritized` zset of the queue, KEYS[2] the user → slots hash.
 * ARGV[1] our key base (RedisKeys.fairSchedulerBase), ARGV[2] BullMQ's job key prefix (`{prefix}:{queue}:`),
 * ARGV[3] the user, ARGV[4] their slots ('' = keep), ARGV[5] a job id to hold back ('' = none),
 * ARGV[6] a job id of theirs that just ended ('' = none).
 * Tops up the user's admitted jobs to their slots from their held-back list (oldest first), and one other user
 * picked at random, so slots freed by a cancel or a crash are refilled even if that user never calls again.
 * Returns the job ids to raise to the admitted priority.
 */
export const FAIR_ADMISSION_LUA = `
local prioritized, slotsKey = KEYS[1], KEYS[2]
local base, jobPrefix, owner, slots, holdId, endedId = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local usersKey = base .. 'users'
local admit = {}

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
      admit[#admit + 1] = id
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
if endedId ~= '' then redis.call('SREM', base .. 'admitted:' .. owner, endedId) end
topUp(owner)
local other = redis.call('SRANDMEMBER', usersKey)
if other and other ~= owner then topUp(other) end
return admit
`;
