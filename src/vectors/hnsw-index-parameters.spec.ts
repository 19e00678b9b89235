import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'drizzle-orm';
import { testEnv } from '../../test/support/test-env.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { loadConfig } from '../infra/config/app-config.js';
import { VectorsRepository } from './vectors.repository.js';

describe('HNSW index parameters (VECTOR_HNSW_M, VECTOR_HNSW_EF_CONSTRUCTION)', () => {
  let database: TestDatabase;
  let vectors: VectorsRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    vectors = new VectorsRepository(database.db);
  });

  afterAll(async () => {
    await database.close();
  });

  const indexOptions = async (dimension: number) => {
    const rows = await database.pool.query<{ reloptions: string[] | null }>(
      'select reloptions from pg_class where relname = $1',
      [`chunk_vectors_hnsw_${dimension}`],
    );
    return rows.rows[0]?.reloptions;
  };

  it('builds the index with the configured m and ef_construction', async () => {
    const config = loadConfig(testEnv({ VECTOR_HNSW_M: '8', VECTOR_HNSW_EF_CONSTRUCTION: '40' }));
    await vectors.ensureHnswIndex(12, config.vectorIndex);
    expect(await indexOptions(12)).toEqual(['m=8', 'ef_construction=40']);
    await vectors.dropHnswIndex(12);
  });

  it('uses the measured defaults (m 32, ef_construction 128) when none are given', async () => {
    await vectors.ensureHnswIndex(13);
    expect(await indexOptions(13)).toEqual(['m=32', 'ef_construction=128']);
    expect(loadConfig(testEnv()).vectorIndex).toEqual({ m: 32, efConstruction: 128, efSearch: 400, exactScanMaxRows: 15_000 });
    await vectors.dropHnswIndex(13);
  });

  it('refuses ef_construction below twice m, at start and at the repository', async () => {
    expect(() => loadConfig(testEnv({ VECTOR_HNSW_M: '32', VECTOR_HNSW_EF_CONSTRUCTION: '50' }))).toThrow(
      /VECTOR_HNSW_EF_CONSTRUCTION/,
    );
    await expect(vectors.ensureHnswIndex(14, { m: 32, efConstruction: 50 })).rejects.toThrow(/invalid HNSW parameters/);
    expect(await database.db.execute(sql`select 1 from pg_class where relname = 'chunk_vectors_hnsw_14'`)).toMatchObject({
      rowCount: 0,
    });
  });
});
