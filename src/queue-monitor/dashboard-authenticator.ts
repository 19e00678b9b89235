import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UserRole } from '../common/auth/auth-user.js';
import { AuthService } from '../auth/auth.service.js';
import { TokenBlacklistService } from '../auth/token-blacklist.service.js';
import { TokenService } from '../auth/token.service.js';

export interface DashboardCaller {
  email: string;
  role: UserRole;
}

/** Basic logins remembered (by sha256 of the credentials) at most this many; the oldest is forgotten first. */
const BASIC_SESSIONS_MAX = 1000;

/**
 * Who is calling the dashboard (served by Express outside Nest's guards): a bearer access token (verified and
 * checked against the blacklist as the API guard does), or HTTP Basic with an account's email and password.
 *
 * A Basic login is a real login (rate limit, disabled accounts), done once: its access token is kept per credentials
 * and checked like a bearer token on every request, so the browser's many requests share one session, and disabling,
 * demoting (both revoke the sessions), revoking sessions or changing the password ends it at the next request.
 */
@Injectable()
export class DashboardAuthenticator {
  private readonly basicSessions = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly auth: AuthService,
    private readonly tokens: TokenService,
    private readonly blacklist: TokenBlacklistService,
  ) {}

  /** The caller, or undefined when the credentials are missing or wrong. Rate limits throw (429). */
  async authenticate(authorization: string | undefined, ip: string): Promise<DashboardCaller | undefined> {
    const [scheme, value] = (authorization ?? '').trim().split(/\s+/, 2);
    if (!value) return undefined;
    if (/^bearer$/i.test(scheme)) return this.fromBearer(value);
    if (/^basic$/i.test(scheme)) return this.fromBasic(value, ip);
    return undefined;
  }

  private async fromBearer(token: string): Promise<DashboardCaller | undefined> {
    let claims: { email: string; role: UserRole };
    try {
      claims = this.tokens.verify(token, 'access');
    } catch {
      return undefined;
    }
    // A blacklist lookup that fails (Redis down) propagates: 503, never a pass.
    if (await this.blacklist.isBlacklisted(token)) return undefined;
    return { email: claims.email, role: claims.role };
  }

  private async fromBasic(encoded: string, ip: string): Promise<DashboardCaller | undefined> {
    const key = createHash('sha256').update(encoded).digest('hex');
    const remembered = this.basicSessions.get(key);
    const rememberedToken = await remembered?.catch(() => undefined);
    const caller = rememberedToken ? await this.fromBearer(rememberedToken) : undefined;
    if (caller) return caller;
    // Revoked, expired or never logged in: log in again (which checks the password and the account). Concurrent
    // requests with the same credentials share that login, so a page's parallel requests start one session.
    if (this.basicSessions.get(key) === remembered) this.remember(key, this.login(encoded, ip));
    const token = await this.basicSessions.get(key);
    if (!token) return undefined;
    return this.fromBearer(token);
  }

  private remember(key: string, login: Promise<string | undefined>): void {
    this.basicSessions.delete(key);
    if (this.basicSessions.size >= BASIC_SESSIONS_MAX) {
      this.basicSessions.delete(this.basicSessions.keys().next().value as string);
    }
    this.basicSessions.set(key, login);
  }

  private async login(encoded: string, ip: string): Promise<string | undefined> {
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) return undefined;
    try {
      return (await this.auth.login(decoded.slice(0, colon), decoded.slice(colon + 1), ip)).access_token;
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 401 || status === 403) return undefined; // wrong password, disabled account
      throw error; // rate limited (429), busy (503), Redis or the database down (503)
    }
  }
}
