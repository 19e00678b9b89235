import { Injectable } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user.js';
import { AppConfig } from '../infra/config/app-config.js';
import {
  AccountDisabledError,
  InvalidCredentialsError,
  RegistrationClosedError,
  TokenError,
  WrongPasswordError,
} from './auth.errors.js';
import { UserRow } from './auth.schema.js';
import { TokenPairDto } from './dto/token-pair.dto.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { PasswordHasher } from './password-hasher.js';
import { RegistrationRateLimiter } from './registration-rate-limiter.js';
import { SessionsService } from './sessions.service.js';
import { TokenBlacklistService } from './token-blacklist.service.js';
import { IssuedPair, TokenClaims } from './token.service.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

/** Register, login, refresh, logout, password change: the account side of auth. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly blacklist: TokenBlacklistService,
    private readonly loginLimiter: LoginRateLimiter,
    private readonly registrationLimiter: RegistrationRateLimiter,
    private readonly accounts: UsersService,
    private readonly config: AppConfig,
  ) {}

  /** Self-service sign-up: 403 when REGISTRATION=closed, 429 past REGISTER_MAX_PER_HOUR attempts from one IP. */
  async register(email: string, password: string, ip: string): Promise<UserRow> {
    if (this.config.auth.registration === 'closed') throw new RegistrationClosedError();
    await this.registrationLimiter.consume(ip);
    return this.accounts.create(email, password);
  }

  async login(email: string, password: string, ip: string): Promise<TokenPairDto> {
    await this.loginLimiter.assertAllowed(email, ip);
    const user = await this.users.findByEmail(email);
    if (!(await this.hasher.verify(user?.passwordHash, password)) || !user) {
      await this.loginLimiter.recordFailure(email, ip);
      throw new InvalidCredentialsError();
    }
    await this.loginLimiter.recordSuccess(email);
    if (user.disabled) throw new AccountDisabledError();
    return this.toResponse(await this.sessions.start(user));
  }

  async refresh(refreshToken: string): Promise<TokenPairDto> {
    const claims = await this.sessions.verifyRefresh(refreshToken);
    const user = await this.users.findById(claims.sub);
    if (!user || user.disabled) {
      await this.sessions.revokeFamily(claims.sub, claims.fam);
      throw new TokenError('TOKEN_REVOKED', 'The account no longer exists or is disabled');
    }
    return this.toResponse(await this.sessions.rotate(refreshToken, claims, user));
  }

  /**
   * Sets a new password after checking the current one (wrong guesses count as failed logins, so a stolen token
   * cannot guess it), then revokes every other login of the user: only the caller's own session stays.
   */
  async changePassword(claims: TokenClaims, currentPassword: string, newPassword: string, ip: string): Promise<void> {
    await this.loginLimiter.assertAllowed(claims.email, ip);
    const user = await this.users.findById(claims.sub);
    if (!user) throw new TokenError('TOKEN_REVOKED', 'The account no longer exists');
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      await this.loginLimiter.recordFailure(claims.email, ip);
      throw new WrongPasswordError();
    }
    await this.users.update(user.id, { passwordHash: await this.hasher.hash(newPassword) });
    await this.sessions.revokeOtherLogins(user.id, claims.fam);
  }

  /** Blacklists the presented access token and every token of its login. */
  async logout(accessToken: string, claims: TokenClaims): Promise<void> {
    await this.blacklist.addToBlacklist(accessToken, claims.exp);
    await this.sessions.revokeFamily(claims.sub, claims.fam);
  }

  async me(caller: AuthUser): Promise<UserRow> {
    const user = await this.users.findById(caller.id);
    if (!user) throw new TokenError('TOKEN_REVOKED', 'The account no longer exists');
    return user;
  }

  private toResponse(pair: IssuedPair): TokenPairDto {
    return {
      access_token: pair.access.token,
      refresh_token: pair.refresh.token,
      token_type: 'Bearer',
      expires_in: pair.access.ttlSeconds,
    };
  }
}
