/**
 * Vector store benchmark, hash provider, 384-d, top 5, on the embedded PGlite and, when DATABASE_URL is set, on that
 * PostgreSQL server (in a schema of its own, dropped at the end: no table of the server is touched).
 *   npm run bench:vectors        (BENCH_SIZES=10000,100000 BENCH_QUERIES=200 to change; BENCH_ENGINES=postgres
 *                                 with DATABASE_URL to skip PGlite)
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
import { HashEmbeddingProvider } from '../../src/vectors/embedding/hash-embedding.provider.js';
import { type SearchMode } from '../../src/vectors/vector-search.service.js';
import { HNSW_EF_SEARCH, VectorsRepository } from '../../src/vectors/vectors.repository.js';
import { type NewChunkVectorRow } from '../../src/vectors/vectors.schema.js';
import { benchSearchService } from './search-service.js';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const RECALL_QUERIES = 100;
const DIMENSION = 384;
const CHUNKS_PER_FILE = 100;
const OWNERS = 10;
const LOAD_BATCH = 1000;
const TOP_K = 5;

// A deterministic pseudo-random text generator over a 5,000-word vocabulary (Zipf-like word frequencies).
let seed = 42;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'shi', 'vo', 'pe', 'zu', 'an', 'el', 'or', 'is', 'um'];
const vocabulary = Array.from({ length: 5000 }, () =>
  Array.from({ length: 2 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join(''),
);
const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 2)];
// Documents are about something: each file has a topic of 200 words; half of its chunks' words come from it, and a
// query is three words of one topic (uniformly random bags of words are the worst case of a graph index).
const TOPIC_WORDS = 200;
const topics = Array.from({ length: 50 }, () => Array.from({ length: TOPIC_WORDS }, word));
const topicOf = (file: number) => topics[file % topics.length];
const topicWord = (topic: string[]) => topic[Math.floor(TOPIC_WORDS * random() ** 2)];
const topicPassage = (topic: string[], words: number) =>
  Array.from({ length: words }, () => (random() < 0.5 ? topicWord(topic) : word())).join(' ');
const topicQuery = () => {
  const topic = topics[Math.floor(random() * topics.length)];
  return [topicWord(topic), topicWord(topic), topicWord(topic)].join(' ');
};

const provider = new HashEmbeddingProvider(DIMENSION);
const ms = (v: number) => v.toFixed(1);
const n = (v: number) => Math.round(v).toLocaleString('en-US');

interface Target {
  name: string;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** Owner 0 holds 1% of the files (at least one); the others share the rest. */
function ownerOf(file: number, files: number, owners: string[]): string {
  const small = Math.max(1, Math.round(files / 100));
  return file < small ? owners[0] : owners[1 + (file % (OWNERS - 1))];
}

function fileIdOf(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function percentiles(values: number[]): { p50: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { p50: at(0.5), p95: at(0.95) };
}

async function timed<T>(run: () => Promise<T>, into: number[]): Promise<T> {
  const start = performance.now();
  const result = await run();
  into.push(performance.now() - start);
  return result;
}

async function benchTarget(target: Target): Promise<void> {
  const db = drizzle({ client: target.pool });
  const vectors = new VectorsRepository(db);
  const owners = Array.from({ length: OWNERS }, () => randomUUID());
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
    await target.pool.query('truncate chunk_vectors, chunk_search_terms, chunk_vector_writes');
    await vectors.dropHnswIndex(DIMENSION);
    const files = Math.ceil(size / CHUNKS_PER_FILE);

    let embedMs = 0;
    let storeMs = 0;
    for (let done = 0; done < size; done += LOAD_BATCH) {
      const count = Math.min(LOAD_BATCH, size - done);
      const texts = Array.from({ length: count }, (_, i) => topicPassage(topicOf(Math.floor((done + i) / CHUNKS_PER_FILE)), 60));
      let t = performance.now();
      const embeddings = await provider.embed(texts);
      embedMs += performance.now() - t;
      const rows: NewChunkVectorRow[] = texts.map((text, i) => {
        const file = Math.floor((done + i) / CHUNKS_PER_FILE);
        return {
          chunkId: randomUUID(),
          fileId: fileIdOf(file),
          ownerId: ownerOf(file, files, owners),
          model: provider.model,
          dimension: DIMENSION,
          embedding: embeddings[i],
          chunkIndex: (done + i) % CHUNKS_PER_FILE,
          text,
        };
      });
      t = performance.now();
      await vectors.insertVectors(rows, 500);
      storeMs += performance.now() - t;
    }
    const t = performance.now();
    await target.pool.query(`set maintenance_work_mem = '1GB'`).catch(() => undefined);
    await vectors.ensureHnswIndex(DIMENSION);
    const indexSeconds = (performance.now() - t) / 1000;
    console.log(
      `${n(size)} vectors (${n(files)} files; owner A holds 1%) | embed ${n(size / (embedMs / 1000))}/s, ` +
        `bulk store with full-text terms ${n(size / (storeMs / 1000))}/s | HNSW build ${indexSeconds.toFixed(1)} s ` +
        '| tables never analyzed',
    );

    // Recall@10 of the HNSW search against the exact scan of the same query, at the default ef_search and above.
    for (const [label, ownerId] of [['every owner', undefined], ['owner A (1%)', owners[0]]] as const) {
      const recall = new Map<number, { found: number; expected: number }>();
      for (let q = 0; q < RECALL_QUERIES; q++) {
        const [vector] = await provider.embed([topicQuery()]);
        const query = { model: provider.model, dimension: DIMENSION, vector, topK: 10, ownerId };
        const exact = await vectors.exactSearch(query);
        // Tie-aware: a hit as close as the exact 10th is a right answer (hash vectors of short queries tie often).
        const bound = (exact.at(-1)?.score ?? 1) - 1e-6;
        for (const efSearch of [100, 200, HNSW_EF_SEARCH]) {
          const hits = await vectors.search({ ...query, efSearch });
          const total = recall.get(efSearch) ?? { found: 0, expected: 0 };
          total.found += Math.min(exact.length, hits.filter((hit) => hit.score >= bound).length);
          total.expected += exact.length;
          recall.set(efSearch, total);
        }
      }
      const figures = [...recall].map(([ef, r]) => `ef_search ${ef}${ef === HNSW_EF_SEARCH ? ' (default)' : ''} ${(r.found / r.expected).toFixed(3)}`);
      console.log(`  recall@10 ${label} (${RECALL_QUERIES} queries): ${figures.join(', ')}`);
    }

    // Latency, one client, embed + query.
    const p95s: Record<string, number> = {};
    for (const [mode, search] of Object.entries(modes)) {
      const all: number[] = [];
      const one: number[] = [];
      for (let q = 0; q < QUERIES; q++) {
        const query = topicQuery();
        await timed(() => search(query), all);
        await timed(() => search(query, owners[1 + (q % (OWNERS - 1))]), one);
      }
      const [a, o] = [percentiles(all), percentiles(one)];
      p95s[mode] = Math.max(a.p95, o.p95);
      console.log(
        `  ${mode.padEnd(6)} search: every owner p50 ${ms(a.p50)} p95 ${ms(a.p95)} ms | ` +
          `one owner (11%) p50 ${ms(o.p50)} p95 ${ms(o.p95)} ms`,
      );
    }
    console.log(`  hybrid p95 / vector p95: ${(p95s.hybrid / p95s.vector).toFixed(2)}x`);

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
  const schema = `bench_vectors_${randomBytes(4).toString('hex')}`;
  const scoped = await openSchemaScopedDatabase(url, schema, ['vectors'], 32);
  return { name: `PostgreSQL (schema ${schema}, dropped after)`, pool: scoped.pool, close: scoped.drop };
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
