import { type PrivateRedis, startPrivateRedis } from './support/private-redis.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('/health with Redis stopped', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    t = await createTestApp({ REDIS_URL: redis.url, RUN_WORKERS: 'false' });
  });
  afterAll(async () => {
    await t.close().catch(() => undefined);
    await redis.stop();
  });

  it('is ready while Redis answers, 503 in the envelope once it stops, and live throughout', async () => {
    await t.http().get('/health/ready').expect(200);
    await redis.stop();
    const res = await t.http().get('/health/ready').expect(503);
    expect(res.body).toMatchObject({ success: false, error: { code: 'SERVICE_UNAVAILABLE', details: { dependency: 'redis' } } });
    await t.http().get('/health/live').expect(200);
  });
});
