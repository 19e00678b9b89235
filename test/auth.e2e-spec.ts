import { loginAdmin, randomEmail, registerAndLogin, TEST_PASSWORD } from './support/auth.js';
import { createTestApp, TestApp } from './support/test-app.js';

describe('Auth (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  describe('register', () => {
    it('creates a user with 201 and never returns the hash', async () => {
      const email = randomEmail();
      const res = await t.http().post('/api/v1/auth/register').send({ email, password: TEST_PASSWORD }).expect(201);
      expect(res.body).toMatchObject({ success: true, data: { email, role: 'user', disabled: false } });
      expect(JSON.stringify(res.body)).not.toMatch(/argon2|password/i);
    });

    it('answers 400 for an invalid email or a password under 8 characters', async () => {
      const bad = await t.http().post('/api/v1/auth/register').send({ email: 'nope', password: TEST_PASSWORD }).expect(400);
      expect(bad.body).toMatchObject({ success: false, error: { code: 'VALIDATION_ERROR' } });
      await t.http().post('/api/v1/auth/register').send({ email: randomEmail(), password: 'short' }).expect(400);
    });

    it('answers 409 for an existing email, whatever its case', async () => {
      const email = randomEmail();
      await t.http().post('/api/v1/auth/register').send({ email, password: TEST_PASSWORD }).expect(201);
      const res = await t
        .http()
        .post('/api/v1/auth/register')
        .send({ email: email.toUpperCase(), password: TEST_PASSWORD })
        .expect(409);
      expect(res.body).toMatchObject({ success: false, error: { code: 'EMAIL_TAKEN' } });
    });
  });

  describe('login', () => {
    it('returns a bearer pair that opens /auth/me', async () => {
      const email = randomEmail();
      await t.http().post('/api/v1/auth/register').send({ email, password: TEST_PASSWORD }).expect(201);
      const res = await t.http().post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
      expect(res.body.data).toMatchObject({ token_type: 'Bearer', expires_in: t.config.auth.accessTtlSeconds });
      expect(typeof res.body.data.access_token).toBe('string');
      expect(typeof res.body.data.refresh_token).toBe('string');
      const me = await t.http().get('/api/v1/auth/me').set(bearer(res.body.data.access_token)).expect(200);
      expect(me.body.data).toMatchObject({ email, role: 'user' });
    });

    it('answers 401 INVALID_CREDENTIALS alike for a wrong password and an unknown email', async () => {
      const { user } = await registerAndLogin(t);
      const wrong = await t.http().post('/api/v1/auth/login').send({ email: user.email, password: 'wrong-password' }).expect(401);
      const unknown = await t.http().post('/api/v1/auth/login').send({ email: randomEmail(), password: 'wrong-password' }).expect(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body).toMatchObject({ success: false, error: { code: 'INVALID_CREDENTIALS' } });
    });
  });

  describe('guard', () => {
    it('answers 401 UNAUTHENTICATED without a token', async () => {
      const res = await t.http().get('/api/v1/auth/me').expect(401);
      expect(res.body).toMatchObject({ success: false, error: { code: 'UNAUTHENTICATED' } });
    });

    it('answers 403 for a user on an admin route, 200 for the admin', async () => {
      const { token } = await registerAndLogin(t);
      const res = await t.http().get('/api/v1/auth/users').set(bearer(token)).expect(403);
      expect(res.body).toMatchObject({ success: false, error: { code: 'FORBIDDEN' } });
      const admin = await loginAdmin(t);
      await t.http().get('/api/v1/auth/users').set(bearer(admin)).expect(200);
    });

    it('leaves the health routes and the docs open', async () => {
      await t.http().get('/health/live').expect(200);
      await t.http().get('/docs-json').expect(200);
    });
  });
});
