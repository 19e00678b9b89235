import { jest } from '@jest/globals';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { createTestApp, type TestApp } from './support/test-app.js';

// Development defaults: no ADMIN_EMAIL / ADMIN_PASSWORD / JWT_SECRET (empty values count as unset).
const DEV = { ADMIN_EMAIL: '', ADMIN_PASSWORD: '', JWT_SECRET: '', RUN_WORKERS: 'false' };

describe('Auth development defaults (e2e)', () => {
  let first: TestApp;
  let second: TestApp | undefined;
  let printed = '';
  beforeAll(async () => {
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed += String(chunk);
      return true;
    });
    try {
      first = await createTestApp(DEV);
    } finally {
      spy.mockRestore();
    }
  });
  afterAll(async () => {
    await second?.close();
    await first.close();
  });

  async function credentials(): Promise<{ email: string; password: string }> {
    const text = await readFile(join(first.config.dataDir, 'admin-credentials'), 'utf8');
    const email = /^email=(.+)$/m.exec(text)?.[1];
    const password = /^password=(.+)$/m.exec(text)?.[1];
    if (!email || !password) throw new Error(`unexpected admin-credentials: ${text}`);
    return { email, password };
  }

  it('creates admin@localhost with a random password, kept in DATA_DIR/admin-credentials (0600) and printed once', async () => {
    const path = join(first.config.dataDir, 'admin-credentials');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const { email, password } = await credentials();
    expect(email).toBe('admin@localhost');
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(printed).toContain(`admin@localhost / ${password}`);

    const login = await first.http().post('/api/v1/auth/login').send({ email, password }).expect(200);
    await first
      .http()
      .get('/api/v1/auth/users')
      .set('Authorization', `Bearer ${login.body.data.access_token}`)
      .expect(200);
  });

  it('generates a JWT secret under DATA_DIR (0600) that a second process sharing DATA_DIR uses too', async () => {
    const path = join(first.config.dataDir, 'jwt-secret');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await readFile(path, 'utf8')).trim().length).toBeGreaterThanOrEqual(32);

    const { email, password } = await credentials();
    const login = await first.http().post('/api/v1/auth/login').send({ email, password }).expect(200);

    let printedAgain = '';
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printedAgain += String(chunk);
      return true;
    });
    try {
      second = await createTestApp({ ...DEV, DATA_DIR: first.config.dataDir });
    } finally {
      spy.mockRestore();
    }
    expect(printedAgain).not.toContain(password); // printed once only
    expect(second.app.get(JwtService).verify(login.body.data.access_token)).toMatchObject({ typ: 'access' });
    // The second system ensures the same admin from the saved file.
    await second.http().post('/api/v1/auth/login').send({ email, password }).expect(200);
  });
});
