import { Inject, Injectable } from '@nestjs/common';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../infra/database/database.js';
import { DATABASE } from '../infra/database/database.js';
import { FileGraph } from './graph.types.js';
import { entityKey, EntityType } from './graph.types.js';
import { insertMentions, insertRelations, resolveAliases, resolveNames, upsertEntities } from './graph-run-merge.sql.js';
import { GraphRunRowsLostError } from './graph-run-rows-lost.error.js';
import { GraphRunSupersededError } from './graph-run-superseded.error.js';
import { graphEntities, graphMentions, graphRelations, graphStageEntities, graphStageRelations, graphStageRuns } from './graph.schema.js';

// Rows per INSERT statement (Postgres allows 65535 parameters per statement).
const BATCH = 1000;

/** Writes of the graph store: one file's contributions, replaced or removed as a whole, in one transaction. */
@Injectable()
export class GraphRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /**
   * Replaces what `fileId` contributes to `ownerId`'s graph with `graph`: the file's old mentions are taken off the
   * entities' counts, its old relations removed, the new ones merged in by (normalized name, type); entities no file
   * mentions any more are deleted. Running it twice with the same graph leaves the same rows (same ids).
   */
  async replaceFileGraph(ownerId: string, fileId: string, graph: FileGraph): Promise<{ entities: number; relations: number }> {
    return this.db.transaction(async (tx) => {
      await this.lockOwner(tx, ownerId);
      await this.removeContributions(tx, fileId);

      const entities = [...graph.entities.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const idByKey = new Map<string, string>();
      for (let i = 0; i < entities.length; i += BATCH) {
        const rows = entities.slice(i, i + BATCH).map(([, e]) => ({
          owner_id: ownerId,
          name: e.name,
          normalized_name: e.normalizedName,
          type: e.type,
          description: e.description ?? null,
          mention_count: [...e.mentions.values()].reduce((sum, n) => sum + n, 0),
        }));
        const saved = await tx
          .insert(graphEntities)
          .values(rows)
          .onConflictDoUpdate({
            target: [graphEntities.owner_id, graphEntities.normalized_name, graphEntities.type],
            set: {
              mention_count: sql`${graphEntities.mention_count} + excluded.mention_count`,
              description: sql`coalesce(${graphEntities.description}, excluded.description)`,
              updated_at: sql`now()`,
            },
          })
          .returning({ id: graphEntities.id, normalized_name: graphEntities.normalized_name, type: graphEntities.type });
        for (const row of saved) idByKey.set(entityKey(row.normalized_name, row.type as EntityType), row.id);
      }

      const mentions = entities.flatMap(([key, e]) =>
        [...e.mentions.entries()].map(([chunkId, count]) => ({
          entity_id: idByKey.get(key) as string,
          file_id: fileId,
          chunk_id: chunkId,
          count,
        })),
      );
      for (let i = 0; i < mentions.length; i += BATCH) {
        await tx.insert(graphMentions).values(mentions.slice(i, i + BATCH));
      }

      const relations = graph.relations.flatMap((r) => {
        const source = idByKey.get(r.sourceKey);
        const target = idByKey.get(r.targetKey);
        if (!source || !target) return [];
        return [
          {
            owner_id: ownerId,
            source_id: source,
            target_id: target,
            type: r.relation,
            weight: r.weight,
            file_id: fileId,
            chunk_ids: [...r.chunkIds].sort(),
          },
        ];
      });
      for (let i = 0; i < relations.length; i += BATCH) {
        await tx.insert(graphRelations).values(relations.slice(i, i + BATCH));
      }

      await this.deleteUnmentioned(tx, ownerId);
      return { entities: entities.length, relations: relations.length };
    });
  }

  /**
   * Replaces what `fileId` contributes to `ownerId`'s graph with the findings staged under `runId`, merged in SQL
   * (the graph never passes through this process), and drops the run: what `replaceFileGraph` does with the graph
   * FileGraphAccumulator makes of the same findings, in one transaction. Throws GraphRunSupersededError when a newer
   * attempt dropped the run.
   */
  async replaceFileGraphFromRun(ownerId: string, fileId: string, runId: string): Promise<{ entities: number; relations: number }> {
    return this.db.transaction(async (tx) => {
      const live = await tx.execute<{ staged_rows: number }>(
        sql`select staged_rows from ${graphStageRuns} where id = ${runId} for update`,
      );
      if (live.rows.length === 0) throw new GraphRunSupersededError(fileId);
      await this.checkStagedRows(tx, fileId, runId, live.rows[0].staged_rows);
      await tx.execute(resolveNames(runId));
      await tx.execute(resolveAliases(runId));
      await this.lockOwner(tx, ownerId);
      await this.removeContributions(tx, fileId);
      const entities = await tx.execute<{ n: number }>(upsertEntities(runId, ownerId));
      await tx.execute(insertMentions(runId, ownerId, fileId));
      const relations = await tx.execute<{ n: number }>(insertRelations(runId, ownerId, fileId));
      await this.deleteUnmentioned(tx, ownerId);
      await tx.delete(graphStageRuns).where(eq(graphStageRuns.id, runId));
      return { entities: entities.rows[0].n, relations: relations.rows[0].n };
    });
  }

  /** Removes everything `fileId` contributed (staged runs included); entities other files still mention stay, with lower counts. */
  async deleteFileGraph(fileId: string): Promise<void> {
    const [owner] = await this.db
      .select({ owner_id: graphEntities.owner_id })
      .from(graphMentions)
      .innerJoin(graphEntities, eq(graphEntities.id, graphMentions.entity_id))
      .where(eq(graphMentions.file_id, fileId))
      .limit(1);
    await this.db.transaction(async (tx) => {
      if (owner) await this.lockOwner(tx, owner.owner_id);
      await this.removeContributions(tx, fileId);
      if (owner) await this.deleteUnmentioned(tx, owner.owner_id);
      await tx.delete(graphStageRuns).where(eq(graphStageRuns.file_id, fileId));
    });
  }

  /**
   * The staged tables are unlogged: a database server that crashed and recovered while the run extracted has emptied
   * them. Merging what is left would store part of the file's graph as all of it: fail instead (the job retries).
   */
  private async checkStagedRows(tx: Transaction, fileId: string, runId: string, counted: number): Promise<void> {
    const found = await tx.execute<{ n: number }>(sql`
      select (select count(*) from ${graphStageEntities} where run_id = ${runId})::int
        + (select count(*) from ${graphStageRelations} where run_id = ${runId})::int as n`);
    if (found.rows[0].n !== counted) throw new GraphRunRowsLostError(fileId, found.rows[0].n, counted);
  }

  /** One writer per owner at a time: two files of one owner share entities, and their counts must add up. */
  private async lockOwner(tx: Transaction, ownerId: string): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'graph:' + ownerId}))`);
  }

  private async removeContributions(tx: Transaction, fileId: string): Promise<void> {
    await tx.execute(sql`
      update ${graphEntities} e set mention_count = e.mention_count - old.total, updated_at = now()
      from (select entity_id, sum(count)::int as total from ${graphMentions} where file_id = ${fileId} group by entity_id) old
      where e.id = old.entity_id`);
    await tx.delete(graphMentions).where(eq(graphMentions.file_id, fileId));
    await tx.delete(graphRelations).where(eq(graphRelations.file_id, fileId));
  }

  private async deleteUnmentioned(tx: Transaction, ownerId: string): Promise<void> {
    await tx.delete(graphEntities).where(and(eq(graphEntities.owner_id, ownerId), lte(graphEntities.mention_count, 0)));
  }
}
