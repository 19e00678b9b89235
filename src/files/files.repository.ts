import { Inject, Injectable } from '@nestjs/common';
import { and, count, desc, eq, inArray, lt, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../infra/database/database.js';
import { DATABASE } from '../infra/database/database.js';
import { FileRow, files, NewFileRow, StoredStages } from './files.schema.js';

export interface FileListQuery {
  ownerId?: string;
  status?: string;
  limit: number;
  offset: number;
}

/** All SQL on the files table. */
@Injectable()
export class FilesRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async insert(row: NewFileRow): Promise<FileRow> {
    const [created] = await this.db.insert(files).values(row).returning();
    return created;
  }

  async findById(id: string): Promise<FileRow | undefined> {
    const [row] = await this.db.select().from(files).where(eq(files.id, id)).limit(1);
    return row;
  }

  async findByOwnerAndSha256(ownerId: string, sha256: string): Promise<FileRow | undefined> {
    const [row] = await this.db
      .select()
      .from(files)
      .where(and(eq(files.owner_id, ownerId), eq(files.sha256, sha256)))
      .orderBy(files.created_at)
      .limit(1);
    return row;
  }

  async list(query: FileListQuery): Promise<{ items: FileRow[]; total: number }> {
    const where = and(
      query.ownerId ? eq(files.owner_id, query.ownerId) : undefined,
      query.status ? eq(files.status, query.status) : undefined,
    );
    const [items, [{ total }]] = await Promise.all([
      this.db
        .select()
        .from(files)
        .where(where)
        .orderBy(desc(files.created_at), desc(files.id))
        .limit(query.limit)
        .offset(query.offset),
      this.db.select({ total: count() }).from(files).where(where),
    ]);
    return { items, total };
  }

  /** The files and bytes an owner stores, leaving out `excludedIds` (uploads whose quota reservation is still open). */
  async usageOf(ownerId: string, excludedIds: string[]): Promise<{ files: number; bytes: number }> {
    const [row] = await this.db
      .select({ files: count(), bytes: sql<string>`coalesce(sum(${files.size_bytes}), 0)` })
      .from(files)
      .where(and(eq(files.owner_id, ownerId), excludedIds.length > 0 ? notInArray(files.id, excludedIds) : undefined));
    return { files: Number(row.files), bytes: Number(row.bytes) };
  }

  async filenames(ids: string[]): Promise<{ id: string; filename: string }[]> {
    if (ids.length === 0) return [];
    return this.db.select({ id: files.id, filename: files.filename }).from(files).where(inArray(files.id, ids));
  }

  /** Files still `queued` or `processing` that nothing has touched since `idleSince` (oldest first), for the reconciler. */
  async findUnsettled(idleSince: Date, limit: number, offset: number): Promise<FileRow[]> {
    return this.db
      .select()
      .from(files)
      .where(and(inArray(files.status, ['queued', 'processing']), lt(files.updated_at, idleSince)))
      .orderBy(files.updated_at, files.id)
      .limit(limit)
      .offset(offset);
  }

  async setStatus(id: string, status: string, error: string | null = null): Promise<void> {
    await this.db.update(files).set({ status, error, updated_at: sql`now()` }).where(eq(files.id, id));
  }

  /** The final state of a run: status, error, the status document and the stage timings. */
  async saveFinalState(
    id: string,
    state: { status: string; error: string | null; processing: Record<string, unknown>; stages: StoredStages },
  ): Promise<void> {
    await this.db
      .update(files)
      .set({ ...state, processed_at: sql`now()`, updated_at: sql`now()` })
      .where(eq(files.id, id));
  }

  async delete(id: string): Promise<boolean> {
    const deleted = await this.db.delete(files).where(eq(files.id, id)).returning({ id: files.id });
    return deleted.length > 0;
  }
}
