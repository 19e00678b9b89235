/**
 * Knowledge-graph benchmark on the embedded PGlite (or DATABASE_URL): throughput of the `rules` extractor and of the
 * graph store (chunks/s), then neighbor-query latency (depth 1..3, p50/p95) on a graph of 100k entities.
 * Extraction runs twice on the same chunks, rounds interleaved: with the tagging path of before (compromise's own
 * sweep, terms copied by json()) and with today's, and prints the ratio (CPU time, best round of BENCH_ROUNDS=3).
 *   node scripts/bench/run.mjs graph      (BENCH_CHUNKS=400 BENCH_ENTITIES=100000 BENCH_QUERIES=100 to change)
 * Prints figures; asserts nothing.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { loadConfig } from '../../src/infra/config/app-config.js';
import { resolveDatabase } from '../../src/infra/database/database-resolver.js';
import { runMigrations } from '../../src/infra/database/migrations.js';
import nlp from 'compromise';
import { useFastSweep } from '../../src/graph/extractors/compromise-sweep.js';
import type { Term } from '../../src/graph/extractors/compromise-term.js';
import { RulesGraphExtractor } from '../../src/graph/extractors/rules-graph.extractor.js';
import { GraphMerger } from '../../src/graph/graph-merger.js';
import { GraphQueryRepository } from '../../src/graph/graph-query.repository.js';
import { GraphRepository } from '../../src/graph/graph.repository.js';
import { entityKey, type FileEntity, type FileGraph, type FileRelation } from '../../src/graph/graph.types.js';

const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 400);
const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CHUNKS_PER_FILE = 50;
const ENTITIES_PER_FILE = 500;
const RELATIONS_PER_FILE = 1500;

let seed = 7;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

const PEOPLE = ['Marie Curie', 'Albert Einstein', 'Ada Lovelace', 'Tim Cook', 'Angela Merkel', 'Barack Obama', 'Jeff Bezos', 'Nelson Mandela', 'Charles Babbage', 'Alan Turing'];
const ORGS = ['Microsoft', 'Google', 'Princeton University', 'the European Union', 'Amazon', 'Twitter', 'the University of Paris', 'IBM'];
const PLACES = ['Paris', 'Berlin', 'London', 'Japan', 'California', 'Seattle', 'India', 'South Africa', 'Warsaw'];
const VERBS = ['visited', 'joined', 'founded', 'praised', 'acquired', 'met', 'left', 'advised'];
const NOUNS = ['the quarterly report', 'a research lab', 'the new policy', 'quantum computers', 'the trade agreement', 'neural networks', 'the annual budget'];

/** About 2,000 characters (a 512-token chunk) of news-like English with names, verbs and noun phrases. */
function chunkText(): string {
  const sentences: string[] = [];
  let length = 0;
  while (length < 2000) {
    const sentence = pick([
      () => `${pick(PEOPLE)} ${pick(VERBS)} ${pick(ORGS)} in ${pick(PLACES)}.`,
      () => `${pick(ORGS)} ${pick(VERBS)} ${pick(NOUNS)} after ${pick(PEOPLE)} arrived in ${pick(PLACES)}.`,
      () => `In ${pick(PLACES)}, ${pick(NOUNS)} changed how ${pick(ORGS)} works with ${pick(NOUNS)}.`,
      () => `${pick(PEOPLE)} and ${pick(PEOPLE)} discussed ${pick(NOUNS)} and ${pick(NOUNS)}.`,
    ])();
    sentences.push(sentence);
    length += sentence.length + 1;
  }
  return sentences.join(' ');
}

/** A synthetic file graph: its own block of entities plus a few shared with other files, random relations. */
function syntheticGraph(fileIndex: number, files: number): FileGraph {
  const chunkIds = Array.from({ length: CHUNKS_PER_FILE }, () => randomUUID());
  const entities = new Map<string, FileEntity>();
  const names: string[] = [];
  const add = (n: number) => {
    const name = `entity ${n}`;
    const key = entityKey(name, 'concept');
    if (entities.has(key)) return;
    names.push(key);
    entities.set(key, { name: `Entity ${n}`, normalizedName: name, type: 'concept', mentions: new Map([[pick(chunkIds), 1 + Math.floor(random() * 3)]]) });
  };
  for (let i = 0; i < ENTITIES_PER_FILE - 20; i++) add(fileIndex * (ENTITIES_PER_FILE - 20) + i);
  // Shared entities link files into one graph.
  for (let i = 0; i < 20; i++) add(Math.floor(random() * files) * (ENTITIES_PER_FILE - 20) + Math.floor(random() * 10));
  const relations = new Map<string, FileRelation>();
  while (relations.size < RELATIONS_PER_FILE) {
    const [sourceKey, targetKey] = [pick(names), pick(names)];
    if (sourceKey === targetKey) continue;
    relations.set(`${sourceKey}|${targetKey}`, { sourceKey, targetKey, relation: pick(['co_occurs_with', 'found', 'join']), weight: 1, chunkIds: [pick(chunkIds)] });
  }
  return { entities, relations: [...relations.values()], failedChunkIds: [] };
}

/** The tagging path of before this change: compromise's own sweep, every term copied by json(). */
class JsonCopyingExtractor extends RulesGraphExtractor {
  protected override tagSentences(text: string): Term[][] {
    useFastSweep(false);
    try {
      const doc = nlp(text);
      doc.compute('root');
      const sentences = doc.json({ offset: true, terms: { tags: true, offset: true } }) as { terms: (Omit<Term, 'tags'> & { tags: string[] })[] }[];
      return sentences.map((s) => s.terms.map((t) => ({ ...t, tags: new Set(t.tags) })));
    } finally {
      useFastSweep(true);
    }
  }
}

/** CPU milliseconds of `run` (less disturbed by other processes on a shared machine than wall time). */
function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-graph-'));
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', EMBEDDED_DB_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const target = await resolveDatabase(config);
  const pool = new pg.Pool({ connectionString: target.url, max: 4 });
  await runMigrations(pool);
  const db = drizzle({ client: pool });
  const store = new GraphRepository(db);
  const queries = new GraphQueryRepository(db);
  console.log(`database: ${target.source === 'configured' ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (embedded)'}`);

  // 1. Extraction (rules): the tagging path of before vs today's, same chunks, rounds interleaved.
  const extractor = new RulesGraphExtractor();
  const before = new JsonCopyingExtractor();
  const merger = new GraphMerger();
  const texts = Array.from({ length: CHUNKS }, () => ({ id: randomUUID(), text: chunkText() }));
  const best = { before: Number.POSITIVE_INFINITY, today: Number.POSITIVE_INFINITY };
  let same = true;
  for (let round = 0; round < ROUNDS; round++) {
    const found: Record<keyof typeof best, string[]> = { before: [], today: [] };
    best.before = Math.min(best.before, cpuMs(() => (found.before = texts.map((t) => JSON.stringify(before.extractChunk(t))))));
    best.today = Math.min(best.today, cpuMs(() => (found.today = texts.map((t) => JSON.stringify(extractor.extractChunk(t))))));
    same &&= found.before.every((f, i) => f === found.today[i]);
  }
  const rate = (ms: number) => (CHUNKS / (ms / 1000)).toFixed(1);
  console.log(
    `rules extraction (in-thread, CPU time, best of ${ROUNDS}): before ${rate(best.before)} chunks/s, today ${rate(best.today)} chunks/s ` +
      `= ${(best.before / best.today).toFixed(2)}x; same findings: ${same}`,
  );

  // Store of real extracted graphs (wall time of extraction as the pipeline sees it, then of the store).
  let start = performance.now();
  const graphs: FileGraph[] = [];
  for (let i = 0; i < texts.length; i += CHUNKS_PER_FILE) {
    const result = await extractor.extract(texts.slice(i, i + CHUNKS_PER_FILE));
    graphs.push(merger.merge(result.chunks));
  }
  const extractSeconds = (performance.now() - start) / 1000;
  console.log(`rules extraction (wall time, with merge): ${CHUNKS} chunks of ~2,000 chars in ${extractSeconds.toFixed(1)} s = ${(CHUNKS / extractSeconds).toFixed(1)} chunks/s`);
  const extractOwner = randomUUID();
  start = performance.now();
  for (const graph of graphs) await store.replaceFileGraph(extractOwner, randomUUID(), graph);
  const storeSeconds = (performance.now() - start) / 1000;
  const sizes = graphs.reduce((s, g) => ({ e: s.e + g.entities.size, r: s.r + g.relations.length }), { e: 0, r: 0 });
  console.log(
    `store (extracted graphs): ${CHUNKS} chunks (${sizes.e} file-entities, ${sizes.r} relations) in ${storeSeconds.toFixed(2)} s = ` +
      `${(CHUNKS / storeSeconds).toFixed(0)} chunks/s`,
  );

  // 2. A 100k-entity graph of one owner, written through the store, file by file.
  const owner = randomUUID();
  const files = Math.ceil(ENTITIES / (ENTITIES_PER_FILE - 20));
  start = performance.now();
  for (let f = 0; f < files; f++) await store.replaceFileGraph(owner, randomUUID(), syntheticGraph(f, files));
  const buildSeconds = (performance.now() - start) / 1000;
  const counts = await pool.query<{ entities: string; relations: string }>(
    'select (select count(*) from graph_entities where owner_id = $1) as entities, (select count(*) from graph_relations where owner_id = $1) as relations',
    [owner],
  );
  console.log(
    `store (synthetic): ${files} files x ${CHUNKS_PER_FILE} chunks → ${counts.rows[0].entities} entities, ${counts.rows[0].relations} relations ` +
      `in ${buildSeconds.toFixed(1)} s = ${((files * CHUNKS_PER_FILE) / buildSeconds).toFixed(0)} chunks/s`,
  );

  // 3. Neighbor queries from random entities.
  const sample = await pool.query<{ id: string }>('select id from graph_entities where owner_id = $1 order by random() limit $2', [owner, QUERIES]);
  for (const depth of [1, 2, 3]) {
    const times: number[] = [];
    let found = 0;
    for (const { id } of sample.rows) {
      const t0 = performance.now();
      const result = await queries.neighbors(id, depth, 100);
      times.push(performance.now() - t0);
      found += result.nodes.length;
    }
    console.log(
      `neighbors depth ${depth} (limit 100): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, ` +
        `avg ${(found / sample.rows.length).toFixed(0)} nodes`,
    );
  }
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) await queries.searchEntities(owner, `entity ${Math.floor(random() * 1000)}`, undefined, 20);
  console.log(`entity name search: ${((performance.now() - t0) / 20).toFixed(1)} ms per query`);

  await pool.end();
  await target.stop();
  await rm(dataDir, { recursive: true, force: true });
}

await main();
