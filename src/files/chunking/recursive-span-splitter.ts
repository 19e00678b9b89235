import { graphemeSpans } from '../../common/text/grapheme-boundary.js';

/** A [start, end) range of a text with its token count. */
export interface Span {
  start: number;
  end: number;
  tokens: number;
}

/**
 * Where text may be cut: a string (the cut goes before it, as in LangChain), or a global regular expression whose
 * matches end a piece (the cut goes after the match, so a sentence keeps its 。 or ！).
 */
export type Separator = string | RegExp;

/**
 * LangChain's RecursiveCharacterTextSplitter algorithm (same separators, same merge-with-overlap rule, separator
 * kept at the start of the piece that follows it), reimplemented over offsets. Why not the library class itself:
 * it returns bare strings, and finding them again in the text is ambiguous wherever text repeats (CSV rows, logs,
 * tables), which gave wrong offsets and lost text in tests. Its separator lists are still used (Markdown).
 * Splits the text at the first separator it contains, merges the pieces into chunks of at most `chunkSize`
 * tokens overlapping by at most `chunkOverlap`, and recurses with the next separators into pieces that are too
 * large. The last separator "" splits into grapheme clusters (never inside a character, emoji or combining
 * sequence).
 * Token counts are summed over pieces, so a chunk may differ slightly from its real count: the caller checks.
 */
export class RecursiveSpanSplitter {
  constructor(
    private readonly chunkSize: number,
    private readonly chunkOverlap: number,
    private readonly separators: readonly Separator[],
    private readonly countTokens: (text: string) => number,
  ) {}

  /** Trimmed, non-empty chunk spans of text[start, end), in order. */
  split(text: string, start = 0, end = text.length): Span[] {
    return this.splitRecursive(text, start, end, this.separators);
  }

  private splitRecursive(text: string, start: number, end: number, separators: readonly Separator[]): Span[] {
    let separator = separators[separators.length - 1] ?? '';
    let rest: readonly Separator[] | undefined;
    for (let i = 0; i < separators.length; i += 1) {
      const candidate = separators[i];
      if (candidate === '') {
        separator = candidate;
        break;
      }
      if (occursIn(text, start, end, candidate)) {
        separator = candidate;
        rest = separators.slice(i + 1);
        break;
      }
    }

    const chunks: Span[] = [];
    let good: Span[] = [];
    for (const [pieceStart, pieceEnd] of pieces(text, start, end, separator)) {
      const tokens = this.countTokens(text.slice(pieceStart, pieceEnd));
      if (tokens < this.chunkSize) {
        good.push({ start: pieceStart, end: pieceEnd, tokens });
        continue;
      }
      if (good.length > 0) {
        chunks.push(...this.merge(text, good));
        good = [];
      }
      if (rest) chunks.push(...this.splitRecursive(text, pieceStart, pieceEnd, rest));
      else pushTrimmed(chunks, text, pieceStart, pieceEnd, tokens);
    }
    if (good.length > 0) chunks.push(...this.merge(text, good));
    return chunks;
  }

  /** Consecutive pieces into chunks of at most chunkSize tokens; a new chunk keeps up to chunkOverlap of the last. */
  private merge(text: string, pieces: Span[]): Span[] {
    const chunks: Span[] = [];
    const current: Span[] = [];
    let total = 0;
    for (const piece of pieces) {
      if (total + piece.tokens > this.chunkSize && current.length > 0) {
        pushTrimmed(chunks, text, current[0].start, current[current.length - 1].end, total);
        while (total > this.chunkOverlap || (total + piece.tokens > this.chunkSize && total > 0)) {
          total -= current.shift()!.tokens;
        }
      }
      current.push(piece);
      total += piece.tokens;
    }
    if (current.length > 0) pushTrimmed(chunks, text, current[0].start, current[current.length - 1].end, total);
    return chunks;
  }
}

function occursIn(text: string, start: number, end: number, separator: Separator): boolean {
  if (typeof separator === 'string') {
    const at = text.indexOf(separator, start);
    return at >= 0 && at + separator.length <= end;
  }
  separator.lastIndex = start;
  const match = separator.exec(text);
  return match !== null && match.index + match[0].length <= end;
}

/**
 * [start, end) pieces of text[start, end) cut before each occurrence of a string separator, after each match of a
 * pattern, or ("") between grapheme clusters.
 */
function* pieces(text: string, start: number, end: number, separator: Separator): Generator<[number, number]> {
  if (separator === '') {
    yield* graphemeSpans(text, start, end);
    return;
  }
  if (typeof separator !== 'string') {
    let pieceStart = start;
    separator.lastIndex = start;
    for (let match = separator.exec(text); match && match.index + match[0].length <= end; match = separator.exec(text)) {
      const cut = match.index + match[0].length;
      if (cut > pieceStart && cut < end) {
        yield [pieceStart, cut];
        pieceStart = cut;
      }
      if (match[0] === '') separator.lastIndex += 1;
    }
    if (end > pieceStart) yield [pieceStart, end];
    return;
  }
  let pieceStart = start;
  let at = text.indexOf(separator, start + 1);
  while (at >= 0 && at + separator.length <= end) {
    if (at > pieceStart) yield [pieceStart, at];
    pieceStart = at;
    at = text.indexOf(separator, at + separator.length);
  }
  if (end > pieceStart) yield [pieceStart, end];
}

const WHITESPACE = /\s/;

function pushTrimmed(chunks: Span[], text: string, start: number, end: number, tokens: number): void {
  let from = start;
  let to = end;
  while (from < to && WHITESPACE.test(text[from])) from += 1;
  while (to > from && WHITESPACE.test(text[to - 1])) to -= 1;
  if (to > from) chunks.push({ start: from, end: to, tokens });
}
