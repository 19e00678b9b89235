import { Injectable } from '@nestjs/common';
import { graphemeBoundaryAtOrBefore } from '../../common/text/grapheme-boundary.js';
import { AppConfig } from '../../infra/config/app-config.js';
import { PAGE_SEPARATOR, type ParsedPage } from '../parsing/parsed-document.js';
import type { ChunkDraft, ChunkingOptions } from './chunk-draft.js';
import { LANGCHAIN_MARKDOWN_SEPARATORS } from './markdown-separators.js';
import { RecursiveSpanSplitter, type Separator } from './recursive-span-splitter.js';
import { TokenCounter } from './token-counter.js';

/** Text handed to the splitter at once; cut at a paragraph break, so memory stays bounded for any page size. */
export const CHUNKING_WINDOW_CHARS = 128 * 1024;
const DEFAULT_BATCH_SIZE = 256;
/**
 * Chinese and Japanese sentence ends (。！？；… and their full- and half-width forms, with a closing quote or bracket
 * after them), and a Latin one right after a CJK character; then clause marks (，、：). Text without spaces is cut
 * at these before falling back to single characters.
 */
const CJK_SENTENCE_END = /(?:[。！？；｡．…‼⁇⁈⁉]|(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[.!?;])+[」』”’）)\]】〉》]*/gu;
const CJK_CLAUSE_END = /[，、：,:]+/gu;
const DEFAULT_SEPARATORS: Separator[] = ['\n\n', '\n', ' ', CJK_SENTENCE_END, CJK_CLAUSE_END, ''];
/** Markdown: headings, code fences and rules first (LangChain's list), CJK sentences before characters. */
const MARKDOWN_SEPARATORS: Separator[] = [
  ...LANGCHAIN_MARKDOWN_SEPARATORS,
  CJK_SENTENCE_END,
  CJK_CLAUSE_END,
  '',
];
/** Where a window of a long page may end, best first; a sentence end stays with its sentence. */
const WINDOW_CUTS: { separator: string; after: boolean }[] = [
  { separator: '\n\n', after: false },
  { separator: '\n', after: false },
  { separator: '。', after: true },
  { separator: '！', after: true },
  { separator: '？', after: true },
  { separator: ' ', after: false },
];
/** Word ends in a chunk too long for the limit: before a space, or after CJK punctuation. */
const WORD_END = /\S(?=\s)|[。！？；，、：｡．]/gu;

interface Piece {
  text: string;
  start: number;
  end: number;
  tokens: number;
}

/**
 * Token-aware recursive splitting (paragraphs, then lines, then words, then CJK sentences and clauses, then grapheme
 * clusters; Markdown at headings first) measured in cl100k_base tokens, with exact character offsets (see
 * RecursiveSpanSplitter for why not LangChain's class itself). Chunks never span pages; consecutive chunks of a page
 * overlap by up to the overlap budget. Every chunk's real token count is checked against the limit and an over-limit
 * chunk is cut further.
 */
@Injectable()
export class TextChunker {
  private readonly tokens = new TokenCounter();

  constructor(private readonly config: AppConfig) {}

  countTokens(text: string): number {
    return this.tokens.count(text);
  }

  /** Chunks a document's pages in order, yielding batches: never more than a batch and a window held at once. */
  async *chunkBatches(
    pages: Iterable<ParsedPage> | AsyncIterable<ParsedPage>,
    options: ChunkingOptions = {},
  ): AsyncGenerator<ChunkDraft[]> {
    const size = options.chunkSizeTokens ?? this.config.files.chunkSizeTokens;
    const overlap = options.chunkOverlapTokens ?? this.config.files.chunkOverlapTokens;
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    const splitter = this.splitter(size, overlap, options);

    let batch: ChunkDraft[] = [];
    let chunkIndex = 0;
    let pageStart = 0;
    let firstPage = true;
    for await (const { page, text } of pages) {
      if (!firstPage) pageStart += PAGE_SEPARATOR.length;
      firstPage = false;
      for (const [windowStart, windowEnd] of windows(text)) {
        options.signal?.throwIfAborted();
        for (const piece of this.split(splitter, text.slice(windowStart, windowEnd), size)) {
          batch.push({
            chunk_index: chunkIndex++,
            text: piece.text,
            start_offset: pageStart + windowStart + piece.start,
            end_offset: pageStart + windowStart + piece.end,
            page,
            token_count: piece.tokens,
          });
          if (batch.length >= batchSize) {
            yield batch;
            batch = [];
          }
        }
      }
      pageStart += text.length;
    }
    if (batch.length > 0) yield batch;
  }

  /** All chunks at once, for documents known to be small. */
  async chunkAll(
    pages: Iterable<ParsedPage> | AsyncIterable<ParsedPage>,
    options: ChunkingOptions = {},
  ): Promise<ChunkDraft[]> {
    const chunks: ChunkDraft[] = [];
    for await (const batch of this.chunkBatches(pages, options)) chunks.push(...batch);
    return chunks;
  }

  private splitter(size: number, overlap: number, options: ChunkingOptions): RecursiveSpanSplitter {
    if (!Number.isInteger(size) || size < 1) throw new RangeError('chunkSizeTokens must be a positive integer');
    if (!Number.isInteger(overlap) || overlap < 0 || overlap >= size) {
      throw new RangeError('chunkOverlapTokens must be an integer in [0, chunkSizeTokens)');
    }
    // A little headroom: summed piece tokens can differ slightly from the tokens of the joined, trimmed text;
    // chunks still over the limit are cut in withinLimit.
    const target = Math.max(overlap + 1, size - Math.ceil(size / 64));
    const separators = options.format === 'md' ? MARKDOWN_SEPARATORS : DEFAULT_SEPARATORS;
    return new RecursiveSpanSplitter(target, overlap, separators, (text) => this.tokens.count(text));
  }

  private split(splitter: RecursiveSpanSplitter, text: string, size: number): Piece[] {
    if (!text.trim()) return [];
    const spans = splitter.split(text);
    const pieces: Piece[] = [];
    spans.forEach(({ start, end }, i) => {
      const nextStart = spans[i + 1]?.start ?? Number.POSITIVE_INFINITY;
      pieces.push(...this.withinLimit(text, start, end, nextStart, size));
    });
    return pieces;
  }

  /**
   * The chunk [start, end) as pieces of at most `size` tokens: itself when it fits (the usual case); otherwise its
   * longest prefix that fits (cut at a space when possible), then the rest unless the next chunk already covers it.
   */
  private withinLimit(text: string, start: number, end: number, nextStart: number, size: number): Piece[] {
    const chunk = text.slice(start, end); // trimmed by the splitter
    const tokens = this.tokens.count(chunk);
    if (tokens <= size) return [{ text: chunk, start, end, tokens }];
    const pieces: Piece[] = [];
    let from = start;
    while (from < end && !(from > start && nextStart <= from)) {
      const cut = this.longestFittingEnd(text, from, end, size);
      const raw = text.slice(from, cut);
      const trimmed = raw.trim();
      if (trimmed) {
        const at = from + raw.indexOf(trimmed);
        pieces.push({ text: trimmed, start: at, end: at + trimmed.length, tokens: this.tokens.count(trimmed) });
      }
      from = cut;
    }
    return pieces;
  }

  /**
   * The end of the longest prefix of text[from, end) within `size` tokens: at a word end when one fits, else (one
   * very long word) at a code point. Binary search, over word ends first, since token counts are not monotonic
   * in characters ("... unbelievabl" can cost more than "... unbelievable").
   */
  private longestFittingEnd(text: string, from: number, end: number, size: number): number {
    const fits = (to: number): boolean => this.tokens.count(text.slice(from, to)) <= size;
    if (fits(end)) return end;
    const wordEnds = Array.from(text.slice(from, end).matchAll(WORD_END), (match) => from + match.index + 1);
    let best = -1;
    for (let low = 0, high = wordEnds.length - 1; low <= high; ) {
      const mid = (low + high) >> 1;
      if (fits(wordEnds[mid])) {
        best = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    if (best >= 0) return wordEnds[best];
    let low = from + 1;
    let high = end;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (fits(mid)) low = mid;
      else high = mid - 1;
    }
    // Never end inside a grapheme cluster (a character, surrogate pair, emoji or combining sequence).
    const boundary = graphemeBoundaryAtOrBefore(text, low);
    return boundary > from ? boundary : low;
  }
}

/**
 * [start, end) windows of at most CHUNKING_WINDOW_CHARS, cut at a blank line, else a line break, else after a CJK
 * sentence, else a space, else between grapheme clusters.
 */
function* windows(text: string): Generator<[number, number]> {
  let start = 0;
  while (text.length - start > CHUNKING_WINDOW_CHARS) {
    const limit = start + CHUNKING_WINDOW_CHARS;
    const minimum = start + CHUNKING_WINDOW_CHARS / 2;
    let cut = -1;
    for (const { separator, after } of WINDOW_CUTS) {
      const at = text.lastIndexOf(separator, limit - separator.length);
      if (at >= minimum) {
        cut = after ? at + separator.length : at;
        break;
      }
    }
    if (cut < 0) cut = graphemeBoundaryAtOrBefore(text, limit);
    if (cut <= start) cut = limit;
    yield [start, cut];
    start = cut;
  }
  yield [start, text.length];
}
