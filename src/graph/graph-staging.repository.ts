import { Inject, Injectable } from '@nestjs/common';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../infra/database/database.js';
import { DATABASE } from '../infra/database/database.js';
import type { GraphStagePack } from './graph-stage-rows.js';
import { graphStageEntities, graphStageNames, graphStageRelations, graphStageRuns } from './graph.schema.js';

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
   * Stages a batch's packs and counts their rows on the run, in one transaction: the staged tables are unlogged (no
   * WAL), and the merge checks that none of the counted rows went missing. `firstSeq`: the stream position of the
   * batch's first entity finding (each pack's positions count from 0). One statement per pack, its rows sent as two
   * JSON parameters: no value of a row becomes a JavaScript object or string here.
   */
  async stage(runId: string, firstSeq: number, packs: readonly GraphStagePack[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      let seq = firstSeq;
      let rows = 0;
      for (const pack of packs) {
        if (pack.rows > 0) await tx.execute(stagePack(runId, seq, pack));
        seq += pack.occurrences;
        rows += pack.rows;
      }
      await tx
        .update(graphStageRuns)
        .set({ staged_rows: sql`${graphStageRuns.staged_rows} + ${rows}` })
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

/** Inserts a pack's rows. The JSON goes as bytes (a binary parameter, read by `json_recv` on the server). */
function stagePack(runId: string, seq: number, pack: GraphStagePack): SQL {
  const chunkIds = sql.param(pack.chunkIds);
  return sql`
    with entities as (
      insert into ${graphStageEntities}
        (run_id, chunk_id, normalized_name, type, surface, count, first_seq, description, description_seq)
      select ${runId}::uuid, (${chunkIds}::uuid[])[r.c + 1], r.n, r.t, r.s, r.k, ${seq}::int + r.q, r.d, ${seq}::int + r.e
      from json_to_recordset(${sql.param(pack.entities)}::json) as r(c int, n text, t text, s text, k int, q int, d text, e int)
    )
    insert into ${graphStageRelations} (run_id, chunk_id, source, target, relation, weight)
    select ${runId}::uuid, (${chunkIds}::uuid[])[r.c + 1], r.s, r.t, r.r, r.w
    from json_to_recordset(${sql.param(pack.relations)}::json) as r(c int, s text, t text, r text, w float8)`;
}
