import { Tiktoken } from 'js-tiktoken/lite';
import cl100kBase from 'js-tiktoken/ranks/cl100k_base';

/** Pieces longer than this are not memoized (rare: long words or whitespace runs). */
const MAX_MEMO_PIECE_CHARS = 64;
const MAX_MEMO_ENTRIES = 200_000;
/**
 * js-tiktoken's BPE is quadratic in a piece's length: longer pieces (a letters-only blob, never a real word) are
 * counted in slices, an approximation the chunker's limit check shares.
 */
const MAX_EXACT_PIECE_CHARS = 128;

let shared: { encoder: Tiktoken; pattern: RegExp; memo: Map<string, number> } | undefined;

/**
 * Counts cl100k_base tokens (the ranks ship inside js-tiktoken: no network), memoized per pre-tokenizer piece.
 * BPE never merges across the pieces of cl100k's split pattern, so a text's count is the sum of its pieces'
 * counts; words repeat, so the memo makes counting several times faster than encoding. Special-token strings
 * ("<|endoftext|>") count as ordinary text. One encoder and memo per process.
 */
export class TokenCounter {
  /** Built at the first count, not at start: the encoder holds about 30 MB of heap (90 MB RSS) an idle API never uses. */
  private get state(): { encoder: Tiktoken; pattern: RegExp; memo: Map<string, number> } {
    return (shared ??= {
      encoder: new Tiktoken(cl100kBase),
      pattern: new RegExp(cl100kBase.pat_str, 'gu'),
      memo: new Map(),
    });
  }

  count(text: string): number {
    const { encoder, pattern, memo } = this.state;
    let total = 0;
    for (const match of text.matchAll(pattern)) {
      const piece = match[0];
      let tokens = memo.get(piece);
      if (tokens === undefined) {
        tokens =
          piece.length > MAX_EXACT_PIECE_CHARS ? this.countInSlices(piece) : encoder.encode(piece, [], []).length;
        if (piece.length <= MAX_MEMO_PIECE_CHARS) {
          if (memo.size >= MAX_MEMO_ENTRIES) memo.clear();
          memo.set(piece, tokens);
        }
      }
      total += tokens;
    }
    return total;
  }

  /** Sum of the counts of consecutive slices (never cut inside a surrogate pair): close to the exact count. */
  private countInSlices(piece: string): number {
    let tokens = 0;
    for (let start = 0; start < piece.length; ) {
      let end = Math.min(piece.length, start + MAX_EXACT_PIECE_CHARS);
      const code = piece.charCodeAt(end - 1);
      if (end < piece.length && code >= 0xd800 && code <= 0xdbff) end -= 1;
      tokens += this.state.encoder.encode(piece.slice(start, end), [], []).length;
      start = end;
    }
    return tokens;
  }

  /** The plain (unmemoized) count, for checking `count`. */
  encodeCount(text: string): number {
    return this.state.encoder.encode(text, [], []).length;
  }
}
