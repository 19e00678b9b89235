import { randomUUID } from 'node:crypto';
import { registerAndLogin } from './support/auth.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe("POST /api/v1/files/upload, the original system's upload route (e2e)", () => {
  let t: TestApp;
  let auth: string;
  beforeAll(async () => {
    t = await createTestApp({ RUN_WORKERS: 'false' });
    auth = `Bearer ${(await registerAndLogin(t)).token}`;
  });
  afterAll(async () => t?.close());

  it('takes an upload with the contract of POST /api/v1/files: 202 queued, then the same content is a duplicate there', async () => {
    const content = Buffer.from(`alias ${randomUUID()}: Ada Lovelace met Charles Babbage.`);
    const accepted = await t.http().post('/api/v1/files/upload').set('authorization', auth).attach('file', content, 'notes.txt').expect(202);
    expect(accepted.body).toMatchObject({ success: true, data: { file_id: expect.any(String), job_id: expect.any(String), status: 'queued' } });
    const again = await t.http().post('/api/v1/files').set('authorization', auth).attach('file', content, 'again.txt').expect(200);
    expect(again.body.data).toMatchObject({ file_id: accepted.body.data.file_id, duplicate: true });
  });

  it('answers bad uploads in the envelope as the main route does', async () => {
    const empty = await t.http().post('/api/v1/files/upload').set('authorization', auth).attach('file', Buffer.alloc(0), 'empty.txt');
    expect([empty.status, empty.body.error?.code]).toEqual([422, 'EMPTY_FILE']);
    const binary = await t.http().post('/api/v1/files/upload').set('authorization', auth).attach('file', Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), 'a.txt');
    expect([binary.status, binary.body.error?.code]).toEqual([415, 'UNSUPPORTED_FILE_TYPE']);
    await t.http().post('/api/v1/files/upload').attach('file', Buffer.from('x'), 'a.txt').expect(401);
  });

  it('is documented in Swagger with the same request and answers, as the original route', async () => {
    const { paths } = (await t.http().get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, Record<string, unknown>>> };
    const alias = paths['/api/v1/files/upload']?.post;
    const main = paths['/api/v1/files']?.post;
    expect(alias).toBeDefined();
    expect(alias.requestBody).toEqual(main.requestBody);
    expect(alias.responses).toEqual(main.responses);
    expect(String(alias.description)).toContain("POST /api/v1/files/upload is the original system's route");
  });
});
