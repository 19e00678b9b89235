import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

/** argon2id hashes (argon2's defaults: 64 MiB, 3 passes, parallelism 4). */
@Injectable()
export class PasswordHasher {
  // Verified against when the email is unknown, so a wrong email costs as long as a wrong password.
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    try {
      this.dummyHash ??= this.hash('not-a-real-password');
      return await argon2.verify(hash ?? (await this.dummyHash), password);
    } catch {
      return false;
    }
  }
}
