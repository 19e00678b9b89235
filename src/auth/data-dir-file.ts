import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Reads a private file (mode 0600) under DATA_DIR, creating it with `make()` if missing. Written aside, then linked
 * into place: of two processes starting together (API and worker), one wins and both read the winner's content.
 */
export async function readOrCreatePrivateFile(
  path: string,
  make: () => string,
): Promise<{ content: string; created: boolean }> {
  const existing = await readIfExists(path);
  if (existing !== undefined) return { content: existing, created: false };
  await mkdir(dirname(path), { recursive: true });
  const candidate = `${path}.${process.pid}.tmp`;
  await writeFile(candidate, make(), { mode: 0o600 });
  let created = false;
  try {
    await link(candidate, path);
    created = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(candidate, { force: true });
  }
  return { content: await readFile(path, 'utf8'), created };
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
