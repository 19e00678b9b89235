/**
 * Vector store benchmark: embed + store throughput (chunks/s) and search latency (p50/p95) at 10k and 100k
 * vectors, with the default hash provider, on the embedded PGlite and, when DATABASE_URL is set, on PostgreSQL.
 *   npm run bench:vectors    (BENCH_SIZES=10000,100000 BENCH_QUERIES=200 to change)
 * Loads like a bulk import: rows first, then the HNSW index (PGlite inserts into an HNSW index slowly).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { loadConfig } from '../../src/infra/config/app-config.js';
import { resolveDatabase } from '../../src/infra/database/database-resolver.js';
import { runMigrations } from '../../src/infra/database/migrations.js';
import { HashEmbeddingProvider } from '../../src/vectors/embedding/hash-embedding.provider.js';
import { VectorsRepository } from '../../src/vectors/vectors.repository.js';
import { chunkVectors, type NewChunkVectorRow } from '../../src/vectors/vectors.schema.js';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const DIMENSION = 384;
const CHUNKS_PER_FILE = 100;
const OWNERS = 10;
const EMBED_BATCH = 1000;

// A deterministic pseudo-random text generator over a 5,000-word vocabulary (Zipf-like word frequencies).
let seed = 42;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'shi', 'vo', 'pe', 'zu', 'an', 'el', 'or', 'is', 'um'];
const vocabulary = Array.from({ length: 5000 }, () =>
  Array.from({ length: 2 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join(''),
);
const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 2)];
const passage = (words: number) => Array.from({ length: words }, word).join(' ');

interface Figures {
  target: string;
  size: number;
  embedPerSec: number;
  storePerSec: number;
  embedStorePerSec: number;
  indexSeconds: number;
  searchAll: { p50: number; p95: number };
  searchOwner: { p50: number; p95: number };
  replaceWithIndexPerSec: number;
}

async function benchTarget(target: string, url: string): Promise<Figures[]> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  await runMigrations(pool);
  const db = drizzle({ client: pool });
  const repository = new VectorsRepository(db);
  const provider = new HashEmbeddingProvider(DIMENSION);
  const owners = Array.from({ length: OWNERS }, () => randomUUID());
  const results: Figures[] = [];

  for (const size of SIZES) {
    await db.execute(sql`truncate ${chunkVectors}`);
    await repository.dropHnswIndex(DIMENSION);

    let embedMs = 0;
    let storeMs = 0;
    for (let done = 0; done < size; done += EMBED_BATCH) {
      const count = Math.min(EMBED_BATCH, size - done);
      const texts = Array.from({ length: count }, () => passage(60));
      let t = performance.now();
      const vectors = await provider.embed(texts);
      embedMs += performance.now() - t;
      const rows: NewChunkVectorRow[] = texts.map((text, i) => {
        const index = done + i;
        return {
          chunkId: randomUUID(),
          fileId: fileIdOf(Math.floor(index / CHUNKS_PER_FILE)),
          ownerId: owners[Math.floor(index / CHUNKS_PER_FILE) % OWNERS],
          model: provider.model,
          dimension: DIMENSION,
          embedding: vectors[i],
          chunkIndex: index % CHUNKS_PER_FILE,
          text,
        };
      });
      t = performance.now();
      await repository.insertVectors(rows);
      storeMs += performance.now() - t;
    }

    let t = performance.now();
    await db.execute(sql`set maintenance_work_mem = '1GB'`).catch(() => undefined);
    await repository.ensureHnswIndex(DIMENSION);
    const indexSeconds = (performance.now() - t) / 1000;
    await db.execute(sql`analyze ${chunkVectors}`);

    const searchAll: number[] = [];
    const searchOwner: number[] = [];
    for (let q = 0; q < QUERIES; q++) {
      const query = passage(3);
      for (const [latencies, ownerId] of [[searchAll, undefined], [searchOwner, owners[q % OWNERS]]] as const) {
        t = performance.now();
        const [vector] = await provider.embed([query]);
        const hits = await repository.search({ model: provider.model, dimension: DIMENSION, vector, topK: 5, ownerId });
        latencies.push(performance.now() - t);
        if (hits.length !== 5) throw new Error(`search returned ${hits.length} hits, expected 5`);
      }
    }

    // A file re-vectorized with the index in place (the regenerate path): 100 chunks, one transaction.
    const texts = Array.from({ length: CHUNKS_PER_FILE }, () => passage(60));
    const fileId = fileIdOf(0);
    t = performance.now();
    const vectors = await provider.embed(texts);
    await repository.replaceFileVectors(
      fileId,
      texts.map((text, i) => ({
        chunkId: randomUUID(), fileId, ownerId: owners[0], model: provider.model, dimension: DIMENSION,
        embedding: vectors[i], chunkIndex: i, text,
      })),
    );
    const replaceWithIndexPerSec = CHUNKS_PER_FILE / ((performance.now() - t) / 1000);

    const figures: Figures = {
      target,
      size,
      embedPerSec: size / (embedMs / 1000),
      storePerSec: size / (storeMs / 1000),
      embedStorePerSec: size / ((embedMs + storeMs) / 1000),
      indexSeconds,
      searchAll: percentiles(searchAll),
      searchOwner: percentiles(searchOwner),
      replaceWithIndexPerSec,
    };
    print(figures);
    results.push(figures);
  }
  await pool.end();
  return results;
}

function fileIdOf(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function percentiles(values: number[]): { p50: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { p50: at(0.5), p95: at(0.95) };
}

function print(f: Figures): void {
  const n = (v: number) => Math.round(v).toLocaleString('en-US');
  const ms = (v: number) => v.toFixed(1);
  console.log(
    `${f.target.padEnd(9)} ${n(f.size).padStart(8)} vectors | embed ${n(f.embedPerSec)}/s, bulk store ${n(f.storePerSec)}/s, ` +
      `embed+store ${n(f.embedStorePerSec)} chunks/s | HNSW build ${f.indexSeconds.toFixed(1)} s | ` +
      `search (embed+query, top 5) all p50 ${ms(f.searchAll.p50)} ms p95 ${ms(f.searchAll.p95)} ms, ` +
      `one owner p50 ${ms(f.searchOwner.p50)} ms p95 ${ms(f.searchOwner.p95)} ms | ` +
      `replace 100-chunk file with index ${n(f.replaceWithIndexPerSec)} chunks/s`,
  );
}

const config = loadConfig({ EMBEDDED_DB_PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: '/tmp/docai-bench' });
console.log(`vectors benchmark: hash provider, dimension ${DIMENSION}, sizes ${SIZES.join(', ')}, ${QUERIES} queries each`);
const embedded = await resolveDatabase(config);
await benchTarget('pglite', embedded.url);
await embedded.stop();
if (process.env.DATABASE_URL) await benchTarget('postgres', process.env.DATABASE_URL);
