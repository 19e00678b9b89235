import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { EmbeddedDbMaintenance } from './embedded-db-maintenance.js';

describe('EmbeddedDbMaintenance (the vacuum and checkpoint PGlite does not run itself)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.pool.query('create table maintenance_probe (id serial primary key, payload text not null)');
    // A table with an HNSW index is vacuumed without index cleanup (pgvector's graph repair would stall the session).
    await database.pool.query('create table maintenance_hnsw_probe (id serial primary key, e vector(3) not null)');
    await database.pool.query('create index on maintenance_hnsw_probe using hnsw (e vector_cosine_ops)');
  }, 120_000);

  afterAll(async () => {
    await database.close();
  });

  const sizeOf = async () =>
    Number((await database.pool.query<{ size: string }>("select pg_relation_size('maintenance_probe') as size")).rows[0].size);

  it('gives back the space of deleted rows, which otherwise stays taken', async () => {
    await database.pool.query("insert into maintenance_probe (payload) select repeat(md5(g::text), 20) from generate_series(1, 5000) g");
    await database.pool.query('delete from maintenance_probe');
    const before = await sizeOf();
    expect(before).toBeGreaterThan(1_000_000);

    await database.pool.query("insert into maintenance_hnsw_probe (e) select ('[' || g || ',1,2]')::vector from generate_series(1, 500) g");
    await database.pool.query('delete from maintenance_hnsw_probe where id % 2 = 0');

    const warnings = jest.spyOn(Logger.prototype, 'warn');
    const maintenance = new EmbeddedDbMaintenance(database.pool, 0);
    await Promise.all([maintenance.runOnce(), maintenance.runOnce()]); // one pass, not two at once
    expect(warnings).not.toHaveBeenCalled();
    expect(await sizeOf()).toBe(0);
  });
});
