/**
 * The storage stage alone: how fast a file's vectors are written on the embedded PGlite (hash provider, 384-d), as
 * VectorsService writes them (a generation, statements sized by time, then the promotion), into a table already
 * holding --base rows, with each HNSW build setting and with no HNSW index (the bound on what any HNSW setting can
 * reach), and as VectorsService writes them now: outside the graph (pending, indexed = false) with the default index
 * in place. Prints rows/s and the ratio to the default setting, all in one run. Then, with the --rows rows still
 * pending beside the --base indexed ones: recall@10 against an exact scan and vector search p50/p95 (every owner
 * and the writer's owner, graph plan), again after VectorIndexer's step moved them into the graph (its rows/s).
 *   node scripts/bench/run.mjs vectors-writes [--rows 300] [--base 1000] [--queries 100] [--pending-only]
 * --pending-only: only the way rows are written now, and the search figures (larger --rows / --base in less time).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { loadConfig } from '../../src/infra/config/app-config.js';
import { resolveDatabase } from '../../src/infra/database/database-resolver.js';
import { runMigrations } from '../../src/infra/database/migrations.js';
import { type AppConfig } from '../../src/infra/config/app-config.js';
import { VectorIndexer } from '../../src/vectors/vector-indexer.service.js';
import { type HnswBuildParameters, VectorsRepository } from '../../src/vectors/vectors.repository.js';
import { type NewChunkVectorRow } from '../../src/vectors/vectors.schema.js';
import { DIMENSION, percentiles, provider, timed, topicOf, topicPassage, topicQuery } from './vectors-corpus.js';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const ROWS = arg('rows', 300);
const BASE = arg('base', 1000);
const QUERIES = arg('queries', 100);
const DEFAULT_BUILD = { m: 32, efConstruction: 128 };
const SETTINGS: Array<{ label: string; build?: HnswBuildParameters; pending?: true }> = [
  { label: 'HNSW m 32 / ef_construction 128 (default)', build: DEFAULT_BUILD },
  { label: 'HNSW m 16 / ef_construction 64 (pgvector)', build: { m: 16, efConstruction: 64 } },
  { label: 'no HNSW index', build: undefined },
  // Last: the search figures below use the table it leaves (BASE rows in the graph, the file's rows pending).
  { label: 'default HNSW, rows written pending (now)', build: DEFAULT_BUILD, pending: true },
];

async function rowsOf(
  count: number,
  fileId: string,
  ownerId: string,
  generation = '',
  indexed = true,
): Promise<NewChunkVectorRow[]> {
  const texts = Array.from({ length: count }, (_, i) => topicPassage(topicOf(i), 60));
  const embeddings = await provider.embed(texts);
  return texts.map((text, i) => ({
    chunkId: randomUUID(),
    generation,
    fileId,
    ownerId,
    model: provider.model,
    dimension: DIMENSION,
    embedding: embeddings[i],
    chunkIndex: i,
    text,
    indexed,
  }));
}

const dataDir = `/tmp/docai-bench-vectors-writes-${process.pid}`;
const embedded = await resolveDatabase(loadConfig({ EMBEDDED_DB_PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir }));
const pool = new pg.Pool({ connectionString: embedded.url, max: 4 });
try {
  await runMigrations(pool);
  const vectors = new VectorsRepository(drizzle({ client: pool }));
  console.log(`vectors-writes: PGlite, ${ROWS} rows of ${DIMENSION}-d into a table of ${BASE} rows, one setting at a time`);
  const results: Array<{ label: string; perSecond: number }> = [];
  const settings = process.argv.includes('--pending-only') ? SETTINGS.filter((setting) => setting.pending) : SETTINGS;
  for (const setting of settings) {
    await pool.query('truncate chunk_vectors, chunk_search_terms, chunk_vector_writes');
    await vectors.dropHnswIndex(DIMENSION);
    // One owner's table: the file written is that owner's next file (its searches take the graph plan).
    const owner = randomUUID();
    await vectors.insertVectors(await rowsOf(BASE, randomUUID(), owner), 500);
    if (setting.build) await vectors.ensureHnswIndex(DIMENSION, setting.build);
    const fileId = randomUUID();
    const generation = await vectors.beginGeneration(fileId);
    const rows = await rowsOf(ROWS, fileId, owner, generation, !setting.pending);
    const start = performance.now();
    await vectors.insertVectors(rows);
    await vectors.promoteGeneration(fileId, generation, ROWS);
    const seconds = (performance.now() - start) / 1000;
    results.push({ label: setting.label, perSecond: ROWS / seconds });
    console.log(`  ${setting.label.padEnd(44)} ${seconds.toFixed(2)} s → ${(ROWS / seconds).toFixed(0)} rows/s`);
  }
  const base = results[0].perSecond;
  for (const r of results.slice(1)) console.log(`  ${r.label}: ${(r.perSecond / base).toFixed(2)}x the default's rate`);

  // The last setting left BASE indexed rows and the file's ROWS rows pending; measure search, index, measure again.
  const { rows: owner } = await pool.query<{ owner_id: string }>('select owner_id from chunk_vectors where not indexed limit 1');
  const writer = owner[0].owner_id;
  const searchFigures = async (label: string) => {
    const found = { every: 0, writer: 0 };
    let expected = 0;
    const latencies = { every: [] as number[], writer: [] as number[] };
    for (let q = 0; q < QUERIES; q++) {
      const [vector] = await provider.embed([topicQuery()]);
      const query = { model: provider.model, dimension: DIMENSION, vector, topK: 10, exactScanMaxRows: 0 };
      for (const [scope, ownerId] of [['every', undefined], ['writer', writer]] as const) {
        const exact = await vectors.exactSearch({ ...query, ownerId });
        const bound = (exact.at(-1)?.score ?? 1) - 1e-6; // ties with the exact 10th count as right
        const hits = await timed(() => vectors.search({ ...query, ownerId }), latencies[scope]);
        found[scope] += Math.min(exact.length, hits.filter((hit) => hit.score >= bound).length);
        if (scope === 'writer') expected += exact.length;
      }
    }
    const [every, mine] = [percentiles(latencies.every), percentiles(latencies.writer)];
    console.log(
      `  ${label}: recall@10 every owner ${(found.every / Math.max(1, expected)).toFixed(3)}, ` +
        `writer's owner ${(found.writer / Math.max(1, expected)).toFixed(3)}; search p50/p95 every owner ` +
        `${every.p50.toFixed(1)} / ${every.p95.toFixed(1)} ms, writer's owner ${mine.p50.toFixed(1)} / ${mine.p95.toFixed(1)} ms`,
    );
  };
  console.log(`search (graph plan, ef_search default, ${QUERIES} queries × 2 scopes), ${BASE} indexed rows:`);
  await searchFigures(`${await vectors.pendingCount()} rows pending`);
  const indexer = new VectorIndexer({ runsQueue: () => false } as unknown as AppConfig, vectors);
  const start = performance.now();
  const moved = await indexer.drain();
  const seconds = (performance.now() - start) / 1000;
  console.log(`  background indexing: ${moved} rows in ${seconds.toFixed(2)} s → ${(moved / seconds).toFixed(0)} rows/s`);
  await searchFigures('0 rows pending (all indexed)');
} finally {
  await pool.end();
  await embedded.stop();
}
