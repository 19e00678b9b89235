import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '../infra/config/app-config.js';

/**
 * The one JwtService of the system. HS256 only, both ways: `alg: none` and any other algorithm fail verification.
 * `iss` and `aud` are set and required, so a token another system signed with a shared secret is refused.
 */
export function createJwtService(secret: string, auth: Pick<AppConfig['auth'], 'jwtIssuer' | 'jwtAudience'>): JwtService {
  const { jwtIssuer: issuer, jwtAudience: audience } = auth;
  return new JwtService({
    secret,
    signOptions: { algorithm: 'HS256', issuer, audience },
    verifyOptions: { algorithms: ['HS256'], issuer, audience },
  });
}
