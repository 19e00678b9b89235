import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { GraphLlmCacheRepository } from './graph-llm-cache.repository.js';
import { GraphMerger } from './graph-merger.js';
import { GraphQueryRepository } from './graph-query.repository.js';
import { GraphRepository } from './graph.repository.js';
import { type ChunkExtraction, type EntityType } from './graph.types.js';

type Spec = [name: string, type: EntityType][];

/** A file graph: each chunk names entities and relations "a>relation>b". */
function graphOf(chunks: Record<string, { entities: Spec; relations?: string[] }>) {
  const extractions: ChunkExtraction[] = Object.entries(chunks).map(([chunkId, c]) => ({
    chunkId,
    entities: c.entities.map(([name, type]) => ({ name, type })),
    relations: (c.relations ?? []).map((r) => {
      const [source, relation, target] = r.split('>');
      return { source, target, relation, weight: 1 };
    }),
  }));
  return new GraphMerger().merge(extractions);
}

describe('GraphRepository (PGlite)', () => {
  let database: TestDatabase;
  let store: GraphRepository;
  let queries: GraphQueryRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new GraphRepository(database.db);
    queries = new GraphQueryRepository(database.db);
  });
  afterAll(async () => database.close());

  const entitiesOf = async (ownerId: string) =>
    (
      await database.db.execute(
        sql`select id, normalized_name, type, mention_count from graph_entities where owner_id = ${ownerId} order by normalized_name`,
      )
    ).rows as { id: string; normalized_name: string; type: string; mention_count: number }[];

  it('replacing a file graph twice with the same graph leaves the same rows, ids included', async () => {
    const owner = randomUUID();
    const file = randomUUID();
    const chunk = randomUUID();
    const graph = graphOf({
      [chunk]: {
        entities: [['Marie Curie', 'person'], ['Paris', 'place'], ['Marie Curie', 'person']],
        relations: ['Marie Curie>live_in>Paris'],
      },
    });
    const first = await store.replaceFileGraph(owner, file, graph);
    const before = await entitiesOf(owner);
    const second = await store.replaceFileGraph(owner, file, graph);
    expect(second).toEqual(first);
    expect(await entitiesOf(owner)).toEqual(before);
    expect(before.map((e) => [e.normalized_name, e.mention_count])).toEqual([
      ['marie curie', 2],
      ['paris', 1],
    ]);
    const fileGraph = await queries.fileGraph(file, 10);
    expect(fileGraph.edges).toEqual([
      { source: before[0].id, target: before[1].id, relation: 'live_in', weight: 1 },
    ]);
  });

  it("deleting a file removes its contributions but keeps entities other files mention, with lower counts", async () => {
    const owner = randomUUID();
    const [fileA, fileB] = [randomUUID(), randomUUID()];
    await store.replaceFileGraph(
      owner,
      fileA,
      graphOf({ [randomUUID()]: { entities: [['Berlin', 'place'], ['Angela Merkel', 'person']], relations: ['Angela Merkel>visit>Berlin'] } }),
    );
    await store.replaceFileGraph(
      owner,
      fileB,
      graphOf({ [randomUUID()]: { entities: [['Berlin', 'place'], ['Berlin', 'place'], ['Bonn', 'place']], relations: ['Berlin>near>Bonn'] } }),
    );
    expect((await entitiesOf(owner)).map((e) => [e.normalized_name, e.mention_count])).toEqual([
      ['angela merkel', 1],
      ['berlin', 3],
      ['bonn', 1],
    ]);

    await store.deleteFileGraph(fileA);

    expect((await entitiesOf(owner)).map((e) => [e.normalized_name, e.mention_count])).toEqual([
      ['berlin', 2],
      ['bonn', 1],
    ]);
    expect((await queries.fileGraph(fileA, 10)).nodes).toEqual([]);
    const relations = await database.db.execute(sql`select type from graph_relations where owner_id = ${owner}`);
    expect(relations.rows).toEqual([{ type: 'near' }]);
  });

  it('a new graph of a file replaces its old one: entities it no longer names are gone', async () => {
    const owner = randomUUID();
    const file = randomUUID();
    await store.replaceFileGraph(owner, file, graphOf({ [randomUUID()]: { entities: [['Tokyo', 'place']] } }));
    await store.replaceFileGraph(owner, file, graphOf({ [randomUUID()]: { entities: [['Kyoto', 'place']] } }));
    expect((await entitiesOf(owner)).map((e) => e.normalized_name)).toEqual(['kyoto']);
  });

  it("keeps owners apart: the same name makes one entity per owner, and search filters by owner", async () => {
    const [alice, bob] = [randomUUID(), randomUUID()];
    await store.replaceFileGraph(alice, randomUUID(), graphOf({ [randomUUID()]: { entities: [['Zanzibar', 'place']] } }));
    await store.replaceFileGraph(bob, randomUUID(), graphOf({ [randomUUID()]: { entities: [['Zanzibar', 'place']] } }));
    const aliceHits = await queries.searchEntities(alice, 'zanzi', undefined, 10);
    expect(aliceHits).toHaveLength(1);
    expect((await entitiesOf(alice))[0].id).toBe(aliceHits[0].id);
    expect(await queries.searchEntities(null, 'zanzibar', 'place', 10)).toHaveLength(2);
    expect(await queries.searchEntities(alice, 'zanzibar', 'person', 10)).toHaveLength(0);
  });

  it('finds neighbors up to the asked depth, in either direction, nearest first', async () => {
    const owner = randomUUID();
    // a → b → c → d, and e → a
    await store.replaceFileGraph(
      owner,
      randomUUID(),
      graphOf({
        [randomUUID()]: {
          entities: [['Alpha', 'concept'], ['Beta', 'concept'], ['Gamma', 'concept'], ['Delta', 'concept'], ['Epsilon', 'concept']],
          relations: ['Alpha>link>Beta', 'Beta>link>Gamma', 'Gamma>link>Delta', 'Epsilon>link>Alpha'],
        },
      }),
    );
    const [alpha] = await queries.searchEntities(owner, 'alpha', undefined, 1);
    const names = async (depth: number) =>
      (await queries.neighbors(alpha.id, depth, 100)).nodes.map((n) => `${n.name}:${n.depth}`).sort();
    expect(await names(1)).toEqual(['Beta:1', 'Epsilon:1']);
    expect(await names(2)).toEqual(['Beta:1', 'Epsilon:1', 'Gamma:2']);
    expect(await names(3)).toEqual(['Beta:1', 'Delta:3', 'Epsilon:1', 'Gamma:2']);
    expect((await queries.neighbors(alpha.id, 1, 100)).edges).toHaveLength(2);
  });

  it('caches LLM answers by model, prompt version and text', async () => {
    const cache = new GraphLlmCacheRepository(database.db);
    const key = { model: 'm', promptVersion: 'v1', text: `chunk ${randomUUID()}` };
    expect(await cache.get(key)).toBeUndefined();
    await cache.put(key, { entities: [], relations: [] });
    expect(await cache.get(key)).toEqual({ entities: [], relations: [] });
    expect(await cache.get({ ...key, promptVersion: 'v2' })).toBeUndefined();
  });
});
