import { createTestApp, type TestApp } from './support/test-app.js';

describe('HTTP conventions (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('answers /health/ready with Redis and the database up', async () => {
    const res = await t.http().get('/health/ready').expect(200);
    expect(res.body).toEqual({ success: true, data: { status: 'ok', redis: 'up', database: 'up' }, message: 'OK' });
  });

  it('answers an unknown route with 404 in the error envelope', async () => {
    const res = await t.http().get('/api/v1/no-such-route').expect(404);
    expect(res.body).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers malformed JSON with 400 MALFORMED_JSON, no stack trace', async () => {
    const res = await t
      .http()
      .post('/api/v1/no-such-route')
      .set('content-type', 'application/json')
      .send('{bad json')
      .expect(400);
    expect(res.body).toMatchObject({ success: false, error: { code: 'MALFORMED_JSON' } });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js/);
  });

  it('serves the OpenAPI document at /docs-json', async () => {
    const res = await t.http().get('/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});
