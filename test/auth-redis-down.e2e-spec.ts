import { registerAndLogin } from './support/auth.js';
import { type PrivateRedis, startPrivateRedis } from './support/private-redis.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('Auth with Redis stopped (e2e)', () => {
  let privateRedis: PrivateRedis;
  let t: TestApp;
  beforeAll(async () => {
    privateRedis = await startPrivateRedis();
    t = await createTestApp({ REDIS_URL: privateRedis.url, RUN_WORKERS: 'false' });
  });
  afterAll(async () => {
    await privateRedis.restart(); // the app's BullMQ connections wait for Redis forever: give them one to close on
    await t.close();
    await privateRedis.stop();
  });

  it('fails closed: a valid token gets 503, not 200, once Redis is down', async () => {
    const { token } = await registerAndLogin(t);
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(200);

    await privateRedis.stop();

    const started = Date.now();
    const res = await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ success: false, error: { code: 'SERVICE_UNAVAILABLE' } });
    expect(Date.now() - started).toBeLessThan(5000);

    const login = await t.http().post('/api/v1/auth/login').send({ email: 'anyone@example.com', password: 'whatever1' });
    expect(login.status).toBe(503);
  });

  it('still rejects a missing token with 401 (no Redis needed to know that)', async () => {
    await t.http().get('/api/v1/auth/me').expect(401);
  });
});
