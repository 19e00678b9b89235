import { loginAdmin, registerAndLogin } from './support/auth.js';
import { createTestApp, TestApp } from './support/test-app.js';

describe('Vectors API (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('rejects bad search values with 400', async () => {
    const { token } = await registerAndLogin(t);
    const bad = [{}, { query: '' }, { query: '   ' }, { query: 'x'.repeat(2001) }, { query: 'ok', top_k: 0 },
      { query: 'ok', top_k: 51 }, { query: 'ok', top_k: 'five' }, { query: 'ok', file_ids: ['not-a-uuid'] },
      { query: 'ok', extra: true }];
    for (const body of bad) {
      const res = await t.http().post('/api/v1/vectors/search').set('authorization', `Bearer ${token}`).send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.success).toBe(false);
    }
  });

  it('needs a bearer token', async () => {
    await t.http().post('/api/v1/vectors/search').send({ query: 'x' }).expect(401);
  });

  it('answers an empty result for a user without files', async () => {
    const { token } = await registerAndLogin(t);
    const res = await t.http().post('/api/v1/vectors/search').set('authorization', `Bearer ${token}`).send({ query: 'x' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, data: { results: [] } });
  });

  it('answers 404 for an unknown file and 400 for a malformed id', async () => {
    const admin = await loginAdmin(t);
    const auth = { authorization: `Bearer ${admin}` };
    await t.http().get('/api/v1/vectors/5b0e7c52-3f57-4c4b-9d7c-000000000000').set(auth).expect(404);
    await t.http().post('/api/v1/vectors/5b0e7c52-3f57-4c4b-9d7c-000000000000/regenerate').set(auth).expect(404);
    await t.http().get('/api/v1/vectors/not-a-uuid').set(auth).expect(400);
  });
});
