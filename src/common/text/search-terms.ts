/**
 * The one word segmentation of the system: the hash embedding, full-text search and memory recall all read text
 * through it, so a query and the passage it should find are always cut the same way.
 * Latin and other space-separated scripts: runs of letters and digits. Chinese and Japanese (no spaces): words
 * from Intl.Segmenter (Node ships full ICU with its dictionaries), plus every character bigram of the run, so a
 * query still matches when the dictionary cuts the passage differently.
 */
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆]+/u;
const WORD_RUN = /[\p{L}\p{N}]+/gu;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** NFKC, lower case, accents removed (full-width Latin and digits become ASCII). */
export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').normalize('NFKC').toLowerCase();
}

/** Words in reading order: Latin words as runs of letters/digits, CJK runs cut into dictionary words. */
export function wordTokens(text: string): string[] {
  const words: string[] = [];
  for (const run of normalizeText(text).match(WORD_RUN) ?? []) {
    if (!CJK_RUN.test(run)) {
      words.push(run);
      continue;
    }
    for (const { segment, isWordLike } of segmenter.segment(run)) if (isWordLike) words.push(segment);
  }
  return words;
}

/** Character bigrams of every CJK run (a lone CJK character stands for itself). */
export function cjkBigrams(text: string): string[] {
  const bigrams: string[] = [];
  for (const run of normalizeText(text).match(new RegExp(CJK_RUN, 'gu')) ?? []) {
    const chars = Array.from(run);
    if (chars.length === 1) bigrams.push(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) bigrams.push(chars[i] + chars[i + 1]);
  }
  return bigrams;
}

/** What a full-text index stores and a query is matched with: the words plus the CJK bigrams. */
export function searchTerms(text: string): string[] {
  return [...wordTokens(text), ...cjkBigrams(text)];
}
