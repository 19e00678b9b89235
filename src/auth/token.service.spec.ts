import { JwtService } from '@nestjs/jwt';
import { type AppConfig, loadConfig } from '../infra/config/app-config.js';
import { TokenError } from './auth.errors.js';
import { createJwtService } from './jwt-service.factory.js';
import { TokenService } from './token.service.js';

const SECRET = 's'.repeat(48);
const user = { id: '5b0c3a4e-7d0e-4c1e-9f43-0c9b6b0f6d11', email: 'ada@example.com', role: 'user' as const };

function service(secret = SECRET): TokenService {
  const config: AppConfig = loadConfig({ NODE_ENV: 'test', JWT_SECRET: secret });
  return new TokenService(createJwtService(secret, config.auth), config);
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof TokenError ? error.code : `not a TokenError: ${String(error)}`;
  }
}

describe('TokenService', () => {
  const tokens = service();

  it('issues an access and a refresh token of one family, with the configured lifetimes', () => {
    const pair = tokens.issuePair(user);
    const access = tokens.verify(pair.access.token, 'access');
    const refresh = tokens.verify(pair.refresh.token, 'refresh');
    expect(access).toMatchObject({ sub: user.id, email: user.email, role: 'user', typ: 'access', fam: pair.familyId });
    expect(refresh).toMatchObject({ typ: 'refresh', fam: pair.familyId });
    expect(access.exp - access.iat).toBe(900);
    expect(refresh.exp - refresh.iat).toBe(604_800);
    expect(access.jti).not.toBe(refresh.jti);
    expect(pair.access.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the family on rotation', () => {
    const first = tokens.issuePair(user);
    expect(tokens.issuePair(user, first.familyId).familyId).toBe(first.familyId);
  });

  it('rejects each bad token with its code', () => {
    const pair = tokens.issuePair(user);
    const payload = pair.access.token.split('.')[1];
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    const now = Math.floor(Date.now() / 1000);
    const expired = new JwtService({ secret: SECRET }).sign({ sub: user.id, typ: 'access', exp: now - 1, iat: now - 60 });
    expect(codeOf(() => tokens.verify(expired, 'access'))).toBe('TOKEN_EXPIRED');
    expect(codeOf(() => service('o'.repeat(48)).verify(pair.access.token, 'access'))).toBe('TOKEN_INVALID');
    expect(codeOf(() => tokens.verify(none, 'access'))).toBe('TOKEN_INVALID');
    expect(codeOf(() => tokens.verify('garbage', 'access'))).toBe('TOKEN_INVALID');
    expect(codeOf(() => tokens.verify(pair.refresh.token, 'access'))).toBe('TOKEN_INVALID');
    expect(codeOf(() => tokens.verify(pair.access.token, 'refresh'))).toBe('TOKEN_INVALID');
    const lacking = new JwtService({ secret: SECRET }).sign({ sub: user.id, typ: 'access' }, { expiresIn: 60 });
    expect(codeOf(() => tokens.verify(lacking, 'access'))).toBe('TOKEN_INVALID');
  });

  it('refuses a token of another issuer or audience, or without them, signed with the same secret', () => {
    const claims = tokens.verify(tokens.issuePair(user).access.token, 'access');
    const { iss, aud, ...rest } = claims as typeof claims & { iss: string; aud: string };
    expect({ iss, aud }).toEqual({ iss: 'docai-queue-backend', aud: 'docai-api' });
    const forge = (extra: object) => new JwtService({ secret: SECRET }).sign({ ...rest, ...extra });
    expect(codeOf(() => tokens.verify(forge({ iss, aud }), 'access'))).toBeUndefined();
    expect(codeOf(() => tokens.verify(forge({ iss: 'other-system', aud }), 'access'))).toBe('TOKEN_INVALID');
    expect(codeOf(() => tokens.verify(forge({ iss, aud: 'other-api' }), 'access'))).toBe('TOKEN_INVALID');
    expect(codeOf(() => tokens.verify(forge({}), 'access'))).toBe('TOKEN_INVALID');
  });
});
