import { jest } from '@jest/globals';
import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Public, Roles } from '../common/auth/auth.decorators.js';
import { DomainError } from '../common/errors/domain-error.js';
import { loadConfig } from '../infra/config/app-config.js';
import { AuthGuard } from './auth.guard.js';
import { createJwtService } from './jwt-service.factory.js';
import { TokenBlacklistService } from './token-blacklist.service.js';
import { TokenService } from './token.service.js';
import { TokensRepository } from './tokens.repository.js';

const SECRET = 'k'.repeat(48);

class Routes {
  @Public()
  open(): void {}
  mine(): void {}
  @Roles('admin')
  admin(): void {}
}

function setup(isBlacklisted: () => Promise<boolean>) {
  const config = loadConfig({ NODE_ENV: 'test' });
  const tokens = new TokenService(createJwtService(SECRET, config.auth), config);
  const repository = { isBlacklisted: jest.fn(isBlacklisted) };
  const guard = new AuthGuard(new Reflector(), tokens, new TokenBlacklistService(repository as unknown as TokensRepository));
  const context = (handler: keyof Routes, authorization?: string) => {
    const request: Record<string, unknown> = { headers: authorization ? { authorization } : {} };
    const ctx = {
      getType: () => 'http',
      getHandler: () => Routes.prototype[handler],
      getClass: () => Routes,
      switchToHttp: () => ({ getRequest: () => request }),
    } as unknown as ExecutionContext;
    return { ctx, request };
  };
  const token = tokens.issuePair({ id: 'u1', email: 'u1@example.com', role: 'user' }).access.token;
  return { guard, context, token, repository };
}

async function errorCode(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return 'passed';
  } catch (error) {
    return error instanceof DomainError ? `${error.status} ${error.code}` : String(error);
  }
}

describe('AuthGuard', () => {
  it('lets @Public() routes through without touching Redis', async () => {
    const { guard, context, repository } = setup(async () => false);
    await expect(guard.canActivate(context('open').ctx)).resolves.toBe(true);
    expect(repository.isBlacklisted).not.toHaveBeenCalled();
  });

  it('sets the caller from a valid token, with one blacklist lookup', async () => {
    const { guard, context, token, repository } = setup(async () => false);
    const { ctx, request } = context('mine', `Bearer ${token}`);
    await expect(guard.canActivate(ctx)).resolves.toBe(true);
    expect(request.user).toEqual({ id: 'u1', email: 'u1@example.com', role: 'user' });
    expect(repository.isBlacklisted).toHaveBeenCalledTimes(1);
  });

  it('answers 401 UNAUTHENTICATED, TOKEN_REVOKED, and 403 for the wrong role', async () => {
    const { guard, context, token } = setup(async () => false);
    expect(await errorCode(guard.canActivate(context('mine').ctx))).toBe('401 UNAUTHENTICATED');
    expect(await errorCode(guard.canActivate(context('admin', `Bearer ${token}`).ctx))).toBe('403 FORBIDDEN');
    const revoked = setup(async () => true);
    expect(await errorCode(revoked.guard.canActivate(revoked.context('mine', `Bearer ${revoked.token}`).ctx))).toBe(
      '401 TOKEN_REVOKED',
    );
  });

  it('fails closed with 503 when the blacklist cannot be read', async () => {
    const { guard, context, token } = setup(async () => {
      throw new Error('Connection is closed.');
    });
    expect(await errorCode(guard.canActivate(context('mine', `Bearer ${token}`).ctx))).toBe('503 SERVICE_UNAVAILABLE');
  });
});
