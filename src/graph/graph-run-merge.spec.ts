import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { RulesGraphExtractor } from './extractors/rules-graph.extractor.js';
import { GOLD_TEXT } from './extractors/testing/gold-corpus.js';
import { JAPANESE_HELD_OUT_TEXTS } from './extractors/testing/held-out-corpus.ja.js';
import { REAL_HELD_OUT_TEXTS, REAL_TUNING_TEXTS } from './extractors/testing/held-out-corpus.real.js';
import { FRESH_TEXTS, HELD_OUT_TEXTS, UNSEEN_TEXTS } from './extractors/testing/held-out-corpus.js';
import { CHINESE_HELD_OUT_TEXTS } from './extractors/testing/held-out-corpus.zh.js';
import { GraphMerger } from './graph-merger.js';
import { GraphRunRowsLostError } from './graph-run-rows-lost.error.js';
import { GraphRunSupersededError } from './graph-run-superseded.error.js';
import { stagedExtractionOf } from './graph-stage-rows.js';
import { GraphStagingRepository } from './graph-staging.repository.js';
import { GraphRepository } from './graph.repository.js';
import { type ChunkExtraction, ENTITY_TYPES } from './graph.types.js';

/** Cuts a text into chunks of about `size` characters at sentence ends, each with a chunk id as the store has. */
function chunksOf(text: string, size = 1500): { id: string; text: string }[] {
  const chunks: { id: string; text: string }[] = [];
  let current = '';
  for (const sentence of text.split(/(?<=[.!?。！？])\s*/)) {
    if (current.length + sentence.length > size && current) {
      chunks.push({ id: randomUUID(), text: current });
      current = '';
    }
    current += (current ? ' ' : '') + sentence;
  }
  if (current) chunks.push({ id: randomUUID(), text: current });
  return chunks;
}

/** A small deterministic generator (mulberry32), so a failing seed can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Names chosen to meet every rule: aliases by first or last word and by company suffix, one name written several
// ways, names too short to count, a name both a first and a last word, characters an array literal must escape.
const NAMES = ['The "Quoted" Group', 'Back\\slash Ltd', '{Braces}, Inc', 'NULL', 'Marie Curie', 'Curie', 'Marie', 'curie', "Curie's", 'Pierre Curie', 'Apple', 'Apple Inc.', 'Apple Inc', 'apple',
  'Acme Corp', 'Acme', 'the Acme', 'Paris', 'PARIS', 'Smith', 'John Smith', 'Smith Jones', 'Jones', 'source code', 'Source Code',
  'X', '42', 'GNU General Public License', 'General', 'Zürich', '北京', '臺北市', '台北市', 'Ünïcode Name'];
const RELATIONS = ['co_occurs_with', 'Works For', 'lives in', '--', 'found', 'co occurs with'];
const DESCRIPTIONS = [undefined, undefined, '', '  a description  ', 'another one'];

/** Findings of `chunks` chunks drawn from the vocabulary above: ties of types, surfaces and descriptions are common. */
function randomFindings(seed: number, chunks: number): ChunkExtraction[] {
  const next = random(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
  return Array.from({ length: chunks }, () => ({
    chunkId: randomUUID(),
    entities: Array.from({ length: Math.floor(next() * 8) }, () => ({
      name: pick(NAMES),
      type: pick(ENTITY_TYPES),
      description: pick(DESCRIPTIONS),
    })),
    relations: Array.from({ length: Math.floor(next() * 6) }, () => ({
      source: next() < 0.1 ? 'Nobody Named' : pick(NAMES),
      target: pick(NAMES),
      relation: pick(RELATIONS),
      weight: pick([1, 2, 3, 0, -1, 0.5]),
    })),
  }));
}

describe('Staged graph merge (PGlite) against the in-memory merge', () => {
  let database: TestDatabase;
  let store: GraphRepository;
  let staging: GraphStagingRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new GraphRepository(database.db);
    staging = new GraphStagingRepository(database.db);
  });
  afterAll(async () => database.close());

  /** Today's path: the whole file's graph merged in memory, then stored. */
  const storeInMemory = (owner: string, file: string, findings: ChunkExtraction[]) =>
    store.replaceFileGraph(owner, file, new GraphMerger().merge(findings));

  /** Stages findings as one batch whose first entity finding is at stream position `seq`; answers the next batch's. */
  async function stageBatch(run: string, seq: number, findings: ChunkExtraction[]): Promise<number> {
    const { packs } = stagedExtractionOf({ chunks: findings, failedChunkIds: [] });
    await staging.stage(run, seq, packs);
    return packs.reduce((next, pack) => next + pack.occurrences, seq);
  }

  /** The staged path, batch by batch as GraphService stages them (a batch of more than 8 chunks is several packs). */
  async function storeStaged(owner: string, file: string, findings: ChunkExtraction[], batch = 20) {
    const run = await staging.startRun(file);
    let seq = 0;
    for (let i = 0; i < findings.length; i += batch) seq = await stageBatch(run, seq, findings.slice(i, i + batch));
    return store.replaceFileGraphFromRun(owner, file, run);
  }

  /** What readers see of an owner's graph and of one file's contributions, ids aside. */
  async function snapshot(owner: string, file: string) {
    const rows = async (query: ReturnType<typeof sql>) =>
      ((await database.db.execute(query)).rows as Record<string, unknown>[]).map((r) => JSON.stringify(Object.values(r))).sort();
    return {
      entities: await rows(sql`select name, normalized_name, type, description, mention_count from graph_entities where owner_id = ${owner}`),
      mentions: await rows(sql`
        select e.normalized_name, e.type, m.chunk_id, m.count
        from graph_mentions m join graph_entities e on e.id = m.entity_id where m.file_id = ${file}`),
      relations: await rows(sql`
        select s.normalized_name, s.type, t.normalized_name, t.type, r.type, r.weight, r.chunk_ids
        from graph_relations r join graph_entities s on s.id = r.source_id join graph_entities t on t.id = r.target_id
        where r.file_id = ${file}`),
    };
  }

  async function expectSameGraph(findings: ChunkExtraction[], batch?: number) {
    const [oldOwner, newOwner, oldFile, newFile] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const before = await storeInMemory(oldOwner, oldFile, findings);
    const after = await storeStaged(newOwner, newFile, findings, batch);
    expect(after).toEqual(before);
    const expected = await snapshot(oldOwner, oldFile);
    expect(await snapshot(newOwner, newFile)).toEqual(expected);
    return expected;
  }

  const stagedRows = async () =>
    Number(
      ((await database.db.execute(sql`select (select count(*) from graph_stage_runs) + (select count(*) from graph_stage_entities)
        + (select count(*) from graph_stage_relations) + (select count(*) from graph_stage_names) as n`)).rows[0] as { n: string }).n,
    );

  const corpora: [string, string][] = [
    ['written held-out texts and the gold text', [...HELD_OUT_TEXTS, ...FRESH_TEXTS, ...UNSEEN_TEXTS].map((t) => t.text).join(' ') + ' ' + GOLD_TEXT],
    ['the GNU GPL v3 and the real held-out texts', [...REAL_TUNING_TEXTS, ...REAL_HELD_OUT_TEXTS].map((t) => t.text).join('\n\n')],
    ['Chinese and Japanese held-out texts', [...CHINESE_HELD_OUT_TEXTS, ...JAPANESE_HELD_OUT_TEXTS].map((t) => t.text).join('。')],
  ];
  it.each(corpora)('stores the same entities, types, counts and relations on %s', async (_, text) => {
    const { chunks } = await new RulesGraphExtractor().extract(chunksOf(text));
    const graph = await expectSameGraph(chunks);
    expect(graph.entities.length).toBeGreaterThan(10);
    expect(graph.relations.length).toBeGreaterThan(10);
  });

  it('stores the same graph on random findings full of ties, aliases and odd relations', async () => {
    for (let seed = 1; seed <= 12; seed++) await expectSameGraph(randomFindings(seed, 40), 1 + (seed % 9));
  }, 300_000);

  it('adds up with other files of the owner, and a rerun keeps the rows and ids', async () => {
    const [a, b] = [randomFindings(101, 30), randomFindings(102, 30)];
    const [oldOwner, newOwner] = [randomUUID(), randomUUID()];
    const files = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await storeInMemory(oldOwner, files[0], a);
    await storeInMemory(oldOwner, files[1], b);
    await storeStaged(newOwner, files[2], a);
    await storeStaged(newOwner, files[3], b);
    expect(await snapshot(newOwner, files[3])).toEqual(await snapshot(oldOwner, files[1]));
    const ids = async () => (await database.db.execute(sql`select id, mention_count from graph_entities where owner_id = ${newOwner} order by id`)).rows;
    const before = await ids();
    await storeStaged(newOwner, files[2], a, 3);
    expect(await ids()).toEqual(before);
  });

  it('counts only the newest attempt of a retried run, and the stale attempt cannot write or merge', async () => {
    const findings = randomFindings(7, 20);
    const [owner, file] = [randomUUID(), randomUUID()];
    const stale = await staging.startRun(file);
    await stageBatch(stale, 0, findings.slice(0, 10));
    await storeStaged(owner, file, findings);
    await expect(stageBatch(stale, 0, findings.slice(10))).rejects.toThrow();
    await expect(store.replaceFileGraphFromRun(owner, file, stale)).rejects.toBeInstanceOf(GraphRunSupersededError);

    const reference = randomUUID();
    const referenceFile = randomUUID();
    await storeInMemory(reference, referenceFile, findings);
    expect(await snapshot(owner, file)).toEqual(await snapshot(reference, referenceFile));
    expect(await stagedRows()).toBe(0);
  });

  it('stages a lone surrogate as U+FFFD, as the driver encodes a text parameter', async () => {
    const [owner, file] = [randomUUID(), randomUUID()];
    const chunkId = randomUUID();
    await storeStaged(owner, file, [
      { chunkId, entities: [{ name: 'Lone \ud800 Surrogate Group', type: 'organization' }], relations: [] },
    ]);
    const { rows } = await database.db.execute(sql`select name from graph_entities where owner_id = ${owner}`);
    expect(rows).toEqual([{ name: 'Lone \ufffd Surrogate Group' }]);
  });

  it('refuses to merge a run whose unlogged staged rows went missing (a database crash empties them)', async () => {
    const [owner, file] = [randomUUID(), randomUUID()];
    const run = await staging.startRun(file);
    const findings = randomFindings(21, 20);
    await stageBatch(run, await stageBatch(run, 0, findings.slice(0, 10)), findings.slice(10));
    await database.db.execute(sql`delete from graph_stage_relations where run_id = ${run}`);
    await expect(store.replaceFileGraphFromRun(owner, file, run)).rejects.toBeInstanceOf(GraphRunRowsLostError);
    const { rows: stored } = await database.db.execute(sql`select 1 from graph_entities where owner_id = ${owner}`);
    expect(stored).toEqual([]);
    await staging.dropRun(run);
  });

  it('reclaims the staging tables outside a transaction (VACUUM refuses one)', async () => {
    await stageBatch(await staging.startRun(randomUUID()), 0, randomFindings(5, 5));
    await database.db.execute(sql`delete from graph_stage_runs`);
    await expect(staging.reclaimSpace()).resolves.toBeUndefined();
  });

  it('leaves no staged rows behind a dropped run or a deleted file', async () => {
    const file = randomUUID();
    const dropped = await staging.startRun(file);
    await stageBatch(dropped, 0, randomFindings(3, 5));
    await staging.dropRun(dropped);
    const orphan = await staging.startRun(file);
    await stageBatch(orphan, 0, randomFindings(4, 5));
    await store.deleteFileGraph(file);
    expect(await stagedRows()).toBe(0);
  });
});
