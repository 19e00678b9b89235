import { Injectable } from '@nestjs/common';
import { DependencyUnavailableError } from '../common/errors/domain-error.js';
import { hashToken } from './token.service.js';
import { TokenRecord, TokensRepository } from './tokens.repository.js';

// A blacklist check that cannot answer in this time fails the request (503), never lets it through.
const CHECK_TIMEOUT_MS = 2000;

/** `jwt:blacklist:{sha256(token)}` with TTL = the token's remaining lifetime. */
@Injectable()
export class TokenBlacklistService {
  constructor(private readonly tokens: TokensRepository) {}

  async addToBlacklist(token: string, exp: number): Promise<void> {
    await this.tokens.blacklist([{ hash: hashToken(token), exp }]);
  }

  /** Blacklists tokens known only by hash (the live-token index and token families hold hashes). */
  async addHashesToBlacklist(records: TokenRecord[]): Promise<void> {
    await this.tokens.blacklist(records);
  }

  /** One Redis round trip. Fails closed: Redis down or slow throws DependencyUnavailableError (503). */
  async isBlacklisted(token: string): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DependencyUnavailableError('redis', 'blacklist check timed out')), CHECK_TIMEOUT_MS);
    });
    try {
      return await Promise.race([this.tokens.isBlacklisted(hashToken(token)), timeout]);
    } catch (error) {
      if (error instanceof DependencyUnavailableError) throw error;
      throw new DependencyUnavailableError('redis', (error as Error).message);
    } finally {
      clearTimeout(timer);
    }
  }
}
