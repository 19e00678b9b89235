import { randomBytes, randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { createTestDatabase } from '../../test/support/test-database.js';
import type { Database } from '../infra/database/database.js';
import { openSchemaScopedDatabase } from '../infra/database/schema-scoped-database.js';
import { HashEmbeddingProvider } from './embedding/hash-embedding.provider.js';
import { TextSearchRepository } from './text-search.repository.js';
import { VectorsRepository } from './vectors.repository.js';
import { type NewChunkVectorRow } from './vectors.schema.js';

interface Target {
  db: Database;
  pool: pg.Pool;
  close(): Promise<void>;
}

const targets: [string, () => Promise<Target>][] = [['PGlite', createTestDatabase]];
const postgresUrl = process.env.TEST_DATABASE_URL;
if (postgresUrl) {
  targets.push([
    'PostgreSQL (TEST_DATABASE_URL)',
    async () => {
      const schema = `vectors_plan_${randomBytes(4).toString('hex')}`;
      const scoped = await openSchemaScopedDatabase(postgresUrl, schema, ['vectors']);
      return { db: drizzle({ client: scoped.pool }), pool: scoped.pool, close: scoped.drop };
    },
  ]);
}

const ROWS = 1500;
const OWNERS = 10;
const hash = new HashEmbeddingProvider(384);
const words = ['river', 'stone', 'ledger', 'invoice', 'harbour', 'violin', 'glacier', 'orchard', 'comet', 'lantern'];

describe.each(targets)('search plans on fresh, never-analyzed tables (%s)', (_name, open) => {
  let target: Target;
  let vectors: VectorsRepository;
  let texts: TextSearchRepository;
  const owners = Array.from({ length: OWNERS }, () => randomUUID());

  beforeAll(async () => {
    target = await open();
    vectors = new VectorsRepository(target.db);
    texts = new TextSearchRepository(target.db);
    const rows: NewChunkVectorRow[] = Array.from({ length: ROWS }, (_, i) => {
      const text = `${words[i % 10]} ${words[(i * 7) % 10]} ${words[(i * 3) % 10]} passage ${i}`;
      return {
        chunkId: randomUUID(),
        fileId: owners[i % OWNERS],
        ownerId: owners[i % OWNERS],
        model: hash.model,
        dimension: 384,
        embedding: hash.embedOne(text),
        chunkIndex: i,
        text,
      };
    });
    await vectors.insertVectors(rows, 500);
    await vectors.ensureHnswIndex(384);
    // A file being written: its generation is listed as in progress, as during any upload.
    await vectors.beginGeneration(randomUUID());
  });
  afterAll(async () => target.close());

  const query = { model: hash.model, dimension: 384, vector: hash.embedOne('violin glacier'), topK: 5 };

  it('has no column statistics (nothing analyzed the tables)', async () => {
    const stats = await target.pool.query(
      "select count(*)::int as n from pg_stats where tablename in ('chunk_vectors', 'chunk_vector_writes', 'chunk_search_terms')",
    );
    expect(stats.rows[0]).toEqual({ n: 0 });
  });

  it.each([
    ['every owner', undefined],
    ['one owner', 0],
  ])('walks the HNSW index for %s, with no sort, join or sequential scan of chunk_vectors', async (_label, owner) => {
    const plan = await vectors.explainSearch({ ...query, ownerId: owner === undefined ? undefined : owners[owner] });
    expect(plan).toMatch(/Index Scan using chunk_vectors_hnsw_384 on chunk_vectors/);
    expect(plan).not.toMatch(/Sort|Join|Seq Scan on chunk_vectors/);
  });

  it('keeps returning topK rows for one owner of ten (iterative scan)', async () => {
    const hits = await vectors.search({ ...query, ownerId: owners[3] });
    expect(hits).toHaveLength(5);
    expect(new Set(hits.map((h) => h.fileId))).toEqual(new Set([owners[3]]));
  });

  it('reads the GIN index for full-text search', async () => {
    const plan = await texts.explainSearch({ terms: ['violin', 'glacier'], topK: 5, ownerId: owners[1] });
    expect(plan).toMatch(/chunk_search_terms_terms_idx/);
    expect(plan).not.toMatch(/Seq Scan on chunk_search_terms/);
  });
});
