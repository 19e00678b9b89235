import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';
import { HashEmbeddingProvider } from './embedding/hash-embedding.provider.js';
import { VectorsRepository } from './vectors.repository.js';

/** 24 passages on distinct topics, each with a keyword query taken from it. */
const CORPUS: { passage: string; query: string }[] = [
  { passage: 'Photosynthesis lets plants turn sunlight, water and carbon dioxide into glucose and oxygen inside their chloroplasts.', query: 'chloroplasts glucose' },
  { passage: 'The French Revolution began in 1789 with the storming of the Bastille and ended the absolute monarchy of Louis XVI.', query: 'storming of the Bastille' },
  { passage: 'Espresso is brewed by forcing hot water through finely ground coffee beans at about nine bars of pressure.', query: 'espresso pressure' },
  { passage: 'A black hole forms when a massive star collapses and its gravity becomes so strong that not even light escapes.', query: 'black hole gravity light' },
  { passage: 'Sourdough bread rises thanks to a starter of wild yeast and lactic acid bacteria that ferments the dough slowly.', query: 'sourdough starter yeast' },
  { passage: 'Invoices above ten thousand euros must be approved by the finance director before the payment run on Fridays.', query: 'invoice approval finance director' },
  { passage: 'The marathon distance of 42.195 kilometres was fixed at the 1908 London Olympics to reach the royal box.', query: 'marathon kilometres' },
  { passage: 'Volcanic eruptions eject lava, ash and sulfur dioxide; pyroclastic flows can travel down slopes at great speed.', query: 'pyroclastic flows lava' },
  { passage: 'TCP guarantees ordered delivery with sequence numbers, acknowledgements and retransmission of lost segments.', query: 'TCP retransmission segments' },
  { passage: 'Honeybees communicate the direction of flowers to the hive with a waggle dance relative to the sun.', query: 'honeybees waggle dance' },
  { passage: 'The violin has four strings tuned in fifths and is played with a bow strung with horsehair.', query: 'violin bow horsehair' },
  { passage: 'Chess openings such as the Sicilian Defence shape the middlegame by fighting for control of the centre squares.', query: 'Sicilian Defence chess' },
  { passage: 'Glaciers carve U-shaped valleys and leave moraines of rock debris as they retreat during warmer periods.', query: 'glaciers moraines' },
  { passage: 'Vaccines train the immune system by presenting antigens so that memory cells respond quickly to infection.', query: 'vaccines antigens immune' },
  { passage: 'Employees accrue twenty-five days of paid vacation per year; unused leave expires at the end of March.', query: 'paid vacation leave' },
  { passage: 'Compound interest adds earned interest to the principal so that future interest is computed on a growing balance.', query: 'compound interest principal' },
  { passage: 'The Great Wall of China was built over centuries by several dynasties to guard against northern nomadic raids.', query: 'Great Wall dynasties' },
  { passage: 'Penguins cannot fly, but their flippers make them agile swimmers in the cold waters of the Southern Hemisphere.', query: 'penguins flippers swimmers' },
  { passage: 'Rust prevents data races at compile time through ownership, borrowing and lifetimes checked by the borrow checker.', query: 'borrow checker ownership' },
  { passage: 'Tea leaves from Camellia sinensis become green, oolong or black tea depending on how long they oxidise.', query: 'oolong tea oxidise' },
  { passage: 'Earthquakes are measured with seismographs, and their magnitude is reported on the moment magnitude scale.', query: 'seismographs magnitude' },
  { passage: 'Solar panels convert photons into electricity with photovoltaic cells made of doped silicon wafers.', query: 'photovoltaic silicon panels' },
  { passage: 'The server room must stay between eighteen and twenty-seven degrees; the air conditioning alarm pages the on-call engineer.', query: 'server room air conditioning alarm' },
  { passage: 'Origami folds a single square sheet of paper into cranes, boxes and flowers without cutting or glue.', query: 'origami paper cranes' },
];

describe('retrieval quality of the default (hash) provider', () => {
  let database: TestDatabase;
  let repository: VectorsRepository;
  const provider = new HashEmbeddingProvider(384);
  const owner = randomUUID();
  const fileIds = CORPUS.map(() => randomUUID());

  beforeAll(async () => {
    database = await createTestDatabase();
    repository = new VectorsRepository(database.db);
    await repository.ensureHnswIndex(384);
    const vectors = await provider.embed(CORPUS.map((c) => c.passage));
    for (const [i, { passage }] of CORPUS.entries()) {
      await repository.replaceFileVectors(fileIds[i], [
        { chunkId: randomUUID(), fileId: fileIds[i], ownerId: owner, model: provider.model, dimension: 384, embedding: vectors[i], chunkIndex: 0, text: passage },
      ]);
    }
  });
  afterAll(async () => database.close());

  it('ranks the source passage first for at least 90% of keyword queries (through pgvector search)', async () => {
    const misses: string[] = [];
    for (const [i, { query }] of CORPUS.entries()) {
      const [vector] = await provider.embed([query]);
      const [top] = await repository.search({ model: provider.model, dimension: 384, vector, topK: 1, ownerId: owner });
      if (top?.fileId !== fileIds[i]) misses.push(`${query} → ${top?.text ?? 'nothing'}`);
    }
    const hitRate = (CORPUS.length - misses.length) / CORPUS.length;
    if (hitRate < 0.9) throw new Error(`hit rate ${hitRate}; misses:\n${misses.join('\n')}`);
    expect(hitRate).toBeGreaterThanOrEqual(0.9);
    expect(CORPUS.length).toBeGreaterThanOrEqual(20);
  });
});
