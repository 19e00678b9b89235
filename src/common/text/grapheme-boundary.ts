const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** How far before a cut to start segmenting: longer than any real cluster (emoji ZWJ sequences, Indic conjuncts). */
const LOOK_BEHIND = 64;

/**
 * The last grapheme-cluster boundary at or before `index`, so a cut there never splits a character, a surrogate
 * pair, a combining sequence or an emoji. Only the text just before the cut is segmented (cheap at any length).
 * A cluster longer than the look-behind (never real text) is cut at a code point instead.
 */
export function graphemeBoundaryAtOrBefore(text: string, index: number): number {
  if (index <= 0) return 0;
  if (index >= text.length) return text.length;
  const from = Math.max(0, index - LOOK_BEHIND);
  let boundary = -1;
  for (const { index: at } of graphemes.segment(text.slice(from, index + 1))) {
    if (from + at > index) break;
    if (from + at > from || from === 0) boundary = from + at;
  }
  if (boundary > 0) return boundary;
  return isLowSurrogate(text.charCodeAt(index)) ? index - 1 : index;
}

/** Text cut into grapheme clusters, as [start, end) offsets of text[start, end). */
export function* graphemeSpans(text: string, start = 0, end = text.length): Generator<[number, number]> {
  let previous = -1;
  for (const { index } of graphemes.segment(text.slice(start, end))) {
    if (previous >= 0) yield [start + previous, start + index];
    previous = index;
  }
  if (previous >= 0) yield [start + previous, end];
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
