import type { EntityType } from '../graph.types.js';

/** A name found in Chinese or Japanese text, with its [start, end) offsets in the chunk. */
export interface CjkName {
  name: string;
  type: EntityType;
  start: number;
  end: number;
}

/** A word of the segmenter with its offsets in the chunk. */
export interface Segment {
  text: string;
  start: number;
  end: number;
  wordLike: boolean;
}

const SENTENCE = /[^。！？；!?;\n]+[。！？；!?;]*/gu;
const QUOTED = /[「『“]([^「」『』“”\n。！？]{2,24})[」』”]/gu;
/** A name holds letters and digits only (never punctuation) and at least two of them. */
const NAME_CHARACTERS = /^[\p{L}\p{N}]{2,}$/u;
// Overlapping candidates: the higher priority wins, then the longer.
const PRIORITY: Partial<Record<EntityType, number>> = { concept: 4, organization: 3, person: 2, place: 1 };

/** One sentence of a chunk: its [start, end) offsets and its words. */
export interface SentenceWords {
  start: number;
  end: number;
  segments: Segment[];
}

/**
 * The names of each sentence of a chunk: `cues` proposes candidates from the sentence's words (a quoted term is
 * always one), `usable` filters them, and of overlapping candidates the best stays (see withoutOverlaps); a name
 * found once is then found again wherever the chunk repeats it without a cue.
 */
export function namesPerSentence(
  text: string,
  segmenter: Intl.Segmenter,
  cues: (sentence: SentenceWords) => CjkName[],
  usable: (name: string) => boolean,
): CjkName[][] {
  const sentences = Array.from(text.matchAll(SENTENCE), (m) => ({ start: m.index, end: m.index + m[0].length }));
  const found = sentences.map(({ start, end }) => {
    const segments = segmentsOf(segmenter, text, start, end);
    const candidates = [...quotedConcepts(text, start, end), ...cues({ start, end, segments })];
    return withoutOverlaps(candidates.filter((c) => NAME_CHARACTERS.test(c.name) && usable(c.name)));
  });
  const known = new Map<string, EntityType>();
  for (const names of found) for (const { name, type } of names) if (!known.has(name)) known.set(name, type);
  return sentences.map(({ start, end }, i) => withRepeatedMentions(text, start, end, found[i], known));
}

/** The words of text[start, end) with their offsets in the chunk. */
function segmentsOf(segmenter: Intl.Segmenter, text: string, start: number, end: number): Segment[] {
  return Array.from(segmenter.segment(text.slice(start, end)), (s) => ({
    text: s.segment,
    start: start + s.index,
    end: start + s.index + s.segment.length,
    wordLike: s.isWordLike === true,
  }));
}

/** Terms in 「…」, 『…』 or “…”: concepts. */
function quotedConcepts(text: string, start: number, end: number): CjkName[] {
  const found: CjkName[] = [];
  for (const match of text.slice(start, end).matchAll(QUOTED)) {
    const at = start + match.index + 1;
    found.push({ name: match[1].trim(), type: 'concept', start: at, end: at + match[1].length });
  }
  return found;
}

/** Every occurrence in text[start, end) of the given names (well-known places), as names of `type`. */
export function occurrences(names: Iterable<string>, type: EntityType, text: string, start: number, end: number): CjkName[] {
  const found: CjkName[] = [];
  const sentence = text.slice(start, end);
  for (const name of names) {
    for (let at = sentence.indexOf(name); at >= 0; at = sentence.indexOf(name, at + name.length)) {
      found.push({ name, type, start: start + at, end: start + at + name.length });
    }
  }
  return found;
}

/** The candidates that overlap no better one (higher priority, then longer), in text order. */
function withoutOverlaps(candidates: CjkName[]): CjkName[] {
  const ranked = [...candidates].sort(
    (a, b) => (PRIORITY[b.type] ?? 0) - (PRIORITY[a.type] ?? 0) || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: CjkName[] = [];
  for (const candidate of ranked) {
    if (kept.some((k) => candidate.start < k.end && k.start < candidate.end)) continue;
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The sentence's names plus every other mention in it of a name found elsewhere in the chunk. */
function withRepeatedMentions(
  text: string,
  start: number,
  end: number,
  names: CjkName[],
  known: Map<string, EntityType>,
): CjkName[] {
  const mentions = [...names];
  const sentence = text.slice(start, end);
  for (const [name, type] of known) {
    for (let at = sentence.indexOf(name); at >= 0; at = sentence.indexOf(name, at + name.length)) {
      const span = { start: start + at, end: start + at + name.length };
      if (!mentions.some((m) => span.start < m.end && m.start < span.end)) mentions.push({ name, type, ...span });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}
