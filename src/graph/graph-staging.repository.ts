import { Inject, Injectable } from '@nestjs/common';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../infra/database/database.js';
import { DATABASE } from '../infra/database/database.js';
import type { StagedEntityRow, StagedRelationRow } from './graph-stage-rows.js';
import { graphStageEntities, graphStageNames, graphStageRelations, graphStageRuns } from './graph.schema.js';

// Rows per INSERT statement. Each column goes as one array parameter (unnest): Drizzle's insert builder made dozens
// of objects per value, most of the graph stage's garbage (pipeline bench: GBs per 5 MiB file, and the JS heap grew with it).
const ROWS_PER_STATEMENT = 5000;

/**
 * Staging of a graph extraction run's findings, page by page, so a file's graph is never held in memory whole:
 * GraphRepository.replaceFileGraphFromRun merges a run into the file's graph and drops it.
 */
@Injectable()
export class GraphStagingRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /**
   * Opens a run for the file. Runs the file had before (a stalled or retried job's attempt) are dropped with their
   * rows: only the newest attempt's findings can reach the graph, and a stale attempt still writing fails on its
   * next batch (its run is gone).
   */
  async startRun(fileId: string): Promise<string> {
    return this.db.transaction(async (tx) => {
      await tx.delete(graphStageRuns).where(eq(graphStageRuns.file_id, fileId));
      const [run] = await tx.insert(graphStageRuns).values({ file_id: fileId }).returning({ id: graphStageRuns.id });
      return run.id;
    });
  }

  /**
   * Stages a batch's rows and counts them on the run, in one transaction: the staged tables are unlogged (no WAL), and
   * the merge checks that none of the counted rows went missing.
   */
  async stage(runId: string, rows: { entities: StagedEntityRow[]; relations: StagedRelationRow[] }): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (let i = 0; i < rows.entities.length; i += ROWS_PER_STATEMENT) {
        const page = rows.entities.slice(i, i + ROWS_PER_STATEMENT);
        const column = columnOf(page);
        await tx.execute(sql`
          insert into ${graphStageEntities}
            (run_id, chunk_id, normalized_name, type, surface, count, first_seq, description, description_seq)
          select ${runId}::uuid, r.* from unnest(
            ${column('chunk_id')}::uuid[], ${column('normalized_name')}::text[], ${column('type')}::text[],
            ${column('surface')}::text[], ${column('count')}::int[], ${column('first_seq')}::int[],
            ${column('description')}::text[], ${column('description_seq')}::int[]
          ) r`);
      }
      for (let i = 0; i < rows.relations.length; i += ROWS_PER_STATEMENT) {
        const page = rows.relations.slice(i, i + ROWS_PER_STATEMENT);
        const column = columnOf(page);
        await tx.execute(sql`
          insert into ${graphStageRelations} (run_id, chunk_id, source, target, relation, weight)
          select ${runId}::uuid, r.* from unnest(
            ${column('chunk_id')}::uuid[], ${column('source')}::text[], ${column('target')}::text[],
            ${column('relation')}::text[], ${column('weight')}::float8[]
          ) r`);
      }
      await tx
        .update(graphStageRuns)
        .set({ staged_rows: sql`${graphStageRuns.staged_rows} + ${rows.entities.length + rows.relations.length}` })
        .where(eq(graphStageRuns.id, runId));
    });
  }

  /**
   * Makes the space of merged and dropped runs' rows reusable. PGlite runs no autovacuum: without this every run's rows
   * stayed in the staging tables' files for good (400k rows staged twice: 135 vs 88 MB), in memory with the in-memory
   * database. Not in a transaction (VACUUM refuses one).
   */
  async reclaimSpace(): Promise<void> {
    await this.db.execute(sql`vacuum ${graphStageEntities}, ${graphStageRelations}, ${graphStageNames}`);
  }

  /** Drops a run and its staged rows (a failed or aborted extraction). */
  async dropRun(runId: string): Promise<void> {
    await this.db.delete(graphStageRuns).where(eq(graphStageRuns.id, runId));
  }
}

/** The rows' values of one column as a single array parameter (a bare array would be spread into a list by `sql`). */
function columnOf<Row>(rows: Row[]) {
  return <K extends keyof Row>(key: K) => sql.param(rows.map((row) => row[key]));
}
