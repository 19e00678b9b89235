import { randomBytes } from 'node:crypto';
import { chmod, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createExclusiveFile } from './exclusive-file.js';

const PASSWORD_FILE = 'embedded-db.password';

/**
 * The password of DATA_DIR's embedded database: generated on first use into DATA_DIR (readable by its owner only)
 * and read from there by every process of that DATA_DIR, so only they can connect.
 */
export async function embeddedDbPassword(dataDir: string): Promise<string> {
  const file = join(dataDir, PASSWORD_FILE);
  await createExclusiveFile(file, `${randomBytes(24).toString('base64url')}\n`);
  await chmod(file, 0o600);
  return (await readFile(file, 'utf8')).trim();
}

/** For an in-memory database nobody else may use: a password that never leaves this process. */
export function ephemeralPassword(): string {
  return randomBytes(24).toString('base64url');
}
