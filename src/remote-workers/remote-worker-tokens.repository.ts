import { Inject, Injectable } from '@nestjs/common';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../infra/database/database.js';
import { DATABASE } from '../infra/database/database.js';
import { type RemoteWorkerTokenRow, remoteWorkerTokens } from './remote-workers.schema.js';

/** All SQL on remote_worker_tokens. */
@Injectable()
export class RemoteWorkerTokensRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async insert(values: { name: string; pool: string; userId: string | null; tokenSha256: string }): Promise<RemoteWorkerTokenRow> {
    const [row] = await this.db.insert(remoteWorkerTokens).values(values).returning();
    return row;
  }

  async list(): Promise<RemoteWorkerTokenRow[]> {
    return this.db.select().from(remoteWorkerTokens).orderBy(desc(remoteWorkerTokens.createdAt));
  }

  async findById(id: string): Promise<RemoteWorkerTokenRow | undefined> {
    const [row] = await this.db.select().from(remoteWorkerTokens).where(eq(remoteWorkerTokens.id, id)).limit(1);
    return row;
  }

  /** The live (unrevoked) token with this hash. */
  async findLiveByHash(tokenSha256: string): Promise<RemoteWorkerTokenRow | undefined> {
    const [row] = await this.db
      .select()
      .from(remoteWorkerTokens)
      .where(and(eq(remoteWorkerTokens.tokenSha256, tokenSha256), isNull(remoteWorkerTokens.revokedAt)))
      .limit(1);
    return row;
  }

  async revoke(id: string): Promise<RemoteWorkerTokenRow | undefined> {
    const [row] = await this.db
      .update(remoteWorkerTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(remoteWorkerTokens.id, id), isNull(remoteWorkerTokens.revokedAt)))
      .returning();
    return row;
  }

  async touch(id: string): Promise<void> {
    await this.db.update(remoteWorkerTokens).set({ lastUsedAt: new Date() }).where(eq(remoteWorkerTokens.id, id));
  }
}
