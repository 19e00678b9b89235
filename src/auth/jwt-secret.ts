import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type AppConfig } from '../infra/config/app-config.js';
import { readOrCreatePrivateFile } from './data-dir-file.js';

/**
 * JWT_SECRET when set (required in production, checked by the config). Otherwise a secret generated once and kept
 * in DATA_DIR/jwt-secret (mode 0600), so a restart, and a worker sharing DATA_DIR, keep accepting issued tokens.
 */
export async function resolveJwtSecret(config: AppConfig): Promise<string> {
  if (config.auth.jwtSecret) return config.auth.jwtSecret;
  const path = join(config.dataDir, 'jwt-secret');
  const { content } = await readOrCreatePrivateFile(path, () => randomBytes(48).toString('base64url'));
  const secret = content.trim();
  if (secret.length < 32) throw new Error(`${path} holds a JWT secret shorter than 32 characters; delete it`);
  return secret;
}
