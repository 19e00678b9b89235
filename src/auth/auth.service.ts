import { Injectable } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user.js';
import { AccountDisabledError, EmailTakenError, InvalidCredentialsError, TokenError } from './auth.errors.js';
import { UserRow } from './auth.schema.js';
import { TokenPairDto } from './dto/token-pair.dto.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionsService } from './sessions.service.js';
import { TokenBlacklistService } from './token-blacklist.service.js';
import { IssuedPair, TokenClaims } from './token.service.js';
import { UsersRepository } from './users.repository.js';

/** Register, login, refresh, logout: the account side of auth. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly blacklist: TokenBlacklistService,
    private readonly loginLimiter: LoginRateLimiter,
  ) {}

  async register(email: string, password: string): Promise<UserRow> {
    const user = await this.users.insert(email, await this.hasher.hash(password));
    if (!user) throw new EmailTakenError();
    return user;
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
