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
const PENDING = 20;
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
    // A file of owner 0 written since, outside the graph (pending), as every upload now is.
    const pending = Array.from({ length: PENDING }, (_, i) => {
      const text = `${words[i % 10]} ${words[(i * 3 + 1) % 10]} fresh ${i}`;
      const embedding = hash.embedOne(text);
      return { ...rows[0], chunkId: randomUUID(), chunkIndex: ROWS + i, text, embedding, indexed: false };
    });
    await vectors.insertVectors(pending, 500);
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

  // Each owner holds ROWS / OWNERS = 150 vectors (owner 0: 20 more, pending): above a bound of 100 the graph is walked,
  // within 150 it is not.
  it.each([
    ['every owner', undefined, undefined],
    ['one owner above the exact-scan bound', 0, 100],
  ])('walks the HNSW index for %s, with no join or sequential scan of chunk_vectors; only pending rows are sorted', async (_label, owner, bound) => {
    const ownerId = owner === undefined ? undefined : owners[owner];
    const plan = await vectors.explainSearch({ ...query, ownerId, exactScanMaxRows: bound });
    expect(plan).toMatch(/Index Scan using chunk_vectors_hnsw_384 on chunk_vectors/);
    expect(plan).not.toMatch(/Join|Seq Scan on chunk_vectors/);
    // The disabled plans' 10^10 costs must not make PostgreSQL JIT-compile each search (PGlite has no JIT).
    expect(plan).not.toMatch(/JIT:/);
    // One sort: the exact comparison of the pending rows, read through their partial index; the graph's rows come
    // ordered from the HNSW scan and the two lists are merged.
    expect(scansUnderSorts(plan)).toEqual(['chunk_vectors_pending_idx']);
  });

  it('finds pending rows (outside the graph) beside the indexed ones, merged by distance', async () => {
    const hits = await vectors.search({ ...query, ownerId: owners[0], exactScanMaxRows: 0, topK: 10 });
    const exact = await vectors.exactSearch({ ...query, ownerId: owners[0], topK: 10 });
    const found = new Set(hits.map((h) => h.chunkId));
    // Pending rows are compared exactly: each of the exact top 10 is found. The graph's part is approximate (HNSW).
    const pendingInExact = exact.filter((h) => h.text.includes('fresh'));
    expect(pendingInExact.length).toBeGreaterThan(0);
    expect(pendingInExact.filter((h) => !found.has(h.chunkId))).toEqual([]);
    expect(exact.filter((h) => found.has(h.chunkId)).length).toBeGreaterThanOrEqual(8);
    expect(await vectors.pendingCount()).toBe(PENDING);
  });

  it('scans a small owner exactly through the owner index, never the HNSW graph or the whole table', async () => {
    const plan = await vectors.explainSearch({ ...query, ownerId: owners[2], exactScanMaxRows: 150 });
    expect(plan).toMatch(/Index (Only )?Scan using chunk_vectors_owner_model_idx|Bitmap Index Scan on chunk_vectors_owner_model_idx/);
    expect(plan).not.toMatch(/chunk_vectors_hnsw_384|Seq Scan on chunk_vectors|Join/);
  });

  it("returns a small owner's exact nearest rows", async () => {
    const ownerId = owners[2];
    const hits = await vectors.search({ ...query, ownerId, exactScanMaxRows: 150 });
    const exact = await vectors.exactSearch({ ...query, ownerId });
    expect(hits).toEqual(exact);
    expect(hits).toHaveLength(5);
    expect(new Set(hits.map((h) => h.fileId))).toEqual(new Set([ownerId]));
  });

  it('keeps returning topK rows for one owner of ten through the graph (iterative scan)', async () => {
    const hits = await vectors.search({ ...query, ownerId: owners[3], exactScanMaxRows: 0 });
    expect(hits).toHaveLength(5);
    expect(new Set(hits.map((h) => h.fileId))).toEqual(new Set([owners[3]]));
  });

  it('reads the GIN index for full-text search', async () => {
    const plan = await texts.explainSearch({ terms: ['violin', 'glacier'], topK: 5, ownerId: owners[1] });
    expect(plan).toMatch(/chunk_search_terms_terms_idx/);
    expect(plan).not.toMatch(/Seq Scan on chunk_search_terms/);
    expect(plan).not.toMatch(/JIT:/);
  });
});

/** For each Sort node of an EXPLAIN text, the index (or table) of the first scan below it. */
function scansUnderSorts(plan: string): string[] {
  const lines = plan.split('\n');
  return lines.flatMap((line, i) => {
    if (!/^(->\s+)?Sort\s+\(/.test(line.trim())) return [];
    const scan = lines.slice(i + 1).find((l) => /Scan (using|on) /.test(l));
    return [scan?.match(/(?:Scan using|Scan on) (\S+)/)?.[1] ?? 'none'];
  });
}
