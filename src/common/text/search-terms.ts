import * as OpenCC from 'opencc-js/t2cn';

/**
 * The one word segmentation of the system: the hash embedding, full-text search and memory recall all read text
 * through it, so a query and the passage it should find are always cut the same way.
 * Latin and other space-separated scripts: runs of letters and digits. Chinese and Japanese (no spaces): words
 * from Intl.Segmenter (Node ships full ICU with its dictionaries), plus every character bigram of the run, so a
 * query still matches when the dictionary cuts the passage differently.
 * Traditional Chinese is first mapped to Simplified (OpenCC, Taiwan phrases included: 軟體 → 软件), so a query in
 * either script finds a passage written in the other.
 */
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆]+/u;
const HAN = /\p{Script=Han}/u;
const WORD_RUN = /[\p{L}\p{N}]+/gu;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
let toSimplified: ((text: string) => string) | undefined;

/** Traditional Chinese characters and Taiwan phrases in Simplified form; other text unchanged. */
export function unifyChineseScript(text: string): string {
  if (!HAN.test(text)) return text;
  const convert = (toSimplified ??= OpenCC.Converter({ from: 'twp', to: 'cn' }));
  return convert(text);
}

/** NFKC, lower case, accents removed (full-width Latin and digits become ASCII), Chinese in Simplified script. */
export function normalizeText(text: string): string {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').normalize('NFKC').toLowerCase();
  return unifyChineseScript(folded);
}

/** True when the text holds a Chinese, Japanese or Korean character. */
export function hasCjk(text: string): boolean {
  return CJK_RUN.test(text);
}

/** Words in reading order: Latin words as runs of letters/digits, CJK runs cut into dictionary words. */
export function wordTokens(text: string): string[] {
  return wordsOfNormalized(normalizeText(text));
}

/** Character bigrams of every CJK run (a lone CJK character stands for itself). */
export function cjkBigrams(text: string): string[] {
  return bigramsOfNormalized(normalizeText(text));
}

/** What a full-text index stores and a query is matched with: the words plus the CJK bigrams. */
export function searchTerms(text: string): string[] {
  const normalized = normalizeText(text);
  return [...wordsOfNormalized(normalized), ...bigramsOfNormalized(normalized)];
}

/** wordTokens and cjkBigrams of one text, normalized once. */
export function wordsAndBigrams(text: string): { words: string[]; bigrams: string[] } {
  const normalized = normalizeText(text);
  return { words: wordsOfNormalized(normalized), bigrams: bigramsOfNormalized(normalized) };
}

function wordsOfNormalized(normalized: string): string[] {
  const words: string[] = [];
  for (const run of normalized.match(WORD_RUN) ?? []) {
    if (!CJK_RUN.test(run)) {
      words.push(run);
      continue;
    }
    for (const { segment, isWordLike } of segmenter.segment(run)) if (isWordLike) words.push(segment);
  }
  return words;
}

function bigramsOfNormalized(normalized: string): string[] {
  const bigrams: string[] = [];
  for (const run of normalized.match(new RegExp(CJK_RUN, 'gu')) ?? []) {
    const chars = Array.from(run);
    if (chars.length === 1) bigrams.push(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) bigrams.push(chars[i] + chars[i + 1]);
  }
  return bigrams;
}
