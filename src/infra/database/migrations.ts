import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';

/**
 * Each feature owns its tables and its migration folder (drizzle/<feature>, made by `npm run db:generate`),
 * with its own journal table, so features never share schema files. Applied in this order.
 */
export const MIGRATION_FEATURES = ['auth', 'files', 'vectors', 'graph', 'memory', 'quota', 'remote-workers'] as const;

const MIGRATIONS_ROOT = fileURLToPath(new URL('../../../drizzle/', import.meta.url));
// Any fixed 64-bit number: every process that migrates takes this lock first, so two starting together don't race.
const MIGRATION_LOCK_ID = 7_391_004_211;

export class MissingPgvectorError extends Error {
  constructor() {
    super(
      'The PostgreSQL server at DATABASE_URL has no pgvector extension. Install pgvector on it ' +
        '(e.g. the pgvector/pgvector Docker image), or unset DATABASE_URL to use the embedded PGlite.',
    );
  }
}

/** Enables pgvector and applies every feature's pending migrations, under an advisory lock. Idempotent. */
export async function runMigrations(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    const available = await client.query("select 1 from pg_available_extensions where name = 'vector'");
    if (available.rowCount === 0) throw new MissingPgvectorError();
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    try {
      await client.query('create extension if not exists vector');
      const db = drizzle({ client });
      for (const feature of MIGRATION_FEATURES) {
        const folder = MIGRATIONS_ROOT + feature;
        if (!existsSync(`${folder}/meta/_journal.json`)) continue;
        await migrate(db, { migrationsFolder: folder, migrationsTable: `__migrations_${feature}` });
      }
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
    }
  } finally {
    client.release();
  }
}
