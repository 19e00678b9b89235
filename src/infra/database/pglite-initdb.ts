import { spawn } from 'node:child_process';
import { readdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const STAGING_PREFIX = '.initdb-';
const STDERR_KEPT_CHARS = 4_000;
// Runs in the child: initdb (PGlite creates a second WASM instance for it), one start, a clean close.
const INITDB_SCRIPT = `
const [moduleUrl, folder, startParams] = process.argv.slice(1);
const { PGlite } = await import(moduleUrl);
const db = await PGlite.create({ dataDir: folder, startParams: [...PGlite.defaultStartParams, ...JSON.parse(startParams)] });
await db.close();
`;

/**
 * Creates a new PGlite database folder at `folder` in a child process. initdb in-process left about 170 MiB of WASM
 * memories and compiled code that V8 does not hand back (an idle first `npm start` at 480 MiB against 350 on a
 * restart); in a child they go with it, and it runs while this process loads its modules. It works in a staging
 * folder renamed into place once initdb is done, so a crash never leaves a half-made database behind. The caller
 * owns the data directory (no other process initializes it meanwhile).
 */
export async function initdbInChildProcess(folder: string, startParams: string[]): Promise<void> {
  const parent = dirname(folder);
  const staging = join(parent, `${basename(folder)}${STAGING_PREFIX}${process.pid}`);
  await removeAbandonedStaging(parent, basename(folder));
  const moduleUrl = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  const child = spawn(process.execPath, ['--input-type=module', '-e', INITDB_SCRIPT, moduleUrl, staging, JSON.stringify(startParams)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-STDERR_KEPT_CHARS)));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) {
    await rm(staging, { recursive: true, force: true });
    throw new Error(`initdb of the embedded database failed (exit ${code}): ${stderr.trim() || 'no output'}`);
  }
  // rename(2) replaces an empty folder and refuses one with anything in it.
  await rename(staging, folder);
}

/** Staging folders of earlier starts that died during initdb. */
async function removeAbandonedStaging(parent: string, name: string): Promise<void> {
  const entries = await readdir(parent).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((entry) => entry.startsWith(`${name}${STAGING_PREFIX}`))
      .map((entry) => rm(join(parent, entry), { recursive: true, force: true })),
  );
}
