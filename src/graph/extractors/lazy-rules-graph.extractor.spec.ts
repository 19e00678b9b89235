import { describe, expect, it } from '@jest/globals';
import { LazyRulesGraphExtractor } from './lazy-rules-graph.extractor.js';
import { RulesGraphExtractor } from './rules-graph.extractor.js';

describe('LazyRulesGraphExtractor', () => {
  const chunks = [
    { id: 'a', text: 'Tim Cook leads Apple in Cupertino.' },
    { id: 'b', text: 'Marie Curie worked in Paris with Pierre Curie.' },
  ];

  it('finds what RulesGraphExtractor finds, from its first call on', async () => {
    const lazy = new LazyRulesGraphExtractor();
    const direct = await new RulesGraphExtractor().extract(chunks);
    const [first, second] = await Promise.all([lazy.extract(chunks), lazy.extract(chunks.slice(1))]);
    expect(first).toEqual(direct);
    expect(second.chunks).toEqual(direct.chunks.slice(1));
  });

  it('passes the job signal on', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(new LazyRulesGraphExtractor().extract(chunks, { signal: controller.signal })).rejects.toThrow('stop');
  });
});
