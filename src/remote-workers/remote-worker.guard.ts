import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { RemoteWorkerRateLimiter } from './remote-worker-rate-limiter.js';
import { RemoteWorkerTokensService } from './remote-worker-tokens.service.js';
import { RemoteWorkerUnauthenticatedError } from './remote-workers.errors.js';
import type { RemoteWorkerTokenRow } from './remote-workers.schema.js';

export interface RemoteWorkerRequest extends Request {
  remoteWorker: RemoteWorkerTokenRow;
}

/**
 * The protocol routes' guard (they are @Public() to the JWT guard): `Authorization: Bearer rw_…`, a live token,
 * looked up on every request so a revoked token is refused at once; then the token's rate limit.
 */
@Injectable()
export class RemoteWorkerGuard implements CanActivate {
  constructor(
    private readonly tokens: RemoteWorkerTokensService,
    private readonly limiter: RemoteWorkerRateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RemoteWorkerRequest>();
    const ip = request.ip ?? 'unknown';
    const token = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw new RemoteWorkerUnauthenticatedError('missing');
    await this.limiter.assertIpAllowed(ip);
    const row = await this.tokens.authenticate(token);
    if (!row) {
      await this.limiter.refused(ip);
      throw new RemoteWorkerUnauthenticatedError('invalid');
    }
    await this.limiter.request(row.id);
    request.remoteWorker = row;
    return true;
  }
}
