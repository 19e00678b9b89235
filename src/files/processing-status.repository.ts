import { Inject, Injectable } from '@nestjs/common';
import { type RedisClient } from '../infra/redis/redis-client.js';
import { REDIS_CLIENT } from '../infra/redis/redis-connector.js';
import { RedisKeys, RedisTtl } from '../infra/redis/redis-keys.js';
import { getMany, scanKeys } from '../infra/redis/redis-scan.js';
import { ProcessingStatus, StageName, StageStatus, STAGE_NAMES } from './file-core.types.js';

/** Weight of each stage in the overall progress (sums to 1). */
export const STAGE_WEIGHTS: Record<StageName, number> = {
  chunking: 0.2,
  vectorization: 0.4,
  storage: 0.15,
  kg_extraction: 0.25,
};

export interface StageTiming {
  started_at?: string;
  finished_at?: string;
}

/**
 * One Lua script does every change of `processing:status:{file_id}`, so concurrent updates (pipeline, vectors,
 * graph) never lose each other's stage; it also stamps stage timings and publishes the new document for SSE.
 * ARGV: op ('stage' | 'reset' | 'fail'), fresh document JSON, ttl seconds, now (ISO), weights JSON, stage, status,
 * progress, message ('' keeps the current one).
 */
const UPDATE_SCRIPT = `
local doc
local raw = redis.call('GET', KEYS[1])
if raw and ARGV[1] ~= 'reset' then doc = cjson.decode(raw) else doc = cjson.decode(ARGV[2]) end
local ttl = tonumber(ARGV[3])
local now = ARGV[4]
local weights = cjson.decode(ARGV[5])
local stages = {'chunking', 'vectorization', 'storage', 'kg_extraction'}
local required = {chunking = true, vectorization = true, storage = true}
local terminal = {completed = true, failed = true, skipped = true}

local function stamp(stage, status)
  if status == 'processing' then
    redis.call('HSETNX', KEYS[2], stage .. ':started_at', now)
  elseif terminal[status] then
    redis.call('HSETNX', KEYS[2], stage .. ':started_at', now)
    redis.call('HSET', KEYS[2], stage .. ':finished_at', now)
  end
end

if ARGV[1] == 'reset' then
  redis.call('DEL', KEYS[2])
elseif ARGV[1] == 'stage' then
  doc[ARGV[6]] = {status = ARGV[7], progress = tonumber(ARGV[8])}
  stamp(ARGV[6], ARGV[7])
elseif ARGV[1] == 'fail' then
  local marked = false
  for _, name in ipairs(stages) do
    if doc[name].status == 'processing' then
      doc[name].status = 'failed'
      stamp(name, 'failed')
      if required[name] then marked = true end
    end
  end
  if not marked then
    for _, name in ipairs(stages) do
      if required[name] and doc[name].status ~= 'completed' and doc[name].status ~= 'skipped' then
        doc[name].status = 'failed'
        stamp(name, 'failed')
        break
      end
    end
  end
end
if ARGV[9] ~= '' then doc.message = ARGV[9] end

local progress = 0
local all_pending = true
local failed = false
local required_done = true
for _, name in ipairs(stages) do
  local s = doc[name]
  local p = s.progress
  if s.status == 'completed' or s.status == 'skipped' then p = 100 end
  progress = progress + p * weights[name]
  if s.status ~= 'pending' then all_pending = false end
  if required[name] then
    if s.status == 'failed' then failed = true end
    if s.status ~= 'completed' and s.status ~= 'skipped' then required_done = false end
  elseif not terminal[s.status] then
    required_done = false
  end
end
-- Searchable once storage completed (the vectors are promoted: search finds the chunks). A reset (new run) starts
-- without it; a later vector regeneration keeps it (the old vectors stay visible until the new ones replace them).
if doc.storage.status == 'completed' then doc.searchable = true end
if failed then doc.status = 'failed'
elseif required_done then doc.status = 'completed'
elseif all_pending then doc.status = 'queued'
else doc.status = 'processing' end
doc.progress = math.floor(progress + 0.5)

local encoded = cjson.encode(doc)
redis.call('SET', KEYS[1], encoded, 'EX', ttl)
redis.call('EXPIRE', KEYS[2], ttl)
redis.call('PUBLISH', KEYS[3], encoded)
return encoded
`;

/** All Redis of the processing status: the status document, the stage timings and the change channel. */
@Injectable()
export class ProcessingStatusRepository {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: RedisClient) {}

  async reset(fileId: string, message: string): Promise<ProcessingStatus> {
    return this.run(fileId, ['reset', '', '', '', message]);
  }

  /** `seed` is the document to start from when the key does not exist (default: every stage pending). */
  async updateStage(
    fileId: string,
    stage: StageName,
    status: StageStatus,
    progress: number,
    message = '',
    seed?: ProcessingStatus,
  ): Promise<ProcessingStatus> {
    return this.run(fileId, ['stage', stage, status, String(progress), message], seed);
  }

  async exists(fileId: string): Promise<boolean> {
    return (await this.redis.exists(RedisKeys.processingStatus(fileId))) === 1;
  }

  /** Marks the running stage (or the first unfinished required one) failed. */
  async fail(fileId: string, message: string): Promise<ProcessingStatus> {
    return this.run(fileId, ['fail', '', '', '', message]);
  }

  async get(fileId: string): Promise<ProcessingStatus | undefined> {
    const raw = await this.redis.get(RedisKeys.processingStatus(fileId));
    return raw ? normalize(JSON.parse(raw) as ProcessingStatus) : undefined;
  }

  /** Every live status document, read a page of keys at a time (SCAN, never KEYS; every master of a cluster). */
  async *scanLive(): AsyncIterable<ProcessingStatus> {
    for await (const keys of scanKeys(this.redis, RedisKeys.processingStatusPattern())) {
      for (const raw of await getMany(this.redis, keys)) if (raw) yield normalize(JSON.parse(raw) as ProcessingStatus);
    }
  }

  async timings(fileId: string): Promise<Record<StageName, StageTiming>> {
    const hash = await this.redis.hgetall(RedisKeys.processingTimings(fileId));
    const result = {} as Record<StageName, StageTiming>;
    for (const stage of STAGE_NAMES) {
      result[stage] = { started_at: hash[`${stage}:started_at`], finished_at: hash[`${stage}:finished_at`] };
    }
    return result;
  }

  async delete(fileId: string): Promise<void> {
    await this.redis.del(RedisKeys.processingStatus(fileId), RedisKeys.processingTimings(fileId));
  }

  private async run(
    fileId: string,
    args: [string, string, string, string, string],
    seed: ProcessingStatus = freshStatus(fileId),
  ): Promise<ProcessingStatus> {
    const [op, stage, status, progress, message] = args;
    const encoded = (await this.redis.eval(
      UPDATE_SCRIPT,
      3,
      RedisKeys.processingStatus(fileId),
      RedisKeys.processingTimings(fileId),
      RedisKeys.processingEvents(fileId),
      op,
      JSON.stringify(seed),
      String(RedisTtl.processingStatusSeconds),
      new Date().toISOString(),
      JSON.stringify(STAGE_WEIGHTS),
      stage,
      status,
      progress,
      message,
    )) as string;
    return normalize(JSON.parse(encoded) as ProcessingStatus);
  }
}

/** A status document before any stage moved. */
export function freshStatus(fileId: string, message = 'Queued for processing'): ProcessingStatus {
  return {
    file_id: fileId,
    status: 'queued',
    progress: 0,
    chunking: { status: 'pending', progress: 0 },
    vectorization: { status: 'pending', progress: 0 },
    storage: { status: 'pending', progress: 0 },
    kg_extraction: { status: 'pending', progress: 0 },
    message,
  };
}

/**
 * Lua's cjson does not keep key order: put the keys back in the documented order (drops any other key);
 * `searchable` only once true (the contract's optional extra).
 */
export function normalize(doc: ProcessingStatus): ProcessingStatus {
  return {
    file_id: doc.file_id,
    status: doc.status,
    progress: doc.progress,
    chunking: doc.chunking,
    vectorization: doc.vectorization,
    storage: doc.storage,
    kg_extraction: doc.kg_extraction,
    message: doc.message,
    ...(doc.searchable === true ? { searchable: true } : {}),
  };
}
