import { Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RedisKeys, RedisTtl } from '../../infra/redis/redis-keys.js';

export interface UploadProgress {
  file_id: string;
  status: 'uploading' | 'completed' | 'failed';
  progress: number;
  bytes_received: number;
  total_bytes: number | null;
}

/** `upload:progress:{file_id}` (TTL 1 h). */
@Injectable()
export class UploadProgressRepository {
  constructor(private readonly redis: Redis) {}

  async save(progress: UploadProgress): Promise<void> {
    await this.redis.set(
      RedisKeys.uploadProgress(progress.file_id),
      JSON.stringify(progress),
      'EX',
      RedisTtl.uploadProgressSeconds,
    );
  }

  async get(fileId: string): Promise<UploadProgress | undefined> {
    const raw = await this.redis.get(RedisKeys.uploadProgress(fileId));
    return raw ? (JSON.parse(raw) as UploadProgress) : undefined;
  }

  async delete(fileId: string): Promise<void> {
    await this.redis.del(RedisKeys.uploadProgress(fileId));
  }
}
