import { loginAdmin } from './support/auth.js';
import { type PrivateRedis, startPrivateRedis } from './support/private-redis.js';
import type { TestApp } from './support/test-app.js';
import { createMonitorTestApp } from './fixtures/queue-monitor/monitor-test-app.js';

describe('Queue monitor with Redis stopped (e2e)', () => {
  let privateRedis: PrivateRedis;
  let t: TestApp;
  beforeAll(async () => {
    privateRedis = await startPrivateRedis();
    t = await createMonitorTestApp({ REDIS_URL: privateRedis.url, RUN_WORKERS: 'false' });
  });
  afterAll(async () => {
    await privateRedis.restart(); // BullMQ connections wait for Redis forever: give them one to close on
    await t.close();
    await privateRedis.stop();
  });

  it('answers 503 (never hangs) on the API routes, /metrics and the dashboard', async () => {
    const admin = await loginAdmin(t);
    await t.http().get('/api/v1/rq/queues/stats').set('authorization', `Bearer ${admin}`).expect(200);
    await t.http().get('/metrics').expect(200);
    await t.http().get('/admin/queues/api/queues').set('authorization', `Bearer ${admin}`).expect(200);

    await privateRedis.stop();

    const stats = await t.http().get('/api/v1/rq/queues/stats').set('authorization', `Bearer ${admin}`).timeout(10_000);
    expect(stats.status).toBe(503);
    const metrics = await t.http().get('/metrics').timeout(10_000);
    expect(metrics.status).toBe(503);
    expect(metrics.body).toMatchObject({ success: false, error: { code: 'SERVICE_UNAVAILABLE' } });
    const board = await t.http().get('/admin/queues/api/queues').set('authorization', `Bearer ${admin}`).timeout(10_000);
    expect(board.status).toBe(503);
    expect(board.body).toMatchObject({ success: false, error: { code: 'SERVICE_UNAVAILABLE' } });
  });
});
