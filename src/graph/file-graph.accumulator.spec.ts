import { RulesGraphExtractor } from './extractors/rules-graph.extractor.js';
import { GOLD_TEXT } from './extractors/testing/gold-corpus.js';
import { GraphMerger } from './graph-merger.js';

describe('FileGraphAccumulator', () => {
  it('gives, batch by batch, exactly the graph of merging all findings at once', async () => {
    const sentences = GOLD_TEXT.split(/(?<=\.)\s+/);
    const texts = Array.from({ length: 12 }, (_, i) => sentences.slice(i * 3, i * 3 + 5).join(' ')).filter(Boolean);
    const { chunks } = await new RulesGraphExtractor().extract(texts.map((text, i) => ({ id: `chunk-${i}`, text })));
    const merger = new GraphMerger();
    const whole = merger.merge(chunks, ['chunk-x']);
    const accumulator = merger.accumulator();
    for (let i = 0; i < chunks.length; i += 5) accumulator.add(chunks.slice(i, i + 5));
    const streamed = accumulator.finish(['chunk-x']);

    expect(whole.entities.size).toBeGreaterThan(5);
    expect(whole.relations.length).toBeGreaterThan(5);
    expect([...streamed.entities.entries()]).toEqual([...whole.entities.entries()]);
    const sorted = (relations: typeof whole.relations) => relations.map((r) => ({ ...r, chunkIds: [...r.chunkIds].sort() }));
    expect(sorted(streamed.relations)).toEqual(sorted(whole.relations));
    expect(streamed.failedChunkIds).toEqual(['chunk-x']);
  });
});
