/**
 * Vector store benchmark, hash provider, 384-d, top 5, on the embedded PGlite and, when DATABASE_URL is set, on that
 * PostgreSQL server (in a schema of its own, dropped at the end: no table of the server is touched).
 *   npm run bench:vectors        (BENCH_SIZES=10000,100000 BENCH_QUERIES=200 to change; BENCH_ENGINES=postgres
 *                                 with DATABASE_URL to skip PGlite; BENCH_KEEP_SCHEMA=<name> keeps the PostgreSQL
 *                                 table in that schema and reuses it when it holds the size asked for)
 * Per size: embed and bulk-store throughput, HNSW build, recall@10 of the index against an exact scan (every owner,
 * and an owner with 1% of the rows), search latency p50/p95 (embed + query) in vector, text and hybrid mode,
 * throughput and p95 at 1, 8 and 32 concurrent searches, and search latency while a 1,000-chunk file is written
 * with the index in place (write statements of 500 rows, the old batch, against time-sized ones, the current way).
 * Loads like a bulk import: rows first, then the HNSW index (PGlite inserts into an HNSW index slowly).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { loadConfig } from '../../src/infra/config/app-config.js';
import { resolveDatabase } from '../../src/infra/database/database-resolver.js';
import { runMigrations } from '../../src/infra/database/migrations.js';
import { openSchemaScopedDatabase } from '../../src/infra/database/schema-scoped-database.js';
import { type SearchMode } from '../../src/vectors/vector-search.service.js';
import { VectorsRepository } from '../../src/vectors/vectors.repository.js';
import { benchSearchService } from './search-service.js';
import {
  buildIndex, CHUNKS_PER_FILE, DIMENSION, fileIdOf, loadCorpus, OWNERS, percentiles, provider, timed, topicOf, topicPassage, topicQuery,
} from './vectors-corpus.js';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const RECALL_QUERIES = 100;
// PostgreSQL only: load into this schema once and keep it; a re-run with the same size reuses its rows and index.
const KEEP = process.env.BENCH_KEEP_SCHEMA;
const TOP_K = 5;

const ms = (v: number) => v.toFixed(1);
const n = (v: number) => Math.round(v).toLocaleString('en-US');

interface Target {
  name: string;
  pool: pg.Pool;
  close(): Promise<void>;
}

async function benchTarget(target: Target): Promise<void> {
  const db = drizzle({ client: target.pool });
  const vectors = new VectorsRepository(db);
  const owners: string[] = Array.from({ length: OWNERS }, () => randomUUID());
  const { rows: versions } = await target.pool.query<{ version: string; pgvector: string }>(
    "select version(), (select extversion from pg_extension where extname = 'vector') as pgvector",
  );
  console.log(`\n== ${target.name}: ${versions[0].version.split(',')[0]}, pgvector ${versions[0].pgvector}`);

  // The product's search service (embed the query, search, fuse): what POST /vectors/search runs, minus HTTP.
  const service = benchSearchService(db, provider);
  const admin = { id: randomUUID(), email: 'admin@example.com', role: 'admin' as const };
  const userOf = (ownerId: string) => ({ id: ownerId, email: 'user@example.com', role: 'user' as const });
  const searchAs = (mode: SearchMode) => (query: string, ownerId?: string) =>
    service.search(ownerId ? userOf(ownerId) : admin, { query, topK: TOP_K, mode });
  const modes = { vector: searchAs('vector'), text: searchAs('text'), hybrid: searchAs('hybrid') };

  for (const size of SIZES) {
    const files = Math.ceil(size / CHUNKS_PER_FILE);
    const { rows: present } = await target.pool.query<{ n: number }>('select count(*)::int as n from chunk_vectors');
    if (KEEP && present[0].n === size) {
      // A table kept from an earlier run (BENCH_KEEP_SCHEMA): its owners, smallest (owner A) first, and its index.
      const { rows } = await target.pool.query<{ owner_id: string }>(
        'select owner_id from chunk_vectors group by owner_id order by count(*), owner_id',
      );
      owners.splice(0, owners.length, ...rows.map((row) => row.owner_id));
      const { rows: index } = await target.pool.query<{ reloptions: string[] | null }>(
        `select reloptions from pg_class where relname = 'chunk_vectors_hnsw_${DIMENSION}' and relnamespace = current_schema()::regnamespace`,
      );
      if (index.length === 0) await buildIndex(target.pool);
      console.log(`${n(size)} vectors kept from an earlier run (HNSW ${(index[0]?.reloptions ?? ['defaults']).join(', ')})`);
    } else {
      await target.pool.query('truncate chunk_vectors, chunk_search_terms, chunk_vector_writes');
      await vectors.dropHnswIndex(DIMENSION);
      const { embedMs, storeMs } = await loadCorpus(vectors, size, owners);
      const t = performance.now();
      await buildIndex(target.pool);
      const indexSeconds = (performance.now() - t) / 1000;
      console.log(
        `${n(size)} vectors (${n(files)} files; owner A holds 1%) | embed ${n(size / (embedMs / 1000))}/s, ` +
          `bulk store with full-text terms ${n(size / (storeMs / 1000))}/s | HNSW build ${indexSeconds.toFixed(1)} s ` +
          '| tables never analyzed',
      );
    }

    // Recall@10 against the exact scan of the same query: the HNSW walk at several ef_search values, and the search
    // as the product runs it (its plan picked by the owner's size: an exact scan for a small owner).
    const config = loadConfig();
    const { efSearch: defaultEf, exactScanMaxRows } = config.vectorIndex;
    const scopes = [
      ['every owner', undefined],
      ['owner A (1%)', owners[0]],
      ['owner B (11%)', owners[1]],
    ] as const;
    for (const [label, ownerId] of scopes) {
      const recall = new Map<string, { found: number; expected: number }>();
      for (let q = 0; q < RECALL_QUERIES; q++) {
        const [vector] = await provider.embed([topicQuery()]);
        const query = { model: provider.model, dimension: DIMENSION, vector, topK: 10, ownerId };
        const exact = await vectors.exactSearch(query);
        // Tie-aware: a hit as close as the exact 10th is a right answer (hash vectors of short queries tie often).
        const bound = (exact.at(-1)?.score ?? 1) - 1e-6;
        const variants = [
          ...[100, 200, defaultEf].map((efSearch) => [`HNSW ef_search ${efSearch}`, { efSearch, plan: 'index' as const }] as const),
          [`as searched (default plan)`, { efSearch: defaultEf, exactScanMaxRows }] as const,
        ];
        for (const [name, variant] of variants) {
          const hits = await vectors.search({ ...query, ...variant });
          const total = recall.get(name) ?? { found: 0, expected: 0 };
          total.found += Math.min(exact.length, hits.filter((hit) => hit.score >= bound).length);
          total.expected += exact.length;
          recall.set(name, total);
        }
      }
      const figures = [...recall].map(([name, r]) => `${name} ${(r.found / r.expected).toFixed(3)}`);
      console.log(`  recall@10 ${label} (${RECALL_QUERIES} queries): ${figures.join(', ')}`);
    }
    console.log(
      `  (defaults: ef_search ${defaultEf}, exact scan for an owner of at most ${n(exactScanMaxRows)} vectors, ` +
        `HNSW m ${config.vectorIndex.m}, ef_construction ${config.vectorIndex.efConstruction})`,
    );

    // Latency, one client, embed + query.
    const p95s: Record<string, number> = {};
    for (const [mode, search] of Object.entries(modes)) {
      const all: number[] = [];
      const small: number[] = [];
      const one: number[] = [];
      for (let q = 0; q < QUERIES; q++) {
        const query = topicQuery();
        await timed(() => search(query), all);
        await timed(() => search(query, owners[0]), small);
        await timed(() => search(query, owners[1 + (q % (OWNERS - 1))]), one);
      }
      const [a, s, o] = [percentiles(all), percentiles(small), percentiles(one)];
      p95s[mode] = Math.max(a.p95, s.p95, o.p95);
      console.log(
        `  ${mode.padEnd(6)} search p50/p95: every owner ${ms(a.p50)} / ${ms(a.p95)} ms | ` +
          `owner A (1%) ${ms(s.p50)} / ${ms(s.p95)} ms | one owner (11%) ${ms(o.p50)} / ${ms(o.p95)} ms`,
      );
    }
    console.log(`  hybrid p95 / vector p95 (worst scope of each): ${(p95s.hybrid / p95s.vector).toFixed(2)}x`);

    // Concurrent searches (vector mode, one owner each): throughput and p95.
    let single = 0;
    for (const clients of [1, 8, 32]) {
      const latencies: number[] = [];
      const perClient = Math.max(10, Math.ceil(QUERIES / clients));
      const start = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async (_, c) => {
          for (let q = 0; q < perClient; q++) await timed(() => modes.vector(topicQuery(), owners[1 + (c % 9)]), latencies);
        }),
      );
      const perSecond = latencies.length / ((performance.now() - start) / 1000);
      if (clients === 1) single = perSecond;
      console.log(
        `  ${String(clients).padStart(2)} concurrent searches: ${n(perSecond)}/s (${(perSecond / single).toFixed(2)}x one client), ` +
          `p50 ${ms(percentiles(latencies).p50)} p95 ${ms(percentiles(latencies).p95)} ms`,
      );
    }

    // Searches while a 1,000-chunk file is written under a new generation with the index in place.
    if (size === SIZES[0]) {
      for (const batch of [500, undefined]) {
        const fileId = fileIdOf(files + (batch ?? 1));
        const generation = await vectors.beginGeneration(fileId);
        const texts = Array.from({ length: 1000 }, () => topicPassage(topicOf(1), 60));
        const embeddings = await provider.embed(texts);
        const rows = texts.map((text, i) => ({
          chunkId: randomUUID(), generation, fileId, ownerId: owners[1], model: provider.model,
          dimension: DIMENSION, embedding: embeddings[i], chunkIndex: i, text,
        }));
        let writing = true;
        const writeStart = performance.now();
        const write = vectors.insertVectors(rows, batch).finally(() => (writing = false));
        const latencies: number[] = [];
        while (writing) await timed(() => modes.vector(topicQuery(), owners[2]), latencies);
        await write;
        const writeSeconds = (performance.now() - writeStart) / 1000;
        await vectors.discardGeneration(fileId, generation);
        const { p50, p95 } = percentiles(latencies);
        console.log(
          `  during a 1,000-chunk write in ${batch ? `statements of ${batch} rows` : 'time-sized statements'} ` +
            `(${writeSeconds.toFixed(1)} s): ` +
            `${latencies.length} searches, p50 ${ms(p50)} p95 ${ms(p95)} max ${ms(Math.max(...latencies))} ms`,
        );
      }
    }
  }
}

async function embeddedTarget(): Promise<Target> {
  const config = loadConfig({ EMBEDDED_DB_PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: '/tmp/docai-bench' });
  const embedded = await resolveDatabase(config);
  const pool = new pg.Pool({ connectionString: embedded.url, max: 32 });
  await runMigrations(pool);
  return {
    name: 'PGlite (embedded, in memory)',
    pool,
    close: async () => {
      await pool.end();
      await embedded.stop();
    },
  };
}

async function postgresTarget(url: string): Promise<Target> {
  const schema = KEEP ?? `bench_vectors_${randomBytes(4).toString('hex')}`;
  const scoped = await openSchemaScopedDatabase(url, schema, ['vectors'], 32);
  return {
    name: `PostgreSQL (schema ${schema}${KEEP ? ', kept' : ', dropped after'})`,
    pool: scoped.pool,
    close: KEEP ? () => scoped.pool.end() : scoped.drop,
  };
}

console.log(
  `vectors benchmark: hash provider, dimension ${DIMENSION}, top ${TOP_K}, sizes ${SIZES.join(', ')}, ` +
    `${QUERIES} queries per figure (3 words each)`,
);
const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
const targets = [
  ...(engines.includes('pglite') ? [embeddedTarget] : []),
  ...(engines.includes('postgres') && process.env.DATABASE_URL ? [() => postgresTarget(process.env.DATABASE_URL!)] : []),
];
for (const open of targets) {
  const target = await open();
  try {
    await benchTarget(target);
  } finally {
    await target.close();
  }
}
