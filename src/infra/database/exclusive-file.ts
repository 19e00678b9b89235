import { randomBytes } from 'node:crypto';
import { link, unlink, writeFile } from 'node:fs/promises';

/**
 * Creates `path` with `content` (mode 0600) unless it exists; false if it does. Readers never see it half-written:
 * the content goes to a temporary file first, and link() publishes it atomically.
 */
export async function createExclusiveFile(path: string, content: string): Promise<boolean> {
  const temporary = `${path}.${randomBytes(4).toString('hex')}`;
  await writeFile(temporary, content, { mode: 0o600 });
  try {
    await link(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temporary);
  }
}
