import { loadConfig } from '../config/app-config.js';
import { answersPing, resolveRedis, startEmbeddedRedis } from './redis-resolver.js';

describe('resolveRedis', () => {
  it('prefers REDIS_URL over REDIS_HOST', async () => {
    const target = await resolveRedis(loadConfig({ REDIS_URL: 'redis://example:6390/2', REDIS_HOST: 'other' }));
    expect(target).toMatchObject({ url: 'redis://example:6390/2', source: 'configured' });
  });

  it('builds the URL from REDIS_HOST, REDIS_PORT, REDIS_DB and REDIS_PASSWORD', async () => {
    const target = await resolveRedis(
      loadConfig({ REDIS_HOST: 'cache', REDIS_PORT: '6400', REDIS_DB: '3', REDIS_PASSWORD: 'p@ss' }),
    );
    expect(target.url).toBe('redis://:p%40ss@cache:6400/3');
  });

  it('uses the Redis answering on 127.0.0.1:6379 when nothing is configured', async () => {
    const target = await resolveRedis(loadConfig({}));
    expect(target).toMatchObject({ url: 'redis://127.0.0.1:6379/0', source: 'local' });
  });

  it('starts an embedded Redis from the redis-server on PATH, without building one', async () => {
    const embedded = await startEmbeddedRedis(0);
    try {
      const { hostname, port } = new URL(embedded.url);
      expect(embedded.source).toBe('embedded');
      expect(Number(port)).not.toBe(6379);
      expect(await answersPing(hostname, Number(port))).toBe(true);
      expect(process.env.REDISMS_SYSTEM_BINARY).toMatch(/redis-server$/);
    } finally {
      await embedded.stop();
    }
  });
});
