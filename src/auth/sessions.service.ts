import { Injectable } from '@nestjs/common';
import { UserRole } from '../common/auth/auth-user.js';
import { TokenError } from './auth.errors.js';
import { TokenBlacklistService } from './token-blacklist.service.js';
import { hashToken, IssuedPair, TokenClaims, TokenService } from './token.service.js';
import { type TokenRecord, TokensRepository } from './tokens.repository.js';

const reuseDetected = () =>
  new TokenError('TOKEN_REVOKED', 'This refresh token was already used or revoked; the login is revoked');

interface SessionUser {
  id: string;
  email: string;
  role: UserRole;
}

/**
 * Logins as token families: a login issues an access and a refresh token; each refresh rotates both and revokes the
 * presented refresh token; presenting a revoked refresh token again (reuse) revokes every token of that login.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly tokenService: TokenService,
    private readonly tokens: TokensRepository,
    private readonly blacklist: TokenBlacklistService,
  ) {}

  async start(user: SessionUser): Promise<IssuedPair> {
    const pair = this.tokenService.issuePair(user);
    await this.tokens.recordIssued(user.id, pair.familyId, [pair.access, pair.refresh], pair.refresh);
    return pair;
  }

  /** Verifies a refresh token; a blacklisted one is reuse (or a revoked login) and takes its whole family down. */
  async verifyRefresh(refreshToken: string): Promise<TokenClaims> {
    const claims = this.tokenService.verify(refreshToken, 'refresh');
    if (await this.blacklist.isBlacklisted(refreshToken)) {
      await this.revokeFamily(claims.sub, claims.fam);
      throw reuseDetected();
    }
    return claims;
  }

  /** Issues the family's next pair and revokes the presented refresh token (`claims` from verifyRefresh). */
  async rotate(refreshToken: string, claims: TokenClaims, user: SessionUser): Promise<IssuedPair> {
    const next = this.tokenService.issuePair(user, claims.fam);
    // Atomic: of two refreshes racing with one token, one wins and the other counts as reuse.
    if (!(await this.tokens.rotateRefresh(claims.fam, hashToken(refreshToken), next.refresh))) {
      await this.revokeFamily(user.id, claims.fam);
      throw reuseDetected();
    }
    await this.blacklist.addToBlacklist(refreshToken, claims.exp);
    await this.tokens.recordIssued(user.id, claims.fam, [next.access, next.refresh]);
    // A reuse revoking the family meanwhile may have listed its tokens before ours were recorded: then we revoke ours.
    if (!(await this.tokens.isCurrentRefresh(claims.fam, next.refresh.hash))) {
      await this.revokeFamily(user.id, claims.fam);
      throw new TokenError('TOKEN_REVOKED', 'This login was revoked while refreshing');
    }
    return next;
  }

  /** Blacklists every token of one login (logout, refresh-token reuse). */
  async revokeFamily(userId: string, familyId: string): Promise<void> {
    // Closed before listing: a rotation recording tokens after our listing then sees the family closed (see rotate).
    await this.tokens.closeFamily(familyId);
    const members = await this.tokens.familyTokens(familyId);
    await this.blacklist.addHashesToBlacklist(members);
    await this.tokens.dropFamily(familyId);
    await this.tokens.unindexUserTokens(userId, members.map((m) => m.hash));
  }

  /** Blacklists every live token of a user (all logins); returns how many. */
  async revokeAllForUser(userId: string): Promise<number> {
    return this.revokeTokens(userId, await this.tokens.userTokens(userId));
  }

  /** Blacklists every live token of a user but those of one login (the caller's own); returns how many. */
  async revokeOtherLogins(userId: string, keptFamilyId: string): Promise<number> {
    const kept = new Set((await this.tokens.familyTokens(keptFamilyId)).map((t) => t.hash));
    return this.revokeTokens(userId, (await this.tokens.userTokens(userId)).filter((t) => !kept.has(t.hash)));
  }

  private async revokeTokens(userId: string, tokens: TokenRecord[]): Promise<number> {
    await this.blacklist.addHashesToBlacklist(tokens);
    await this.tokens.unindexUserTokens(userId, tokens.map((t) => t.hash));
    return tokens.length;
  }
}
