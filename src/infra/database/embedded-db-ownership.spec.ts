import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BUILD_DIR, compileForProcesses } from '../../../test/support/compiled-src.js';
import { EmbeddedDbOwnership } from './embedded-db-ownership.js';

const run = promisify(execFile);
const OWNER_FILE = 'embedded-db.owner.json';

/** A separate process that claims `dataDir`, prints "owner" or "client", and stays alive a moment. */
function claimInChild(dataDir: string): Promise<string> {
  const module = join(BUILD_DIR, 'src/infra/database/embedded-db-ownership.js');
  const script =
    `const { EmbeddedDbOwnership } = await import(${JSON.stringify(module)});` +
    `const owner = await new EmbeddedDbOwnership(${JSON.stringify(dataDir)}).claim();` +
    `console.log(owner ? 'client' : 'owner'); await new Promise((r) => setTimeout(r, 1500));`;
  return run(process.execPath, ['--input-type=module', '-e', script], { timeout: 20_000 }).then(({ stdout }) => stdout.trim());
}

describe('EmbeddedDbOwnership', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'docai-ownership-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('gives a stale folder to exactly one of several processes claiming it at once', async () => {
    await compileForProcesses();
    const dead = spawn('true', { stdio: 'ignore' });
    await new Promise((done) => dead.once('exit', done));
    writeFileSync(join(dataDir, OWNER_FILE), JSON.stringify({ pid: dead.pid, port: 1 }));
    const answers = await Promise.all(Array.from({ length: 6 }, () => claimInChild(dataDir)));
    expect(answers.filter((answer) => answer === 'owner')).toHaveLength(1);
    expect(answers.filter((answer) => answer === 'client')).toHaveLength(5);
  });

  it("takes a file bearing this process's pid that it does not hold (left by an earlier life of the pid)", async () => {
    writeFileSync(join(dataDir, OWNER_FILE), JSON.stringify({ pid: process.pid, port: 1 }));
    const ownership = new EmbeddedDbOwnership(dataDir);
    await expect(ownership.claim()).resolves.toBeUndefined();
    await expect(new EmbeddedDbOwnership(dataDir).claim()).resolves.toMatchObject({ pid: process.pid });
    await ownership.publish(4321);
    await expect(new EmbeddedDbOwnership(dataDir).claim()).resolves.toMatchObject({ pid: process.pid, port: 4321 });
    await ownership.release();
    expect(existsSync(join(dataDir, OWNER_FILE))).toBe(false);
  });

  it('breaks a damaged owner file', async () => {
    writeFileSync(join(dataDir, OWNER_FILE), '{"pid": 12');
    const ownership = new EmbeddedDbOwnership(dataDir);
    await expect(ownership.claim()).resolves.toBeUndefined();
    await ownership.release();
  });
});
