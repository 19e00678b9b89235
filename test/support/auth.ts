import { randomBytes } from 'node:crypto';
import type { AuthUser } from '../../src/common/auth/auth-user.js';
import type { TestApp } from './test-app.js';

export const TEST_PASSWORD = 'test-password-123';

/** A fresh random email, unique per call. */
export function randomEmail(): string {
  return `user-${randomBytes(8).toString('hex')}@example.com`;
}

/** Registers a user (a fresh random email by default) and logs in: its access token and the user. */
export async function registerAndLogin(t: TestApp, email: string = randomEmail()): Promise<{ token: string; user: AuthUser }> {
  const registered = await t.http().post('/api/v1/auth/register').send({ email, password: TEST_PASSWORD });
  if (registered.status !== 201) throw new Error(`register ${email}: ${registered.status} ${JSON.stringify(registered.body)}`);
  const token = await login(t, email, TEST_PASSWORD);
  const { id, role } = registered.body.data as { id: string; role: AuthUser['role'] };
  return { token, user: { id, email: email.toLowerCase(), role } };
}

/** The access token of the admin ensured at start from ADMIN_EMAIL / ADMIN_PASSWORD (set by testEnv). */
export async function loginAdmin(t: TestApp): Promise<string> {
  const { adminEmail, adminPassword } = t.config.auth;
  if (!adminEmail || !adminPassword) throw new Error('loginAdmin needs ADMIN_EMAIL and ADMIN_PASSWORD in the test env');
  return login(t, adminEmail, adminPassword);
}

async function login(t: TestApp, email: string, password: string): Promise<string> {
  const res = await t.http().post('/api/v1/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body.data as { access_token: string }).access_token;
}
