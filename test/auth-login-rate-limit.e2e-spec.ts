import { jest } from '@jest/globals';
import { randomEmail, registerAndLogin, TEST_PASSWORD } from './support/auth.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// Counters are per QUEUE_PREFIX, which testEnv makes unique: these failures never reach another test system.
describe('Login rate limit (e2e, Redis counters)', () => {
  jest.setTimeout(120_000); // a dozen argon2id verifications per test
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ RUN_WORKERS: 'false' });
  });
  afterEach(async () => t.close());

  const login = (email: string, password: string) => t.http().post('/api/v1/auth/login').send({ email, password });

  it('answers 429 with Retry-After after 10 failed logins a minute for one email, even with the right password', async () => {
    expect(t.config.auth.loginMaxFailuresPerMinute).toBe(10);
    const { user } = await registerAndLogin(t);
    for (let i = 0; i < 10; i++) await login(user.email, 'wrong-password').expect(401);
    const res = await login(user.email, TEST_PASSWORD).expect(429);
    expect(res.body).toMatchObject({ success: false, error: { code: 'RATE_LIMITED' } });
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The email's case does not open a second counter.
    await login(user.email.toUpperCase(), TEST_PASSWORD).expect(429);
  });

  it('answers 429 after 10 failed logins a minute from one IP, across emails', async () => {
    for (let i = 0; i < 10; i++) await login(randomEmail(), 'wrong-password').expect(401);
    const res = await login(randomEmail(), 'wrong-password').expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // The admin's correct password does not get through either: the IP is blocked.
    await login(t.config.auth.adminEmail!, t.config.auth.adminPassword!).expect(429);
  });

  it('counts in Redis, so a second API instance on the same Redis and prefix sees the same count', async () => {
    const second = await createTestApp({ RUN_WORKERS: 'false', QUEUE_PREFIX: t.config.queue.prefix });
    try {
      const { user } = await registerAndLogin(t);
      for (let i = 0; i < 10; i++) await login(user.email, 'wrong-password').expect(401);
      await second.http().post('/api/v1/auth/login').send({ email: user.email, password: 'wrong-password' }).expect(429);
    } finally {
      await second.close();
    }
  });

  it('does not count successful logins, and a success clears the email count', async () => {
    const { user } = await registerAndLogin(t);
    for (let i = 0; i < 9; i++) await login(user.email, 'wrong-password').expect(401);
    await login(user.email, TEST_PASSWORD).expect(200);
    for (let i = 0; i < 5; i++) await login(user.email, TEST_PASSWORD).expect(200);
    await login(user.email, 'wrong-password').expect(401);
  });
});
