import { Logger } from '@nestjs/common';
import type pg from 'pg';

/**
 * PostgreSQL's autovacuum and checkpointer are background processes; PGlite (the embedded database) has neither. So
 * without this, rows deleted or replaced (a reprocess, a regeneration, a file delete) kept their space for good, and
 * WAL segments piled up until a restart (measured: 50 MB of table and 60 MB of WAL more per 50 MB rewritten; with
 * VACUUM and CHECKPOINT both stayed flat). Each table is vacuumed in its own statement so that queries run between
 * them (on PGlite each statement holds the one session). A table with an HNSW index skips index cleanup: pgvector
 * repairs the graph around every deleted row, 121 s on PGlite for 2,600 deleted of 10,000 (5 ms without), which would
 * stall every query; the rows' space is still freed for new rows, the index keeps dead entries that searches skip.
 * Only the process that owns the embedded database runs it.
 */
export class EmbeddedDbMaintenance {
  private readonly logger = new Logger('EmbeddedDb');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly pool: pg.Pool,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (this.intervalMs <= 0) return;
    this.timer = setInterval(() => void this.runOnce(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass (never two at once); failures are logged, the next pass tries again. */
  runOnce(): Promise<void> {
    this.running ??= this.vacuumAndCheckpoint()
      .catch((error: unknown) => this.logger.warn(`maintenance failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async vacuumAndCheckpoint(): Promise<void> {
    const startedAt = performance.now();
    const { rows } = await this.pool.query<{ name: string; hnsw: boolean }>(
      `select format('%I.%I', n.nspname, c.relname) as name,
          exists (select 1 from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_am am on am.oid = ic.relam
            where i.indrelid = c.oid and am.amname = 'hnsw') as hnsw
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') order by 1`,
    );
    for (const { name, hnsw } of rows) await this.pool.query(`vacuum ${hnsw ? '(index_cleanup off) ' : ''}${name}`);
    await this.pool.query('checkpoint');
    this.logger.log(`vacuumed ${rows.length} tables and checkpointed in ${Math.round(performance.now() - startedAt)} ms`);
  }
}
