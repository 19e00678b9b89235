import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UserRole } from '../common/auth/auth-user.js';
import { AppConfig } from '../infra/config/app-config.js';
import { TokenError } from './auth.errors.js';

export type TokenType = 'access' | 'refresh';

/** The claims of our JWTs. `fam` ties every token of one login (its token family) together. */
export interface TokenClaims {
  sub: string;
  email: string;
  role: UserRole;
  typ: TokenType;
  fam: string;
  jti: string;
  iat: number;
  exp: number;
}

/** A signed token with what the session store keeps of it. */
export interface IssuedToken {
  token: string;
  /** sha256 of the token (hex): the only form in which Redis ever holds it. */
  hash: string;
  /** Expiry, unix seconds. */
  exp: number;
  /** Lifetime from issue, seconds. */
  ttlSeconds: number;
}

export interface IssuedPair {
  familyId: string;
  access: IssuedToken;
  refresh: IssuedToken;
}

/** Signs and verifies HS256 JWTs (the JwtService is built with HS256 only, so `alg: none` never verifies). */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  /** An access and a refresh token of one family (a new login when familyId is not given). */
  issuePair(user: { id: string; email: string; role: UserRole }, familyId: string = randomUUID()): IssuedPair {
    return {
      familyId,
      access: this.sign(user, 'access', familyId, this.config.auth.accessTtlSeconds),
      refresh: this.sign(user, 'refresh', familyId, this.config.auth.refreshTtlSeconds),
    };
  }

  /** Verifies signature, algorithm, expiry and type; throws TokenError with the code the client acts on. */
  verify(token: string, expected: TokenType): TokenClaims {
    let claims: Partial<TokenClaims>;
    try {
      claims = this.jwt.verify<Partial<TokenClaims>>(token);
    } catch (error) {
      if ((error as Error).name === 'TokenExpiredError') throw new TokenError('TOKEN_EXPIRED');
      throw new TokenError('TOKEN_INVALID');
    }
    if (claims.typ !== expected) {
      throw new TokenError('TOKEN_INVALID', `A ${claims.typ ?? 'non-typed'} token was given where a ${expected} token is needed`);
    }
    if (!claims.sub || !claims.role || !claims.fam || !claims.jti || !claims.exp || !claims.email) {
      throw new TokenError('TOKEN_INVALID', 'The token lacks required claims');
    }
    return claims as TokenClaims;
  }

  private sign(user: { id: string; email: string; role: UserRole }, typ: TokenType, fam: string, ttl: number): IssuedToken {
    const token = this.jwt.sign({ sub: user.id, email: user.email, role: user.role, typ, fam }, { jwtid: randomUUID(), expiresIn: ttl });
    const { exp } = this.jwt.decode<{ exp: number }>(token);
    return { token, hash: hashToken(token), exp, ttlSeconds: ttl };
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
