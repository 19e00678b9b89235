import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import pg from 'pg';
import { freePort } from '../../../test/support/private-redis.js';
import { testEnv } from '../../../test/support/test-env.js';
import { loadConfig } from '../config/app-config.js';
import { resolveDatabase } from './database-resolver.js';
import type { DatabaseTarget } from './database-target.js';

describe('resolveDatabase (embedded PGlite found through DATA_DIR)', () => {
  const dirs: string[] = [];
  const targets: DatabaseTarget[] = [];
  const newDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'docai-db-owner-'));
    dirs.push(dir);
    return dir;
  };
  const resolve = async (dataDir: string, port: number) => {
    const target = await resolveDatabase(loadConfig(testEnv({ DATA_DIR: dataDir, EMBEDDED_DB_PORT: String(port) })));
    targets.push(target);
    return target;
  };
  const query = async (url: string, sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };

  afterEach(async () => {
    for (const target of targets.splice(0).reverse()) await target.stop();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  it("serves DATA_DIR's database behind DATA_DIR's password (0600) to the processes of that DATA_DIR only, whatever answers on the port", async () => {
    const port = await freePort();
    const first = newDataDir();
    const owner = await resolve(first, port);
    expect(owner.source).toBe('embedded');
    expect(statSync(join(first, 'embedded-db.password')).mode & 0o777).toBe(0o600);
    const withoutPassword = new URL(owner.url);
    withoutPassword.password = '';
    await expect(query(withoutPassword.toString(), 'select 1')).rejects.toThrow();
    await query(owner.url, "create table marker(label text); insert into marker values ('first')");

    const sameDir = await resolve(first, port);
    expect(sameDir.source).toBe('embedded-shared');
    expect(await query(sameDir.url, 'select label from marker')).toEqual([{ label: 'first' }]);

    const otherDir = await resolve(newDataDir(), port);
    expect(otherDir.source).toBe('embedded');
    expect(new URL(otherDir.url).port).not.toBe(String(port));
    expect(await query(otherDir.url, "select to_regclass('marker') as found")).toEqual([{ found: null }]);
  }, 180_000); // two embedded databases are created and migrated: a minute under CI load

  it('gives the embedded database the buffer pool EMBEDDED_DB_SHARED_BUFFERS_MB asks for (16 MB by default)', async () => {
    const sharedBuffers = async (extra: Record<string, string>) => {
      const target = await resolveDatabase(loadConfig(testEnv({ EMBEDDED_DB_PORT: '0', ...extra })));
      targets.push(target);
      return (await query(target.url, 'show shared_buffers'))[0];
    };
    expect(await sharedBuffers({})).toEqual({ shared_buffers: '16MB' });
    expect(await sharedBuffers({ EMBEDDED_DB_SHARED_BUFFERS_MB: '24' })).toEqual({ shared_buffers: '24MB' });
  }, 120_000);

  it('waits for a live owner that does not serve yet (one log line), never opens the folder while it lives, and takes it over once the owner died', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const dataDir = newDataDir();
    const liveOwner = spawn('sleep', ['60'], { stdio: 'ignore' });
    writeFileSync(join(dataDir, 'embedded-db.owner.json'), JSON.stringify({ pid: liveOwner.pid }));
    let settled = false;
    const waiting = resolve(dataDir, await freePort()).finally(() => (settled = true));

    await sleep(1_500);
    expect(settled).toBe(false);
    expect(existsSync(join(dataDir, 'pgdata'))).toBe(false);
    const lines = warn.mock.calls.map((call) => String(call[0]));
    expect(lines.filter((line) => line.includes('waiting for it'))).toHaveLength(1);
    expect(lines[0]).toContain(`process ${liveOwner.pid}`);

    liveOwner.kill('SIGKILL');
    const target = await waiting;
    expect(target.source).toBe('embedded');
    expect(existsSync(join(dataDir, 'pgdata'))).toBe(true);
  });
});
