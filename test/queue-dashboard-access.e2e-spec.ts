import { Redis } from 'ioredis';
import { RedisKeys } from '../src/infra/redis/redis-keys.js';
import { loginAdmin, registerAndLogin, TEST_PASSWORD } from './support/auth.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

const basic = (email: string, password: string) => `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;

describe('Queue dashboard access: admins only, HTTP Basic honours account changes at once (e2e)', () => {
  let t: TestApp;
  let redis: Redis;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp({ RUN_WORKERS: 'true' });
    redis = t.app.get(Redis);
    admin = await loginAdmin(t);
  });
  afterAll(async () => t?.close());

  const board = (authorization: string) => t.http().get('/admin/queues/api/queues').set('authorization', authorization);
  const patchUser = (id: string, body: object) =>
    t.http().patch(`/api/v1/auth/users/${id}`).set('authorization', `Bearer ${admin}`).send(body).expect(200);

  /** A user made admin by the admin, so the tests can demote and disable it. */
  async function secondAdmin(): Promise<{ id: string; email: string; token: string }> {
    const { user, token } = await registerAndLogin(t);
    await patchUser(user.id, { role: 'admin' });
    return { id: user.id, email: user.email, token };
  }

  it('refuses a signed-in user with 403 in the envelope on pages, assets and the JSON API, by bearer or Basic', async () => {
    const { user, token } = await registerAndLogin(t);
    for (const authorization of [`Bearer ${token}`, basic(user.email, TEST_PASSWORD)]) {
      for (const path of ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/api/queues/file_processing/1']) {
        const res = await t.http().get(path).set('authorization', authorization).expect(403);
        expect(res.body).toEqual({ success: false, message: expect.any(String), error: { code: 'FORBIDDEN' } });
        expect(res.text).not.toContain('file_processing"');
      }
    }
    await board(`Bearer ${admin}`).expect(200);
  });

  it('starts one session for many Basic requests, not one per request', async () => {
    const other = await secondAdmin();
    const before = await redis.zcard(RedisKeys.userTokens(other.id));
    const authorization = basic(other.email, TEST_PASSWORD);
    await Promise.all([board(authorization).expect(200), board(authorization).expect(200)]);
    for (let i = 0; i < 5; i++) await board(authorization).expect(200);
    // One login: its access and refresh token.
    expect((await redis.zcard(RedisKeys.userTokens(other.id))) - before).toBe(2);
  });

  it('honours demote, disable and revoked sessions at the very next Basic request', async () => {
    const other = await secondAdmin();
    const authorization = basic(other.email, TEST_PASSWORD);
    await board(authorization).expect(200);

    await patchUser(other.id, { role: 'user' });
    await board(authorization).expect(403);
    await patchUser(other.id, { role: 'admin' });
    await board(authorization).expect(200);

    await patchUser(other.id, { disabled: true });
    await board(authorization).expect(401);
    await patchUser(other.id, { disabled: false });
    await board(authorization).expect(200);

    const sessionsBefore = await redis.zrange(RedisKeys.userTokens(other.id), 0, -1);
    await t.http().post(`/api/v1/auth/users/${other.id}/revoke-sessions`).set('authorization', `Bearer ${admin}`).expect(202);
    await waitFor(async () => (await redis.zcard(RedisKeys.userTokens(other.id))) === 0);
    // Still the right password: a new session (a real login) replaces the revoked one.
    await board(authorization).expect(200);
    const sessionsAfter = await redis.zrange(RedisKeys.userTokens(other.id), 0, -1);
    expect(sessionsAfter).toHaveLength(2);
    expect(sessionsAfter.filter((hash) => sessionsBefore.includes(hash))).toEqual([]);
  });

  it('answers 401 with a Basic challenge to a wrong password, every time', async () => {
    const other = await secondAdmin();
    await board(basic(other.email, TEST_PASSWORD)).expect(200);
    for (let i = 0; i < 2; i++) {
      const res = await board(basic(other.email, 'wrong-password')).expect(401);
      expect(res.headers['www-authenticate']).toMatch(/^Basic /);
    }
  });
});
