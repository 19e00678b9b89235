import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { MIGRATION_FEATURES, MissingPgvectorError } from './migrations.js';

const MIGRATIONS_ROOT = fileURLToPath(new URL('../../../drizzle/', import.meta.url));

export interface SchemaScopedDatabase {
  /** Connections whose search_path starts with the schema: unqualified table names are its tables. */
  pool: pg.Pool;
  /** Drops the schema and everything in it, then closes the pool. */
  drop(): Promise<void>;
}

/**
 * Every feature's tables, migrated into a schema of their own on a PostgreSQL server others use too (tests and
 * benchmarks pointed at TEST_DATABASE_URL): nothing outside that schema is created, changed or emptied, except
 * the pgvector extension, enabled if missing.
 */
export async function openSchemaScopedDatabase(url: string, schema: string, poolSize = 4): Promise<SchemaScopedDatabase> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: `-c search_path=${schema},public` });
  const client = await pool.connect();
  try {
    const available = await client.query("select 1 from pg_available_extensions where name = 'vector'");
    if (available.rowCount === 0) throw new MissingPgvectorError();
    await client.query('create extension if not exists vector with schema public');
    await client.query(`create schema if not exists ${schema}`);
    const db = drizzle({ client });
    for (const feature of MIGRATION_FEATURES) {
      const folder = MIGRATIONS_ROOT + feature;
      if (!existsSync(`${folder}/meta/_journal.json`)) continue;
      await migrate(db, { migrationsFolder: folder, migrationsTable: `__migrations_${feature}`, migrationsSchema: schema });
    }
  } catch (error) {
    client.release();
    await pool.end();
    throw error;
  }
  client.release();
  return {
    pool,
    drop: async () => {
      await pool.query(`drop schema if exists ${schema} cascade`);
      await pool.end();
    },
  };
}
