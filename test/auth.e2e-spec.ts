import { createHash } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { Redis } from 'ioredis';
import { RevokeUserSessionsJob } from '../src/auth/auth.jobs.js';
import { RedisKeys } from '../src/infra/redis/redis-keys.js';
import { TaskQueueService } from '../src/infra/queue/task-queue.service.js';
import { loginAdmin, randomEmail, registerAndLogin, TEST_PASSWORD } from './support/auth.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

interface Pair {
  access_token: string;
  refresh_token: string;
}

describe('Auth (e2e)', () => {
  let t: TestApp;
  let redis: Redis;
  beforeAll(async () => {
    t = await createTestApp();
    redis = t.app.get(Redis);
  });
  afterAll(async () => t.close());

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const me = (token: string) => t.http().get('/api/v1/auth/me').set(bearer(token));
  const refresh = (refreshToken: string) => t.http().post('/api/v1/auth/refresh').send({ refresh_token: refreshToken });

  async function registerUser(email = randomEmail()): Promise<{ id: string; email: string }> {
    const res = await t.http().post('/api/v1/auth/register').send({ email, password: TEST_PASSWORD }).expect(201);
    return { id: res.body.data.id, email };
  }

  async function loginPair(email: string, password = TEST_PASSWORD): Promise<Pair> {
    const res = await t.http().post('/api/v1/auth/login').send({ email, password }).expect(200);
    return res.body.data as Pair;
  }

  /** Signs claims with the app's own secret (or another), as a forger or a clock would. */
  function sign(claims: Record<string, unknown>, options: { secret?: string; algorithm?: 'HS256' | 'HS512' } = {}) {
    const jwt = new JwtService({ secret: options.secret ?? t.config.auth.jwtSecret });
    return jwt.sign(claims, { algorithm: options.algorithm ?? 'HS256' });
  }

  function claimsOf(token: string): Record<string, unknown> {
    return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
  }

  async function expect401(token: string, code: string): Promise<void> {
    const res = await me(token).expect(401);
    expect(res.body).toMatchObject({ success: false, error: { code } });
  }

  describe('register', () => {
    it('creates a user with 201 and never returns the hash', async () => {
      const email = randomEmail();
      const res = await t.http().post('/api/v1/auth/register').send({ email, password: TEST_PASSWORD }).expect(201);
      expect(res.body).toMatchObject({ success: true, data: { email, role: 'user', disabled: false } });
      expect(Object.keys(res.body.data).sort()).toEqual(['created_at', 'disabled', 'email', 'id', 'role', 'updated_at']);
      expect(JSON.stringify(res.body)).not.toMatch(/argon2|password/i);
    });

    it('answers 400 for an invalid email or a password under 8 characters', async () => {
      const bad = await t.http().post('/api/v1/auth/register').send({ email: 'nope', password: TEST_PASSWORD }).expect(400);
      expect(bad.body).toMatchObject({ success: false, error: { code: 'VALIDATION_ERROR' } });
      const short = await t.http().post('/api/v1/auth/register').send({ email: randomEmail(), password: 'seven77' }).expect(400);
      expect(short.body.error.details).toEqual([{ field: 'password', errors: ['password must be at least 8 characters'] }]);
    });

    it('answers 409 EMAIL_TAKEN for an existing email, whatever its case', async () => {
      const { email } = await registerUser();
      const res = await t
        .http()
        .post('/api/v1/auth/register')
        .send({ email: email.toUpperCase(), password: TEST_PASSWORD })
        .expect(409);
      expect(res.body).toMatchObject({ success: false, error: { code: 'EMAIL_TAKEN' } });
    });
  });

  describe('login', () => {
    it('returns a bearer pair with the documented claims that opens /auth/me', async () => {
      const { id, email } = await registerUser();
      const res = await t.http().post('/api/v1/auth/login').send({ email: email.toUpperCase(), password: TEST_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ token_type: 'Bearer', expires_in: t.config.auth.accessTtlSeconds });
      const access = claimsOf(res.body.data.access_token);
      expect(access).toMatchObject({ sub: id, role: 'user', typ: 'access' });
      expect(access.exp).toBe((access.iat as number) + t.config.auth.accessTtlSeconds);
      expect(typeof access.jti).toBe('string');
      const refreshClaims = claimsOf(res.body.data.refresh_token);
      expect(refreshClaims).toMatchObject({ sub: id, typ: 'refresh' });
      expect(refreshClaims.exp).toBe((refreshClaims.iat as number) + t.config.auth.refreshTtlSeconds);
      const body = (await me(res.body.data.access_token).expect(200)).body;
      expect(body.data).toMatchObject({ id, email, role: 'user' });
    });

    it('answers 401 INVALID_CREDENTIALS alike for a wrong password and an unknown email', async () => {
      const { email } = await registerUser();
      const wrong = await t.http().post('/api/v1/auth/login').send({ email, password: 'wrong-password' }).expect(401);
      const unknown = await t.http().post('/api/v1/auth/login').send({ email: randomEmail(), password: 'wrong-password' }).expect(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body).toMatchObject({ success: false, error: { code: 'INVALID_CREDENTIALS' } });
    });
  });

  describe('guard: 401 codes', () => {
    it('answers UNAUTHENTICATED without a token, or with a non-bearer Authorization', async () => {
      const res = await t.http().get('/api/v1/auth/me').expect(401);
      expect(res.body).toMatchObject({ success: false, error: { code: 'UNAUTHENTICATED' } });
      const basic = await t.http().get('/api/v1/auth/me').set('Authorization', 'Basic dXNlcjpwYXNz').expect(401);
      expect(basic.body.error.code).toBe('UNAUTHENTICATED');
    });

    it('answers TOKEN_EXPIRED for an expired access token', async () => {
      const { token } = await registerAndLogin(t);
      const now = Math.floor(Date.now() / 1000);
      const expired = sign({ ...claimsOf(token), iat: now - 120, exp: now - 60 });
      await expect401(expired, 'TOKEN_EXPIRED');
    });

    it('answers TOKEN_INVALID for a bad signature', async () => {
      const { token } = await registerAndLogin(t);
      await expect401(sign(claimsOf(token), { secret: 'x'.repeat(64) }), 'TOKEN_INVALID');
      const [header, payload, signature] = token.split('.');
      const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
      await expect401([header, payload, flipped].join('.'), 'TOKEN_INVALID');
    });

    it('answers TOKEN_INVALID for alg none and for any algorithm but HS256', async () => {
      const { token } = await registerAndLogin(t);
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      const payload = token.split('.')[1];
      await expect401(`${header}.${payload}.`, 'TOKEN_INVALID');
      await expect401(`${header}.${payload}`, 'TOKEN_INVALID');
      await expect401(sign(claimsOf(token), { algorithm: 'HS512' }), 'TOKEN_INVALID');
    });

    it('answers TOKEN_INVALID for a malformed token', async () => {
      await expect401('not-a-jwt', 'TOKEN_INVALID');
      await expect401('a.b.c', 'TOKEN_INVALID');
    });

    it('answers TOKEN_INVALID for a refresh token used as an access token', async () => {
      const { email } = await registerUser();
      const pair = await loginPair(email);
      await expect401(pair.refresh_token, 'TOKEN_INVALID');
    });

    it('answers TOKEN_INVALID for an access token used as a refresh token', async () => {
      const { email } = await registerUser();
      const pair = await loginPair(email);
      const res = await refresh(pair.access_token).expect(401);
      expect(res.body.error.code).toBe('TOKEN_INVALID');
    });
  });

  describe('logout and the blacklist', () => {
    it('revokes the access token: reusing it answers 401 TOKEN_REVOKED', async () => {
      const { token } = await registerAndLogin(t);
      await me(token).expect(200);
      await t.http().post('/api/v1/auth/logout').set(bearer(token)).expect(200);
      await expect401(token, 'TOKEN_REVOKED');
    });

    it('revokes the refresh token of that login too', async () => {
      const { email } = await registerUser();
      const pair = await loginPair(email);
      await t.http().post('/api/v1/auth/logout').set(bearer(pair.access_token)).expect(200);
      const res = await refresh(pair.refresh_token).expect(401);
      expect(res.body.error.code).toBe('TOKEN_REVOKED');
    });

    it("keeps the blacklist key for the token's remaining lifetime, within a few seconds", async () => {
      const { token } = await registerAndLogin(t);
      await t.http().post('/api/v1/auth/logout').set(bearer(token)).expect(200);
      const key = RedisKeys.jwtBlacklist(createHash('sha256').update(token).digest('hex'));
      expect(key).toMatch(/^jwt:blacklist:[0-9a-f]{64}$/);
      const ttlMs = await redis.pttl(key);
      const remainingMs = (claimsOf(token).exp as number) * 1000 - Date.now();
      expect(ttlMs).toBeGreaterThan(0); // never persistent (-1), never missing (-2)
      expect(Math.abs(ttlMs - remainingMs)).toBeLessThan(3000);
    });

    it('leaves other logins of the same user alone', async () => {
      const { email } = await registerUser();
      const first = await loginPair(email);
      const second = await loginPair(email);
      await t.http().post('/api/v1/auth/logout').set(bearer(first.access_token)).expect(200);
      await me(second.access_token).expect(200);
      await refresh(second.refresh_token).expect(200);
    });
  });

  describe('refresh', () => {
    it('rotates: a new pair that works, and the old refresh token is revoked', async () => {
      const { email } = await registerUser();
      const first = await loginPair(email);
      const res = await refresh(first.refresh_token).expect(200);
      const second = res.body.data as Pair & { token_type: string };
      expect(second.token_type).toBe('Bearer');
      expect(second.refresh_token).not.toBe(first.refresh_token);
      expect(claimsOf(second.refresh_token).fam).toBe(claimsOf(first.refresh_token).fam);
      await me(second.access_token).expect(200);
      await refresh(second.refresh_token).expect(200);
    });

    it('on reuse of a rotated refresh token revokes every token of that login', async () => {
      const { email } = await registerUser();
      const first = await loginPair(email);
      const second = (await refresh(first.refresh_token).expect(200)).body.data as Pair;
      const other = await loginPair(email); // another login of the same user: not part of the family

      const reuse = await refresh(first.refresh_token).expect(401);
      expect(reuse.body.error.code).toBe('TOKEN_REVOKED');

      await expect401(first.access_token, 'TOKEN_REVOKED');
      await expect401(second.access_token, 'TOKEN_REVOKED');
      expect((await refresh(second.refresh_token).expect(401)).body.error.code).toBe('TOKEN_REVOKED');
      await me(other.access_token).expect(200);
    });

    it('treats two concurrent refreshes with one token as reuse: at most one succeeds, and the login ends', async () => {
      const { email } = await registerUser();
      const pair = await loginPair(email);
      const results = await Promise.all([refresh(pair.refresh_token), refresh(pair.refresh_token)]);
      expect(results.filter((r) => r.status === 200).length).toBeLessThanOrEqual(1);
      expect(results.filter((r) => r.status === 401 && r.body.error.code === 'TOKEN_REVOKED').length).toBeGreaterThanOrEqual(1);
      await expect401(pair.access_token, 'TOKEN_REVOKED');
      for (const winner of results.filter((r) => r.status === 200).map((r) => r.body.data as Pair)) {
        await expect401(winner.access_token, 'TOKEN_REVOKED');
        expect((await refresh(winner.refresh_token).expect(401)).body.error.code).toBe('TOKEN_REVOKED');
      }
    });

    it('answers 400 without a refresh_token', async () => {
      await t.http().post('/api/v1/auth/refresh').send({}).expect(400);
    });
  });

  describe('admin routes', () => {
    it('answers 403 FORBIDDEN for a user on an admin route, 200 for the admin', async () => {
      const { token } = await registerAndLogin(t);
      const res = await t.http().get('/api/v1/auth/users').set(bearer(token)).expect(403);
      expect(res.body).toMatchObject({ success: false, error: { code: 'FORBIDDEN' } });
      await t.http().post(`/api/v1/auth/users/${claimsOf(token).sub as string}/revoke-sessions`).set(bearer(token)).expect(403);
      const admin = await loginAdmin(t);
      await t.http().get('/api/v1/auth/users').set(bearer(admin)).expect(200);
    });

    it('lists users in pages', async () => {
      await registerUser();
      await registerUser();
      const admin = await loginAdmin(t);
      const res = await t.http().get('/api/v1/auth/users?page=1&page_size=2').set(bearer(admin)).expect(200);
      expect(res.body.data).toMatchObject({ page: 1, page_size: 2 });
      expect(res.body.data.users).toHaveLength(2);
      expect(res.body.data.total).toBeGreaterThanOrEqual(3);
      expect(JSON.stringify(res.body)).not.toMatch(/password/i);
      const page2 = await t.http().get('/api/v1/auth/users?page=2&page_size=2').set(bearer(admin)).expect(200);
      expect(page2.body.data.users[0].id).not.toBe(res.body.data.users[0].id);
      await t.http().get('/api/v1/auth/users?page_size=1000').set(bearer(admin)).expect(400);
    });

    it('disabling a user revokes their sessions and refuses their logins', async () => {
      const { token, user } = await registerAndLogin(t);
      const admin = await loginAdmin(t);
      const res = await t.http().patch(`/api/v1/auth/users/${user.id}`).set(bearer(admin)).send({ disabled: true }).expect(200);
      expect(res.body.data).toMatchObject({ id: user.id, disabled: true });
      await expect401(token, 'TOKEN_REVOKED');
      const login = await t.http().post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(403);
      expect(login.body.error.code).toBe('ACCOUNT_DISABLED');
      await t.http().patch(`/api/v1/auth/users/${user.id}`).set(bearer(admin)).send({ disabled: false }).expect(200);
      await loginPair(user.email);
    });

    it('promoting a user revokes their old tokens; a new login carries the new role', async () => {
      const { token, user } = await registerAndLogin(t);
      const admin = await loginAdmin(t);
      await t.http().patch(`/api/v1/auth/users/${user.id}`).set(bearer(admin)).send({ role: 'admin' }).expect(200);
      await expect401(token, 'TOKEN_REVOKED');
      const pair = await loginPair(user.email);
      await t.http().get('/api/v1/auth/users').set(bearer(pair.access_token)).expect(200);
    });

    it('refuses an admin demoting or disabling themselves, unknown ids and bad bodies', async () => {
      const admin = await loginAdmin(t);
      const self = claimsOf(admin).sub as string;
      const res = await t.http().patch(`/api/v1/auth/users/${self}`).set(bearer(admin)).send({ role: 'user' }).expect(409);
      expect(res.body.error.code).toBe('SELF_LOCKOUT');
      const missing = await t
        .http()
        .patch('/api/v1/auth/users/00000000-0000-4000-8000-000000000000')
        .set(bearer(admin))
        .send({ disabled: true })
        .expect(404);
      expect(missing.body.error.code).toBe('USER_NOT_FOUND');
      await t.http().patch('/api/v1/auth/users/not-a-uuid').set(bearer(admin)).send({ disabled: true }).expect(400);
      await t.http().patch(`/api/v1/auth/users/${self}`).set(bearer(admin)).send({ role: 'root' }).expect(400);
    });
  });

  describe('revoke-sessions job', () => {
    it("revokes every live token of the user and none of another user's", async () => {
      const target = await registerUser();
      const bystander = await registerUser();
      const logins = [await loginPair(target.email), await loginPair(target.email)];
      const rotated = (await refresh(logins[1].refresh_token).expect(200)).body.data as Pair;
      const untouched = await loginPair(bystander.email);
      const admin = await loginAdmin(t);

      const res = await t.http().post(`/api/v1/auth/users/${target.id}/revoke-sessions`).set(bearer(admin)).expect(202);
      expect(res.body.data).toEqual({ job_id: expect.any(String), status: 'queued' });

      const job = await t.app.get(TaskQueueService).getJob(RevokeUserSessionsJob.queue, res.body.data.job_id);
      expect(job?.name).toBe('revoke-user-sessions');
      await waitFor(async () => (await job!.getState()) === 'completed');

      for (const token of [logins[0].access_token, logins[1].access_token, rotated.access_token]) {
        await expect401(token, 'TOKEN_REVOKED');
      }
      for (const token of [logins[0].refresh_token, rotated.refresh_token]) {
        expect((await refresh(token).expect(401)).body.error.code).toBe('TOKEN_REVOKED');
      }
      await me(untouched.access_token).expect(200);
      await refresh(untouched.refresh_token).expect(200);
      await me(admin).expect(200);
    });

    it('answers 404 for an unknown user', async () => {
      const admin = await loginAdmin(t);
      await t
        .http()
        .post('/api/v1/auth/users/00000000-0000-4000-8000-000000000000/revoke-sessions')
        .set(bearer(admin))
        .expect(404);
    });
  });

  describe('live-token index', () => {
    it("indexes each user's live tokens by hash with their expiry, and drops revoked ones", async () => {
      const { id, email } = await registerUser();
      const pair = await loginPair(email);
      const key = RedisKeys.userTokens(id);
      const hash = (token: string) => createHash('sha256').update(token).digest('hex');
      expect(await redis.zscore(key, hash(pair.access_token))).toBe(String(claimsOf(pair.access_token).exp));
      expect(await redis.zscore(key, hash(pair.refresh_token))).toBe(String(claimsOf(pair.refresh_token).exp));
      const ttl = await redis.ttl(key);
      expect(Math.abs(ttl - t.config.auth.refreshTtlSeconds)).toBeLessThan(5); // expires with its last token
      await t.http().post('/api/v1/auth/logout').set(bearer(pair.access_token)).expect(200);
      expect(await redis.zcard(key)).toBe(0);
    });
  });

  describe('OpenAPI', () => {
    it('marks guarded routes with the bearer scheme and leaves public ones open', async () => {
      const { body } = await t.http().get('/docs-json').expect(200);
      expect(body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(body.paths['/api/v1/auth/me'].get.security).toEqual([{ bearer: [] }]);
      expect(body.paths['/api/v1/auth/users'].get.security).toEqual([{ bearer: [] }]);
      expect(body.paths['/api/v1/auth/login'].post.security).toBeUndefined();
      expect(body.paths['/api/v1/auth/register'].post.security).toBeUndefined();
      expect(body.paths['/health/live'].get.security).toBeUndefined();
      expect(JSON.stringify(body)).not.toContain('x-public');
    });
  });

  it('leaves the health routes and the docs open', async () => {
    await t.http().get('/health/live').expect(200);
    await t.http().get('/docs-json').expect(200);
  });
});
