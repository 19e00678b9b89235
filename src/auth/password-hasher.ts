import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import pLimit, { type LimitFunction } from 'p-limit';
import { AppConfig } from '../infra/config/app-config.js';
import { HasherBusyError } from './auth.errors.js';

/**
 * argon2id hashes (argon2's defaults: 64 MiB, 3 passes, parallelism 4), at most HASH_CONCURRENCY at once so a burst
 * of logins cannot exhaust memory or starve libuv's threads (file I/O shares them). Past that, up to HASH_QUEUE_MAX
 * wait their turn; beyond, the request is refused at once with 503 BUSY and a Retry-After of the expected wait.
 */
@Injectable()
export class PasswordHasher {
  private readonly slots: LimitFunction;
  private readonly queueMax: number;
  // Verified against when the email is unknown, so a wrong email costs as long as a wrong password.
  private dummyHash?: Promise<string>;
  /** Moving average of one hash's duration, for Retry-After. */
  private averageMs = 100;

  constructor(config: AppConfig) {
    this.slots = pLimit(config.auth.hashConcurrency);
    this.queueMax = config.auth.hashQueueMax;
  }

  hash(password: string): Promise<string> {
    return this.inSlot(() => argon2.hash(password, { type: argon2.argon2id }));
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    this.dummyHash ??= argon2.hash('not-a-real-password', { type: argon2.argon2id });
    const target = hash ?? (await this.dummyHash);
    return this.inSlot(() => argon2.verify(target, password).catch(() => false));
  }

  private inSlot<T>(work: () => Promise<T>): Promise<T> {
    const inUse = this.slots.activeCount + this.slots.pendingCount;
    if (inUse >= this.slots.concurrency + this.queueMax) {
      const waves = inUse / this.slots.concurrency;
      return Promise.reject(new HasherBusyError((waves * this.averageMs) / 1000));
    }
    return this.slots(async () => {
      const started = performance.now();
      try {
        return await work();
      } finally {
        this.averageMs = 0.8 * this.averageMs + 0.2 * (performance.now() - started);
      }
    });
  }
}
