import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { type MIGRATION_FEATURES, MissingPgvectorError } from './migrations.js';

const MIGRATIONS_ROOT = fileURLToPath(new URL('../../../drizzle/', import.meta.url));

export interface SchemaScopedDatabase {
  /** Connections whose search_path starts with the schema: unqualified table names are its tables. */
  pool: pg.Pool;
  /** Drops the schema and everything in it, then closes the pool. */
  drop(): Promise<void>;
}

/**
 * Some features' tables, migrated into a schema of their own on a PostgreSQL server others use too (tests and
 * benchmarks pointed at TEST_DATABASE_URL): nothing outside that schema is created, changed or emptied, except
 * the pgvector extension, enabled if missing. Only features whose migrations name no schema (auth's creates
 * `public.user_role`, which another copy already holds).
 */
export async function openSchemaScopedDatabase(
  url: string,
  schema: string,
  features: readonly (typeof MIGRATION_FEATURES)[number][],
  poolSize = 4,
): Promise<SchemaScopedDatabase> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: `-c search_path=${schema},public` });
  const client = await pool.connect();
  try {
    const available = await client.query("select 1 from pg_available_extensions where name = 'vector'");
    if (available.rowCount === 0) throw new MissingPgvectorError();
    await client.query('create extension if not exists vector with schema public');
    await client.query(`create schema if not exists ${schema}`);
    const db = drizzle({ client });
    for (const feature of features) {
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
