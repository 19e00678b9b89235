import { hasCjk, wordsAndBigrams } from '../../common/text/search-terms.js';
import { type EmbeddingProvider } from './embedding-provider.js';
import { l2Normalize } from './vector-math.js';

// Words so common they only add noise to a lexical vector (they still count inside bigrams' neighbours).
const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have he her his how i if in into is ' +
    'it its me my no not of on or our she so than that the their them then there these they this those to too us ' +
    'was we were what when where which who why will with would you your'
  ).split(' '),
);
// Chinese and Japanese function words the segmenter returns as words (Simplified: text is mapped to it first).
const CJK_STOPWORDS = new Set(
  (
    '的 了 是 在 和 与 及 或 也 就 都 而 把 被 将 对 这 那 其 之 于 为 以 等 有 个 们 我 你 他 她 它 我们 他们 ' +
    '一个 这个 那个 并 从 由 向 到 会 能 可以 已 已经 还 又 及其 以及 如果 因为 所以 但 但是 而且 の に は を が で と も ' +
    'へ や から まで より です ます した する いる ある こと これ それ'
  ).split(' '),
);

const UNIGRAM_WEIGHT = 1;
const BIGRAM_WEIGHT = 0.7;
const CHAR_NGRAM_WEIGHT = 0.25;
const CHAR_NGRAM_SIZES = [3, 4];
const CJK_BIGRAM_WEIGHT = 0.6;
// By a feature's prefix: w word, c character n-gram, b word bigram, g CJK character bigram, r the raw text.
const FEATURE_WEIGHTS: Record<string, number> = {
  w: UNIGRAM_WEIGHT,
  c: CHAR_NGRAM_WEIGHT,
  b: BIGRAM_WEIGHT,
  g: CJK_BIGRAM_WEIGHT,
  r: 1,
};

/**
 * The default provider: deterministic signed feature hashing (the "hashing trick") of normalized word unigrams,
 * word bigrams and character 3/4-grams, with sublinear term frequency, L2-normalized. It needs no model and no
 * network, but it is LEXICAL, not semantic: texts are similar when they share words or word pieces, not meaning.
 * Words come from the shared segmentation (search-terms.ts): Chinese and Japanese are cut into dictionary words
 * (a single character is no word feature) and add their character bigrams instead of character n-grams, in one
 * script (Traditional mapped to Simplified), so a query in either script finds a passage in the other.
 */
export class HashEmbeddingProvider implements EmbeddingProvider {
  readonly model = 'hash-v1';
  readonly cacheable = false;

  constructor(readonly dimension: number) {}

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embedOne(text));
  }

  embedOne(text: string): number[] {
    // Feature → count, in first-seen order (the order the vector is summed in). The weight follows from the prefix.
    const features = new Map<string, number>();
    const add = (feature: string, times = 1) => features.set(feature, (features.get(feature) ?? 0) + times);

    const { words, bigrams } = wordsAndBigrams(text);
    const content = words.filter(isContentWord);
    // A word's features once per distinct word, counted as often as it occurs: the same counts and first-seen order
    // as adding them at every occurrence, without cutting the n-grams of a repeated word again.
    const occurrences = new Map<string, number>();
    for (const word of content) occurrences.set(word, (occurrences.get(word) ?? 0) + 1);
    for (const [word, times] of occurrences) {
      add(`w:${word}`, times);
      if (hasCjk(word)) continue;
      const padded = `<${word}>`;
      for (const n of CHAR_NGRAM_SIZES) {
        for (let i = 0; i + n <= padded.length; i++) add(`c:${padded.slice(i, i + n)}`, times);
      }
    }
    for (let i = 0; i + 1 < content.length; i++) add(`b:${content[i]} ${content[i + 1]}`);
    for (const bigram of bigrams) add(`g:${bigram}`);
    // Only stopwords or symbols: still give a non-zero vector (cosine of a zero vector is undefined).
    if (features.size === 0) add(`r:${text.trim().toLowerCase()}`);

    const vector = new Float64Array(this.dimension);
    for (const [feature, count] of features) {
      const hash = fnv1a(feature);
      const sign = hash & 1 ? 1 : -1;
      vector[(hash >>> 1) % this.dimension] += sign * FEATURE_WEIGHTS[feature[0]] * (1 + Math.log(count));
    }
    return l2Normalize(vector);
  }
}

/** A word worth a feature: no stop-word, no lone CJK character (its bigrams stand for it). */
function isContentWord(word: string): boolean {
  if (STOPWORDS.has(word) || CJK_STOPWORDS.has(word)) return false;
  return !(hasCjk(word) && Array.from(word).length < 2);
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
