import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { Redis } from 'ioredis';
import request from 'supertest';
import { PgliteServer } from '../src/infra/database/pglite-server.js';
import { type Child, startNode } from './support/child-process.js';
import { compileForProcesses } from './support/compiled-src.js';
import { freePort, type PrivateRedis, startPrivateRedis } from './support/private-redis.js';
import { waitFor } from './support/wait-for.js';

const secret = (label: string) => `${label}-${randomBytes(12).toString('hex')}`;

/**
 * Issue 11 point 4: the API and a separate worker run with passwords in REDIS_URL and in the database URL (the
 * embedded database's, then a DATABASE_URL); nothing they print (banner, start lines, logs, start-up errors, Redis
 * outage lines) and no /health answer may contain a password. Passwords are random, so a hit cannot be chance.
 */
describe('No credential in the output of the API and worker processes', () => {
  const redisPassword = secret('redis-pw');
  const adminPassword = secret('admin-pw');
  const jwtSecret = secret('jwt-secret');
  const children: Child[] = [];
  const httpBodies: string[] = [];
  const dirs: string[] = [];
  let redis: PrivateRedis;
  let redisUrl: string;

  const requirePassword = async () => {
    const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await client.connect();
    await client.config('SET', 'requirepass', redisPassword);
    client.disconnect();
  };
  const baseEnv = (dataDir: string) => ({
    NODE_ENV: 'test',
    LOG_LEVEL: 'debug',
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
    DATA_DIR: dataDir,
    JWT_SECRET: jwtSecret,
    ADMIN_EMAIL: 'admin@example.com',
    ADMIN_PASSWORD: adminPassword,
    WORKER_HEARTBEAT_MS: '500',
  });
  const newDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'docai-secrets-'));
    dirs.push(dir);
    return dir;
  };
  const start = (entry: 'src/main.js' | 'src/worker.js', env: Record<string, string>) => {
    const child = startNode(entry, env);
    children.push(child);
    return child;
  };
  const get = async (api: string, path: string) => {
    const res = await request(api).get(path);
    httpBodies.push(res.text);
    return res;
  };
  const stopAll = async () => {
    for (const child of children) if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGTERM');
    await Promise.all(children.map((child) => child.exited));
  };
  const everythingPrinted = () => [...children.map((child) => child.output()), ...httpBodies].join('\n');

  beforeAll(async () => {
    await compileForProcesses();
    redis = await startPrivateRedis();
    await requirePassword();
    redisUrl = `redis://:${redisPassword}@127.0.0.1:${redis.port}/0`;
  });
  afterAll(async () => {
    await stopAll();
    await redis.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('embedded database shared by the API and a worker: banner, start lines, logs, a Redis outage and /health', async () => {
    const dataDir = newDataDir();
    const env = { ...baseEnv(dataDir), EMBEDDED_DB_PORT: String(await freePort()) };
    const port = await freePort();
    const apiProcess = start('src/main.js', { ...env, PORT: String(port), HOST: '127.0.0.1', RUN_WORKERS: 'false' });
    await apiProcess.waitForOutput(/Swagger/, 90_000);
    const worker = start('src/worker.js', env);
    await worker.waitForOutput(/worker ready/, 60_000);
    const api = `http://127.0.0.1:${port}`;
    const databasePassword = readFileSync(join(dataDir, 'embedded-db.password'), 'utf8').trim();

    const login = await request(api).post('/api/v1/auth/login').send({ email: 'admin@example.com', password: adminPassword });
    const token = login.body.data.access_token as string;
    const upload = await request(api)
      .post('/api/v1/files')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', Buffer.from('Ada Lovelace wrote about the Analytical Engine in London.\n'.repeat(30)), 'ada.txt');
    const fileId = upload.body.data.file_id as string;
    await waitFor(async () => {
      const res = await request(api).get(`/api/v1/files/${fileId}/status`).set('Authorization', `Bearer ${token}`);
      return ['completed', 'failed'].includes(res.body.data?.status);
    }, 60_000);
    expect((await get(api, '/health/ready')).status).toBe(200);

    await redis.stop();
    const down = await get(api, '/health/ready');
    expect(down.status).toBe(503);
    expect(down.body.error.details.reason).toEqual(expect.any(String));
    await redis.restart();
    await requirePassword();
    await waitFor(async () => (await get(api, '/health/ready')).status === 200, 30_000, 250);
    await stopAll();

    const printed = everythingPrinted();
    for (const credential of [redisPassword, databasePassword, adminPassword, jwtSecret]) {
      expect(printed).not.toContain(credential);
    }
    expect(apiProcess.output()).toContain(`redis://:***@127.0.0.1:${redis.port}/0`);
    expect(apiProcess.output()).toMatch(/Database\s+embedded PGlite .* postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres/);
    expect(worker.output()).toContain(`redis redis://:***@127.0.0.1:${redis.port}/0 (configured); database embedded-shared`);
  }, 240_000);

  it('DATABASE_URL with a password: the API and a worker, and a worker whose start fails on a wrong password', async () => {
    const databasePassword = secret('db-pw');
    const wrongPassword = secret('wrong-pw');
    const db = await PGlite.create({ dataDir: 'memory://', extensions: { vector } });
    const server = new PgliteServer(db, databasePassword);
    const databasePort = await server.start(0);
    const databaseUrl = (password: string) => `postgres://postgres:${password}@127.0.0.1:${databasePort}/postgres`;
    try {
      const env = { ...baseEnv(newDataDir()), DATABASE_URL: databaseUrl(databasePassword) };
      const port = await freePort();
      const apiProcess = start('src/main.js', { ...env, PORT: String(port), HOST: '127.0.0.1', RUN_WORKERS: 'false' });
      await apiProcess.waitForOutput(/Swagger/, 90_000);
      await start('src/worker.js', env).waitForOutput(/worker ready/, 60_000);
      expect((await get(`http://127.0.0.1:${port}`, '/health/ready')).status).toBe(200);
      const refused = start('src/worker.js', { ...env, DATABASE_URL: databaseUrl(wrongPassword) });
      expect(await refused.exited).toBe(1);
      expect(refused.output()).toContain('password authentication failed');
      await stopAll();

      const printed = everythingPrinted();
      for (const credential of [redisPassword, databasePassword, wrongPassword, adminPassword, jwtSecret]) {
        expect(printed).not.toContain(credential);
      }
      expect(apiProcess.output()).toContain('PostgreSQL at DATABASE_URL');
    } finally {
      await stopAll();
      await server.stop();
      await db.close();
    }
  }, 180_000);
});
