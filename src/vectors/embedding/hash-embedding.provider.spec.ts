import { dot } from './vector-math.js';
import { HashEmbeddingProvider, tokenize } from './hash-embedding.provider.js';

describe('HashEmbeddingProvider', () => {
  const provider = new HashEmbeddingProvider(384);

  it('returns one unit vector of the configured dimension per text', async () => {
    const vectors = await provider.embed(['The quick brown fox', 'jumps over the lazy dog', '']);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) {
      expect(v).toHaveLength(384);
      expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 6);
    }
  });

  it('is deterministic across instances', async () => {
    const other = new HashEmbeddingProvider(384);
    expect(await other.embed(['Invoices are approved by finance'])).toEqual(
      await provider.embed(['Invoices are approved by finance']),
    );
  });

  it('honours another dimension', async () => {
    const [v] = await new HashEmbeddingProvider(1024).embed(['hello world']);
    expect(v).toHaveLength(1024);
  });

  it('ignores case, accents and punctuation', async () => {
    const [a] = await provider.embed(['Café SOCIETY!']);
    const [b] = await provider.embed(['cafe society']);
    expect(dot(a, b)).toBeCloseTo(1, 6);
  });

  it('scores texts sharing words above unrelated texts', async () => {
    const [query, related, unrelated] = await provider.embed([
      'volcano eruption lava',
      'The volcano eruption sent lava down the mountain slopes.',
      'Quarterly revenue grew thanks to subscription sales.',
    ]);
    expect(dot(query, related)).toBeGreaterThan(dot(query, unrelated) + 0.2);
  });

  it('gives a text of only stopwords or symbols a non-zero vector', async () => {
    const [v] = await provider.embed(['?!']);
    expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 6);
  });

  it('tokenizes on letters and digits across scripts', () => {
    expect(tokenize('Größe: 42 km/h — naïve Ölçü')).toEqual(['große', '42', 'km', 'h', 'naive', 'olcu']);
  });
});
