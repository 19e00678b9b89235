import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthUser, UserRole } from '../common/auth/auth-user.js';
import { IS_PUBLIC, ROLES } from '../common/auth/auth.decorators.js';
import { ForbiddenRoleError, TokenError } from './auth.errors.js';
import { TokenBlacklistService } from './token-blacklist.service.js';
import { TokenClaims, TokenService } from './token.service.js';

/** What the guard leaves on the request besides `user`: the presented token, for logout. */
export interface AuthenticatedRequest extends Request {
  user: AuthUser;
  accessToken: string;
  tokenClaims: TokenClaims;
}

/**
 * The global guard (APP_GUARD): every route needs a valid, unrevoked bearer access token unless it is @Public();
 * @Roles() then restricts by role. The blacklist check is one Redis round trip and fails closed (503).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly blacklist: TokenBlacklistService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request);
    if (!token) throw new TokenError('UNAUTHENTICATED');
    const claims = this.tokens.verify(token, 'access');
    if (await this.blacklist.isBlacklisted(token)) throw new TokenError('TOKEN_REVOKED');

    request.user = { id: claims.sub, email: claims.email, role: claims.role };
    request.accessToken = token;
    request.tokenClaims = claims;

    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (roles?.length && !roles.includes(claims.role)) throw new ForbiddenRoleError();
    return true;
  }
}

function bearerToken(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}
