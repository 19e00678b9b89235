import { JwtService } from '@nestjs/jwt';
import { loginAdmin, randomEmail, TEST_PASSWORD } from './support/auth.js';
import { createTestApp, type TestApp } from './support/test-app.js';

interface Pair {
  access_token: string;
  refresh_token: string;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const basic = (email: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`,
});

describe('Auth hardening (e2e): closed registration, admin-created users, password change, bounded hashing, iss/aud', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp({ RUN_WORKERS: 'false', REGISTRATION: 'closed', HASH_CONCURRENCY: '1', HASH_QUEUE_MAX: '2' });
    admin = await loginAdmin(t);
  });
  afterAll(async () => t?.close());

  const login = (email: string, password = TEST_PASSWORD) => t.http().post('/api/v1/auth/login').send({ email, password });
  const me = (token: string) => t.http().get('/api/v1/auth/me').set(bearer(token));
  async function createUser(role: 'user' | 'admin' = 'user'): Promise<{ id: string; email: string }> {
    const email = randomEmail();
    const res = await t.http().post('/api/v1/auth/users').set(bearer(admin)).send({ email, password: TEST_PASSWORD, role }).expect(201);
    expect(res.body.data).toMatchObject({ email, role, disabled: false });
    return { id: res.body.data.id as string, email };
  }
  async function loginPair(email: string, password = TEST_PASSWORD): Promise<Pair> {
    return (await login(email, password).expect(200)).body.data as Pair;
  }

  describe('REGISTRATION=closed', () => {
    it('answers 403 REGISTRATION_CLOSED to sign-ups, before any other check', async () => {
      for (const body of [{ email: randomEmail(), password: TEST_PASSWORD }, { email: 'admin@example.com', password: TEST_PASSWORD }]) {
        const res = await t.http().post('/api/v1/auth/register').send(body).expect(403);
        expect(res.body).toMatchObject({ success: false, error: { code: 'REGISTRATION_CLOSED' } });
      }
    });

    it('lets an admin create users (who can then log in), 409 for a taken email, 403 for a non-admin', async () => {
      const user = await createUser();
      const { access_token } = await loginPair(user.email);
      await me(access_token).expect(200);
      const taken = await t.http().post('/api/v1/auth/users').set(bearer(admin)).send({ email: user.email.toUpperCase(), password: TEST_PASSWORD });
      expect(taken.status).toBe(409);
      expect(taken.body.error.code).toBe('EMAIL_TAKEN');
      const refused = await t.http().post('/api/v1/auth/users').set(bearer(access_token)).send({ email: randomEmail(), password: TEST_PASSWORD });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      const invalid = await t.http().post('/api/v1/auth/users').set(bearer(admin)).send({ email: randomEmail(), password: 'short', role: 'root' });
      expect(invalid.status).toBe(400);
    });
  });

  describe('POST /api/v1/auth/password', () => {
    it('changes the password and revokes every other session of the user, keeping the caller’s', async () => {
      const user = await createUser();
      const mine = await loginPair(user.email);
      const other = await loginPair(user.email);
      const newPassword = 'a brand new passphrase';

      const res = await t
        .http()
        .post('/api/v1/auth/password')
        .set(bearer(mine.access_token))
        .send({ current_password: TEST_PASSWORD, new_password: newPassword })
        .expect(200);
      expect(res.body).toMatchObject({ success: true, data: null });

      await me(mine.access_token).expect(200);
      expect((await me(other.access_token).expect(401)).body.error.code).toBe('TOKEN_REVOKED');
      expect((await t.http().post('/api/v1/auth/refresh').send({ refresh_token: other.refresh_token }).expect(401)).body.error.code).toBe(
        'TOKEN_REVOKED',
      );
      await t.http().post('/api/v1/auth/refresh').send({ refresh_token: mine.refresh_token }).expect(200);
      expect((await login(user.email).expect(401)).body.error.code).toBe('INVALID_CREDENTIALS');
      await loginPair(user.email, newPassword);
    });

    it('answers 400 WRONG_PASSWORD for a wrong current password and changes nothing; 400 for a short new one', async () => {
      const user = await createUser();
      const { access_token } = await loginPair(user.email);
      const wrong = await t
        .http()
        .post('/api/v1/auth/password')
        .set(bearer(access_token))
        .send({ current_password: 'not-my-password', new_password: 'whatever long enough' })
        .expect(400);
      expect(wrong.body.error.code).toBe('WRONG_PASSWORD');
      const short = await t.http().post('/api/v1/auth/password').set(bearer(access_token)).send({ current_password: TEST_PASSWORD, new_password: 'short' });
      expect(short.status).toBe(400);
      expect(short.body.error.code).toBe('VALIDATION_ERROR');
      await me(access_token).expect(200);
      await loginPair(user.email);
      await t.http().post('/api/v1/auth/password').send({ current_password: TEST_PASSWORD, new_password: 'whatever long enough' }).expect(401);
    });

    it('ends a Basic dashboard session on the old password at once', async () => {
      const other = await createUser('admin');
      await t.http().get('/admin/queues/api/queues').set(basic(other.email, TEST_PASSWORD)).expect(200);
      const { access_token } = await loginPair(other.email);
      const newPassword = 'another new passphrase';
      await t.http().post('/api/v1/auth/password').set(bearer(access_token)).send({ current_password: TEST_PASSWORD, new_password: newPassword }).expect(200);
      await t.http().get('/admin/queues/api/queues').set(basic(other.email, TEST_PASSWORD)).expect(401);
      await t.http().get('/admin/queues/api/queues').set(basic(other.email, newPassword)).expect(200);
    });
  });

  it('refuses a burst of logins past the hashing bound with 503 BUSY and Retry-After, never a 500, and serves the rest', async () => {
    const user = await createUser();
    const answers = await Promise.all(Array.from({ length: 12 }, () => login(user.email)));
    const statuses = answers.map((res) => res.status);
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(3);
    const busy = answers.filter((res) => res.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const res of busy) {
      expect(res.body).toMatchObject({ success: false, error: { code: 'BUSY' } });
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    await loginPair(user.email);
  });

  it('refuses a token with the right secret but another issuer or audience (401 TOKEN_INVALID)', async () => {
    const claims = JSON.parse(Buffer.from(admin.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: t.config.auth.jwtIssuer, aud: t.config.auth.jwtAudience });
    const forge = (changes: Record<string, unknown>) => new JwtService({ secret: t.config.auth.jwtSecret }).sign({ ...claims, jti: `${String(claims.jti)}x`, ...changes });
    await me(forge({})).expect(200);
    for (const changes of [{ iss: 'another-system' }, { aud: 'another-api' }, { iss: undefined, aud: undefined }]) {
      const res = await me(forge(changes)).expect(401);
      expect(res.body.error.code).toBe('TOKEN_INVALID');
    }
  });
});

describe('Registration rate limit per client IP (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RUN_WORKERS: 'false', REGISTER_MAX_PER_HOUR: '3' });
  });
  afterAll(async () => t?.close());

  it('answers 429 RATE_LIMITED with Retry-After past REGISTER_MAX_PER_HOUR attempts, whatever X-Forwarded-For says', async () => {
    const register = (forwardedFor: string) =>
      t.http().post('/api/v1/auth/register').set('x-forwarded-for', forwardedFor).send({ email: randomEmail(), password: TEST_PASSWORD });
    for (let i = 0; i < 3; i++) expect((await register(`10.0.0.${i}`)).status).toBe(201);
    const limited = await register('10.9.9.9');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ success: false, error: { code: 'RATE_LIMITED' } });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3000);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    // Login is a separate limit: the accounts made still sign in.
    await t.http().post('/api/v1/auth/login').send({ email: t.config.auth.adminEmail, password: t.config.auth.adminPassword }).expect(200);
  });
});
