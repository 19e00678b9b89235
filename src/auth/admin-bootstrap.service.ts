import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../infra/config/app-config.js';
import { readOrCreatePrivateFile } from './data-dir-file.js';
import { PasswordHasher } from './password-hasher.js';
import { UsersRepository } from './users.repository.js';

export const DEV_ADMIN_EMAIL = 'admin@localhost';

/**
 * Ensures an admin at start. ADMIN_EMAIL + ADMIN_PASSWORD: that account exists, with that password, role admin,
 * enabled. Neither set outside production: admin@localhost with a random password, printed once and kept in
 * DATA_DIR/admin-credentials (mode 0600); later starts re-ensure the account from that file.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword } = this.config.auth;
    if (adminEmail && adminPassword) {
      await this.ensureAdmin(adminEmail, adminPassword);
      return;
    }
    if (this.config.isProduction) {
      this.logger.warn('No ADMIN_EMAIL / ADMIN_PASSWORD: no admin account is ensured');
      return;
    }
    await this.ensureDevAdmin();
  }

  private async ensureDevAdmin(): Promise<void> {
    const path = credentialsPath(this.config.dataDir);
    const { content, created } = await readOrCreatePrivateFile(
      path,
      () => `email=${DEV_ADMIN_EMAIL}\npassword=${randomBytes(18).toString('base64url')}\n`,
    );
    const saved = parseCredentials(content);
    if (!saved) throw new Error(`${path} lacks email= and password= lines; delete it to create a new admin`);
    await this.ensureAdmin(saved.email, saved.password);
    if (created) {
      process.stdout.write(
        `\n  Development admin created: ${saved.email} / ${saved.password}\n` +
          `  (shown once; kept in ${path}; set ADMIN_EMAIL and ADMIN_PASSWORD to choose your own)\n`,
      );
    }
  }

  /** Creates the admin, or sets its password and role (and enables it) if the email exists. */
  private async ensureAdmin(email: string, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    const existing = await this.users.findByEmail(email);
    if (!existing && (await this.users.insert(email, passwordHash, 'admin'))) return;
    // Exists, or another process inserted it a moment ago.
    const user = existing ?? (await this.users.findByEmail(email));
    if (user) await this.users.update(user.id, { passwordHash, role: 'admin', disabled: false });
  }
}

export function credentialsPath(dataDir: string): string {
  return join(dataDir, 'admin-credentials');
}

function parseCredentials(text: string): { email: string; password: string } | undefined {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) fields.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  const email = fields.get('email');
  const password = fields.get('password');
  return email && password ? { email, password } : undefined;
}
