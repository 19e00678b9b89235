import { answersPing } from '../../src/infra/redis/redis-resolver.js';

export const TEST_REDIS_URL = 'redis://127.0.0.1:6379/0';

/** Tests need a real Redis: fail loudly, never skip. */
export async function requireRedis(): Promise<void> {
  if (!(await answersPing('127.0.0.1', 6379, 2000))) {
    throw new Error('These tests need Redis on 127.0.0.1:6379 (start redis-server, or run `bash .ci/run`).');
  }
}
