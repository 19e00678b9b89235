import { normalizeEntityName } from '../entity-name.js';
import { GraphMerger } from '../graph-merger.js';
import { CO_OCCURRENCE, RulesGraphExtractor } from './rules-graph.extractor.js';
import { GOLD_ENTITIES, GOLD_TEXT } from './testing/gold-corpus.js';

const NAMED_TYPES = new Set(['person', 'organization', 'place']);

async function fileGraph(texts: string[]) {
  const extractor = new RulesGraphExtractor();
  const result = await extractor.extract(texts.map((text, i) => ({ id: `chunk-${i}`, text })));
  return new GraphMerger().merge(result.chunks, result.failedChunkIds);
}

describe('RulesGraphExtractor', () => {
  it('finds the people, organizations and places of a gold text with precision and recall of at least 0.8', async () => {
    const graph = await fileGraph([GOLD_TEXT]);
    const predicted = new Set(
      [...graph.entities.values()].filter((e) => NAMED_TYPES.has(e.type)).map((e) => `${e.type}:${e.normalizedName}`),
    );
    const gold = new Set(GOLD_ENTITIES.map((e) => `${e.type}:${normalizeEntityName(e.name)}`));
    const truePositives = [...predicted].filter((p) => gold.has(p)).length;
    const precision = truePositives / predicted.size;
    const recall = truePositives / gold.size;
    expect(precision).toBeGreaterThanOrEqual(0.8);
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });

  it('names subject-verb-object relations by the verb lemma, passive turned around', async () => {
    const graph = await fileGraph(['Tim Cook leads Apple. Google was founded by Larry Page. Microsoft hired Satya Nadella.']);
    const edges = graph.relations
      .filter((r) => r.relation !== CO_OCCURRENCE)
      .map((r) => `${graph.entities.get(r.sourceKey)?.name} ${r.relation} ${graph.entities.get(r.targetKey)?.name}`);
    expect(edges).toEqual(expect.arrayContaining(['Tim Cook lead Apple', 'Microsoft hire Satya Nadella']));
    expect(edges.some((e) => e.startsWith('Larry Page found'))).toBe(true);
  });

  it('weights co-occurrence by the number of sentences two names share, across chunks', async () => {
    const graph = await fileGraph([
      'Angela Merkel met Barack Obama in Berlin.',
      'Barack Obama praised Angela Merkel. Later, Angela Merkel flew home.',
    ]);
    const pair = graph.relations.find((r) => {
      const names = [graph.entities.get(r.sourceKey)?.name, graph.entities.get(r.targetKey)?.name].sort();
      return r.relation === CO_OCCURRENCE && names[0] === 'Angela Merkel' && names[1] === 'Barack Obama';
    });
    expect(pair?.weight).toBe(2);
    expect(pair?.chunkIds.sort()).toEqual(['chunk-0', 'chunk-1']);
  });

  it('extracts noun-phrase concepts in their root form', async () => {
    const graph = await fileGraph(['The quantum computers use superconducting qubits.']);
    const concepts = [...graph.entities.values()].filter((e) => e.type === 'concept').map((e) => e.normalizedName);
    expect(concepts).toEqual(expect.arrayContaining(['quantum computer', 'superconducting qubit']));
  });

  it('merges case, possessives, punctuation and a lone surname into one entity with its mention count', async () => {
    const graph = await fileGraph([
      "Marie Curie studied radium. MARIE CURIE's notebooks survive.",
      'Later, Curie won a prize. marie  curie, again.',
    ]);
    const curie = [...graph.entities.values()].filter((e) => e.normalizedName.includes('curie'));
    expect(curie).toHaveLength(1);
    expect(curie[0]).toMatchObject({ normalizedName: 'marie curie', type: 'person' });
    expect([...curie[0].mentions.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3);
  });

  describe('types names by evidence, never by a guess', () => {
    const typesIn = (text: string) =>
      Object.fromEntries(
        new RulesGraphExtractor()
          .extractChunk({ id: 'c', text })
          .entities.filter((e) => e.type !== 'concept')
          .map((e) => [e.name, e.type]),
      );

    it('by the words of the name itself', () => {
      expect(
        typesIn(
          'Babbage designed the Analytical Engine. Engineers closed the Golden Gate Bridge. ' +
            'Staff of Northwind Ltd met the Ministry of Transport at the Boston Marathon. Hurricane Katrina hit hard.',
        ),
      ).toMatchObject({
        'Analytical Engine': 'product',
        'Golden Gate Bridge': 'place',
        'Northwind Ltd': 'organization',
        'Ministry of Transport': 'organization',
        'Boston Marathon': 'event',
        'Hurricane Katrina': 'event',
      });
    });

    it('by the sentence around it, and leaves a name without evidence as other', () => {
      expect(typesIn('Zorblax Quentor arrived yesterday.')).toEqual({ 'Zorblax Quentor': 'other' });
      expect(typesIn('Microsoft hired Zorblax Quentor, who grew up nearby.')).toMatchObject({ 'Zorblax Quentor': 'person' });
      expect(typesIn('Zorblax Quentor founded Blorptech.')).toEqual({ 'Zorblax Quentor': 'person', Blorptech: 'organization' });
      expect(typesIn('Chief financial officer Priya Natarajan met auditors at Qlarvo.')).toEqual({
        'Priya Natarajan': 'person',
        Qlarvo: 'organization',
      });
      expect(typesIn('Tim Cook of Apple visited Plenth.')).toMatchObject({ Apple: 'organization' });
    });

    it('leaves titles out of a person\'s name, not out of an organization\'s', () => {
      expect(typesIn('Dr. Kenji Watanabe met Mayor Linda Park and Apple CEO Tim Cook.')).toMatchObject({
        'Kenji Watanabe': 'person',
        'Linda Park': 'person',
        'Tim Cook': 'person',
      });
      expect(typesIn('General Motors cut jobs.')).toEqual({ 'General Motors': 'organization' });
    });

    it('gives a lone surname its person, and "from Babbage\'s drawings" makes no place', async () => {
      const graph = await fileGraph(['Charles Babbage designed engines. A museum built one from Babbage\'s drawings.']);
      const babbage = [...graph.entities.values()].filter((e) => e.normalizedName.includes('babbage'));
      expect(babbage.map((e) => [e.normalizedName, e.type])).toEqual([['charles babbage', 'person']]);
    });
  });

  describe('on real documents (the GNU GPL v3)', () => {
    const GPL =
      'The GNU General Public License is a free, copyleft license for software and other kinds of works. ' +
      'We, the Free Software Foundation, use the GNU General Public License for most of our software. ' +
      'A "Major Component", in this context, means a major essential component of the specific operating system. ' +
      'Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/> ' +
      'THERE IS NO WARRANTY FOR THE PROGRAM, TO THE EXTENT PERMITTED BY APPLICABLE LAW. ' +
      'Each time you convey a covered work, the recipient automatically receives a license from the original ' +
      'licensors, to run, modify and propagate that work, subject to this License. You may not grant a sublicense.';

    it('keeps a multiword proper name whole and makes no entity of a word torn out of it', async () => {
      const graph = await fileGraph([GPL]);
      const names = [...graph.entities.values()].map((e) => e.normalizedName);
      expect(names).toContain('gnu general public license');
      for (const torn of ['general', 'gnu', 'public license', 'inc']) expect(names).not.toContain(torn);
      expect(names).toContain('free software foundation');
    });

    it('makes a name a person only with person evidence', async () => {
      const graph = await fileGraph([GPL]);
      const people = [...graph.entities.values()].filter((e) => e.type === 'person').map((e) => e.name);
      expect(people).toEqual([]);
      // A title before a known first name or surname, or a title that only ever precedes a person, still is.
      const titled = await fileGraph(['King Charles met President Lincoln and Senator Quibble.']);
      expect([...titled.entities.values()].filter((e) => e.type === 'person').map((e) => e.name).sort()).toEqual([
        'Charles',
        'Lincoln',
        'Quibble',
      ]);
    });

    it('makes no concept of a lone generic noun, nor names of an all-capitals sentence', async () => {
      const graph = await fileGraph([GPL]);
      const named = [...graph.entities.values()].map((e) => e.normalizedName);
      for (const generic of ['work', 'term', 'copy', 'part', 'warranty', 'there is no warranty', 'program']) {
        expect(named).not.toContain(generic);
      }
      expect(named).toContain('covered work');
    });
  });

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      new RulesGraphExtractor().extract([{ id: 'c', text: 'Tim Cook leads Apple.' }], { signal: controller.signal }),
    ).rejects.toThrow();
  });
});
