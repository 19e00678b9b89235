import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UsersService } from '../auth/users.service.js';
import { NotFoundError } from '../common/errors/domain-error.js';
import type { IssuedRemoteWorkerTokenDto, RemoteWorkerTokenDto } from './dto/remote-worker-token.dto.js';
import { RemoteLeasesService } from './remote-leases.service.js';
import { RemoteWorkerTokensRepository } from './remote-worker-tokens.repository.js';
import { RemoteWorkerTokenNotFoundError, UnknownUserError } from './remote-workers.errors.js';
import type { RemoteWorkerTokenRow } from './remote-workers.schema.js';

/** What every remote-worker token starts with: tells it apart from a user's JWT at a glance. */
export const REMOTE_TOKEN_PREFIX = 'rw_';

/**
 * sha256, not a password hash: a token is 256 random bits, so no dictionary or brute force can reverse its digest,
 * and a fast digest lets every request look its token up by an index instead of paying argon2 per call.
 */
export function remoteTokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Admins issue, list and revoke remote-worker tokens; every protocol request is authenticated here. */
@Injectable()
export class RemoteWorkerTokensService {
  constructor(
    private readonly repository: RemoteWorkerTokensRepository,
    private readonly users: UsersService,
    private readonly leases: RemoteLeasesService,
  ) {}

  async issue(name: string, pool: string, userId?: string): Promise<IssuedRemoteWorkerTokenDto> {
    if (userId) {
      await this.users.get(userId).catch((error: unknown) => {
        throw error instanceof NotFoundError ? new UnknownUserError() : error;
      });
    }
    const token = REMOTE_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const row = await this.repository.insert({ name, pool, userId: userId ?? null, tokenSha256: remoteTokenDigest(token) });
    return { ...toDto(row), token };
  }

  async list(): Promise<RemoteWorkerTokenDto[]> {
    return (await this.repository.list()).map(toDto);
  }

  /** Revokes the token (refused from the next request on) and returns its leased jobs to their queues at once. */
  async revoke(id: string): Promise<RemoteWorkerTokenDto> {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? ((await this.repository.revoke(id)) ?? (await this.repository.findById(id))) : undefined;
    if (!row) throw new RemoteWorkerTokenNotFoundError();
    await this.leases.releaseAll(row.id);
    return toDto(row);
  }

  /** The live token a request presents, or undefined (unknown or revoked). */
  async authenticate(token: string): Promise<RemoteWorkerTokenRow | undefined> {
    if (!token.startsWith(REMOTE_TOKEN_PREFIX) || token.length > 200) return undefined;
    const row = await this.repository.findLiveByHash(remoteTokenDigest(token));
    if (row) void this.repository.touch(row.id).catch(() => undefined);
    return row;
  }

  async isLive(id: string): Promise<boolean> {
    const row = await this.repository.findById(id);
    return row !== undefined && row.revokedAt === null;
  }
}

function toDto(row: RemoteWorkerTokenRow): RemoteWorkerTokenDto {
  return {
    id: row.id,
    name: row.name,
    pool: row.pool,
    user_id: row.userId,
    created_at: row.createdAt.toISOString(),
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
  };
}
