import { EmbeddingProvider } from './embedding-provider.js';
import { l2Normalize } from './vector-math.js';

// Words so common they only add noise to a lexical vector (they still count inside bigrams' neighbours).
const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have he her his how i if in into is ' +
    'it its me my no not of on or our she so than that the their them then there these they this those to too us ' +
    'was we were what when where which who why will with would you your'
  ).split(' '),
);

const UNIGRAM_WEIGHT = 1;
const BIGRAM_WEIGHT = 0.7;
const CHAR_NGRAM_WEIGHT = 0.25;
const CHAR_NGRAM_SIZES = [3, 4];

/**
 * The default provider: deterministic signed feature hashing (the "hashing trick") of normalized word unigrams,
 * word bigrams and character 3/4-grams, with sublinear term frequency, L2-normalized. It needs no model and no
 * network, but it is LEXICAL, not semantic: texts are similar when they share words or word pieces, not meaning.
 */
export class HashEmbeddingProvider implements EmbeddingProvider {
  readonly model = 'hash-v1';
  readonly cacheable = false;

  constructor(readonly dimension: number) {}

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embedOne(text));
  }

  embedOne(text: string): number[] {
    const features = new Map<string, { count: number; weight: number }>();
    const add = (feature: string, weight: number) => {
      const seen = features.get(feature);
      if (seen) seen.count++;
      else features.set(feature, { count: 1, weight });
    };

    const words = tokenize(text);
    const content = words.filter((w) => !STOPWORDS.has(w));
    for (const word of content) {
      add(`w:${word}`, UNIGRAM_WEIGHT);
      const padded = `<${word}>`;
      for (const n of CHAR_NGRAM_SIZES) {
        for (let i = 0; i + n <= padded.length; i++) add(`c:${padded.slice(i, i + n)}`, CHAR_NGRAM_WEIGHT);
      }
    }
    for (let i = 0; i + 1 < content.length; i++) add(`b:${content[i]} ${content[i + 1]}`, BIGRAM_WEIGHT);
    // Only stopwords or symbols: still give a non-zero vector (cosine of a zero vector is undefined).
    if (features.size === 0) add(`r:${text.trim().toLowerCase()}`, 1);

    const vector = new Float64Array(this.dimension);
    for (const [feature, { count, weight }] of features) {
      const hash = fnv1a(feature);
      const sign = hash & 1 ? 1 : -1;
      vector[(hash >>> 1) % this.dimension] += sign * weight * (1 + Math.log(count));
    }
    return l2Normalize(Array.from(vector));
  }
}

/** NFKC, lower case, accents removed, split on anything that is not a letter or digit. */
export function tokenize(text: string): string[] {
  const normalized = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFKC')
    .toLowerCase();
  return normalized.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** 32-bit FNV-1a over UTF-16 code units: fast, stable across runs and platforms. */
function fnv1a(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
