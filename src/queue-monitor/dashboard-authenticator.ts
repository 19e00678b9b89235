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

/** A verified Basic login is trusted this long, so a browser loading the board does not log in per asset. */
const BASIC_CACHE_MS = 60_000;
const BASIC_CACHE_MAX = 1000;

/**
 * Who is calling the dashboard (served by Express outside Nest's guards): a bearer access token (verified and
 * checked against the blacklist as the API guard does), or HTTP Basic with an account's email and password (a real
 * login, so the login rate limit and disabled accounts apply).
 */
@Injectable()
export class DashboardAuthenticator {
  private readonly basicCache = new Map<string, { caller: DashboardCaller; until: number }>();

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
    const cached = this.basicCache.get(key);
    if (cached && cached.until > Date.now()) return cached.caller;
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) return undefined;
    let accessToken: string;
    try {
      accessToken = (await this.auth.login(decoded.slice(0, colon), decoded.slice(colon + 1), ip)).access_token;
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 401 || status === 403) return undefined; // wrong password, disabled account
      throw error; // rate limited (429), Redis or the database down (503)
    }
    const caller = await this.fromBearer(accessToken);
    if (caller) {
      if (this.basicCache.size >= BASIC_CACHE_MAX) this.basicCache.clear();
      this.basicCache.set(key, { caller, until: Date.now() + BASIC_CACHE_MS });
    }
    return caller;
  }
}
