import { Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RedisKeys } from '../../infra/redis/redis-keys.js';
import type { UploadBatchRecord } from './upload-batch.types.js';

/** Batches are kept a week: the files themselves live on; this is the index of one request's parts. */
const BATCH_TTL_SECONDS = 7 * 24 * 3600;

/** The batch records in Redis. */
@Injectable()
export class UploadBatchesRepository {
  constructor(private readonly redis: Redis) {}

  async save(batch: UploadBatchRecord): Promise<void> {
    await this.redis.set(RedisKeys.uploadBatch(batch.batch_id), JSON.stringify(batch), 'EX', BATCH_TTL_SECONDS);
  }

  async find(batchId: string): Promise<UploadBatchRecord | undefined> {
    const raw = await this.redis.get(RedisKeys.uploadBatch(batchId));
    return raw ? (JSON.parse(raw) as UploadBatchRecord) : undefined;
  }
}
