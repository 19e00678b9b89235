/**
 * HNSW tuning benchmark: recall@10 against an exact scan and query latency for HNSW build parameters (m,
 * ef_construction), ef_search values and per-owner plans, on ONE loaded table (loading and indexing 100k vectors is
 * the slow part, so the table is loaded once and only the index is rebuilt per setting).
 *   DATABASE_URL=postgres://… node scripts/bench/run.mjs vectors-tuning
 *   BENCH_SIZE=100000 BENCH_BUILDS=16:64,32:128 BENCH_EF=100,200,400 BENCH_QUERIES=100 BENCH_ENGINES=postgres|pglite
 *   BENCH_KEEP_SCHEMA=<name>: load into that schema once and keep it (re-runs skip the load; drop it by hand).
 * PostgreSQL: a schema of its own, dropped at the end (no other table is touched). PGlite: in memory.
 * Latency is the repository query alone (no embedding, no HTTP), top 10, one client.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { loadConfig } from '../../src/infra/config/app-config.js';
import { resolveDatabase } from '../../src/infra/database/database-resolver.js';
import { runMigrations } from '../../src/infra/database/migrations.js';
import { openSchemaScopedDatabase } from '../../src/infra/database/schema-scoped-database.js';
import { type VectorSearchHit, type VectorSearchQuery, VectorsRepository } from '../../src/vectors/vectors.repository.js';
import { buildIndex, DIMENSION, loadCorpus, OWNERS, percentiles, provider, timed, topicQuery } from './vectors-corpus.js';

const SIZE = Number(process.env.BENCH_SIZE ?? 100_000);
const BUILDS = (process.env.BENCH_BUILDS ?? '16:64,32:128').split(',').map((b) => b.split(':').map(Number));
const EF = (process.env.BENCH_EF ?? '100,200,400').split(',').map(Number);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 100);
const KEEP = process.env.BENCH_KEEP_SCHEMA;

interface Target {
  name: string;
  pool: pg.Pool;
  close(): Promise<void>;
}

type Variant = Pick<VectorSearchQuery, 'efSearch' | 'plan' | 'iterativeScan' | 'exactScanMaxRows'>;

async function bench(target: Target): Promise<void> {
  const vectors = new VectorsRepository(drizzle({ client: target.pool }));
  const { rows: versions } = await target.pool.query<{ version: string; pgvector: string }>(
    "select version(), (select extversion from pg_extension where extname = 'vector') as pgvector",
  );
  console.log(`\n== ${target.name}: ${versions[0].version.split(',')[0]}, pgvector ${versions[0].pgvector}`);

  // Owners are read back from the table when it is kept from an earlier run.
  const { rows: present } = await target.pool.query<{ n: number }>('select count(*)::int as n from chunk_vectors');
  if (present[0].n !== SIZE) {
    await target.pool.query('truncate chunk_vectors, chunk_search_terms, chunk_vector_writes');
    await vectors.dropHnswIndex(DIMENSION);
    const t = performance.now();
    await loadCorpus(vectors, SIZE, Array.from({ length: OWNERS }, () => randomUUID()));
    console.log(`loaded ${SIZE} vectors in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const { rows: owners } = await target.pool.query<{ owner_id: string; n: number }>(
    'select owner_id, count(*)::int as n from chunk_vectors group by owner_id order by n',
  );
  const scopes = [
    { label: 'every owner', ownerId: undefined },
    { label: `owner A (${owners[0].n} rows)`, ownerId: owners[0].owner_id },
    { label: `owner B (${owners.at(-1)!.n} rows)`, ownerId: owners.at(-1)!.owner_id },
  ];
  const queries = await provider.embed(Array.from({ length: QUERIES }, topicQuery));
  const base = (vector: number[], ownerId?: string): VectorSearchQuery => ({
    model: provider.model, dimension: DIMENSION, vector, topK: 10, ownerId,
  });

  // The exact top 10 of each query in each scope, and its latency (the exact plan).
  const exact = new Map<string, VectorSearchHit[][]>();
  for (const scope of scopes) {
    const latencies: number[] = [];
    const results: VectorSearchHit[][] = [];
    for (const vector of queries) results.push(await timed(() => vectors.exactSearch(base(vector, scope.ownerId)), latencies));
    exact.set(scope.label, results);
    const { p50, p95 } = percentiles(latencies);
    console.log(`  exact scan, ${scope.label}: p50 ${p50.toFixed(1)} p95 ${p95.toFixed(1)} ms`);
  }

  const measure = async (scope: (typeof scopes)[number], variant: Variant): Promise<string> => {
    const latencies: number[] = [];
    let found = 0;
    let expected = 0;
    for (const [q, vector] of queries.entries()) {
      const hits = await timed(() => vectors.search({ ...base(vector, scope.ownerId), ...variant }), latencies);
      const reference = exact.get(scope.label)![q];
      // Tie-aware: a hit as close as the exact 10th is a right answer (hash vectors of short queries tie often).
      const bound = (reference.at(-1)?.score ?? 1) - 1e-6;
      found += Math.min(reference.length, hits.filter((hit) => hit.score >= bound).length);
      expected += reference.length;
    }
    const { p50, p95 } = percentiles(latencies);
    return `recall@10 ${(found / expected).toFixed(3)}, p50 ${p50.toFixed(1)} p95 ${p95.toFixed(1)} ms`;
  };

  for (const [m, efConstruction] of BUILDS) {
    await vectors.dropHnswIndex(DIMENSION);
    const t = performance.now();
    await buildIndex(target.pool, { m, efConstruction });
    console.log(`-- HNSW m ${m}, ef_construction ${efConstruction}: built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    for (const efSearch of EF) {
      for (const scope of scopes) {
        const strict = await measure(scope, { efSearch, plan: 'index' });
        const relaxed = scope.ownerId ? ` | relaxed_order ${await measure(scope, { efSearch, plan: 'index', iterativeScan: 'relaxed_order' })}` : '';
        console.log(`  ef_search ${efSearch}, ${scope.label}: index ${strict}${relaxed}`);
      }
    }
  }
}

async function postgres(url: string): Promise<Target> {
  const schema = KEEP ?? `bench_vectors_${randomBytes(4).toString('hex')}`;
  const scoped = await openSchemaScopedDatabase(url, schema, ['vectors'], 4);
  return {
    name: `PostgreSQL (schema ${schema}${KEEP ? ', kept' : ', dropped after'})`,
    pool: scoped.pool,
    close: KEEP ? () => scoped.pool.end() : scoped.drop,
  };
}

async function pglite(): Promise<Target> {
  const config = loadConfig({ EMBEDDED_DB_PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: '/tmp/docai-bench' });
  const embedded = await resolveDatabase(config);
  const pool = new pg.Pool({ connectionString: embedded.url, max: 4 });
  await runMigrations(pool);
  return { name: 'PGlite (embedded, in memory)', pool, close: async () => (await pool.end(), await embedded.stop()) };
}

console.log(`HNSW tuning: ${SIZE} vectors, hash provider, ${DIMENSION}-d, ${QUERIES} queries, builds ${BUILDS.map((b) => b.join(':')).join(', ')}`);
const engines = (process.env.BENCH_ENGINES ?? 'postgres').split(',');
const opens = [
  ...(engines.includes('pglite') ? [pglite] : []),
  ...(engines.includes('postgres') && process.env.DATABASE_URL ? [() => postgres(process.env.DATABASE_URL!)] : []),
];
for (const open of opens) {
  const target = await open();
  try {
    await bench(target);
  } finally {
    await target.close();
  }
}
