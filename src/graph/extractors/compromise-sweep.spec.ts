import nlp from 'compromise';
import { useFastSweep } from './compromise-sweep.js';
import { FRESH_TEXTS, HELD_OUT_TEXTS, UNSEEN_TEXTS } from './testing/held-out-corpus.js';

/** Every term's tags and chunk, as compromise leaves them after tagging. */
function tagging(text: string): string {
  const doc = nlp(text);
  doc.compute('root');
  const sentences = doc.json({ terms: { tags: true } }) as { terms: { text: string; tags: string[]; chunk?: string; root?: string }[] }[];
  return JSON.stringify(sentences.map((s) => s.terms.map((t) => [t.text, t.tags, t.chunk, t.root])));
}

describe('the fast compromise sweep', () => {
  afterAll(() => useFastSweep(true));

  it('tags every term of the held-out texts exactly as compromise own sweep does', () => {
    const texts = [...HELD_OUT_TEXTS, ...FRESH_TEXTS, ...UNSEEN_TEXTS].map((t) => t.text);
    texts.push('Apple CEO Tim Cook, who grew up in Alabama, said on Tuesday that the iPhone 15 costs $799.');
    useFastSweep(false);
    const before = texts.map(tagging);
    useFastSweep(true);
    const after = texts.map(tagging);
    expect(after).toEqual(before);
  });
});
