import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { initdbInChildProcess } from './pglite-initdb.js';

describe('initdbInChildProcess', () => {
  const dirs: string[] = [];
  const newParent = () => {
    const dir = mkdtempSync(join(tmpdir(), 'docai-initdb-'));
    dirs.push(dir);
    return dir;
  };

  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('creates the database folder in place of an empty one and removes staging folders a crashed start left', async () => {
    const parent = newParent();
    mkdirSync(join(parent, 'pgdata'));
    mkdirSync(join(parent, 'pgdata.initdb-99999'));
    await initdbInChildProcess(join(parent, 'pgdata'), ['-c', 'shared_buffers=16MB']);
    expect(existsSync(join(parent, 'pgdata', 'PG_VERSION'))).toBe(true);
    expect(readdirSync(parent)).toEqual(['pgdata']);
  }, 180_000);

  it("fails with the child's output and leaves neither the folder nor a staging folder when PGlite cannot start", async () => {
    const parent = newParent();
    await expect(initdbInChildProcess(join(parent, 'pgdata'), ['-c', 'no_such_setting_here=1'])).rejects.toThrow(
      /initdb of the embedded database failed \(exit \d+\)/,
    );
    expect(readdirSync(parent)).toEqual([]);
  }, 180_000);
});
