import { type CjkName, namesPerSentence, occurrences, type Segment, type SentenceWords } from './cjk-names.js';
import {
  CHINESE_STOPWORDS,
  KNOWN_PLACES,
  NAME_BOUNDARY_WORDS,
  NOT_PLACE_FIRST,
  NOT_PLACES,
  ORGANIZATION_SUFFIXES,
  PLACE_SUFFIXES,
  PREPOSITIONS,
  SHORT_ORGANIZATION_SUFFIXES,
  SPEECH_VERBS,
  SURNAMES,
  TITLES_AFTER_NAME,
  TITLES_BEFORE_NAME,
  TWO_CHARACTER_PLACE_SUFFIXES,
} from './name-cues.zh.js';

const HAN = /\p{Script=Han}/u;
const NUMBER_WORD = /^[\p{N}〇零一二三四五六七八九十百千萬万億亿兩两]+$/u;
// An organization's own name before its suffix: at most this many words and characters ("星河動力" + "公司").
const MAX_NAME_WORDS = 4;
const MAX_NAME_CHARS = 8;
const MAX_PLACE_CHARS = 6;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Finds organizations, places, people and quoted concepts in Chinese text (Traditional or Simplified), by cues a
 * reader uses: an organization's suffix (公司, 大學, 銀行, 基金會, 政府, 部, 局, 協會 ...) after its own name, a place's
 * suffix (市, 省, 縣, 國, 區 ...) or a well-known place, a family name next to a title (先生, 女士, 博士, 教授, 總統;
 * 董事長 X, 市長 X), a term in 「…」. Words come from Intl.Segmenter; single characters, punctuation and stop-words
 * are never names.
 */
export class ChineseNameFinder {
  /** The names of each sentence of the text, in order. */
  find(text: string): CjkName[][] {
    return namesPerSentence(text, segmenter, (sentence) => cues(text, sentence), isUsableName);
  }
}

function cues(text: string, { start, end, segments }: SentenceWords): CjkName[] {
  return [
    ...organizations(text, start, end, segments),
    ...people(text, start, end),
    ...places(text, segments),
    ...occurrences(KNOWN_PLACES, 'place', text, start, end),
  ];
}

/**
 * An organization suffix and its own name before it: the rest of the word the suffix ends ("經濟" of "經濟部"),
 * then whole words back to a boundary ("星河|動力" + "公司"). A one-character suffix must end its word and follow
 * at least two characters ("全部", "結局" are ordinary words).
 */
function organizations(text: string, start: number, end: number, segments: Segment[]): CjkName[] {
  const found: CjkName[] = [];
  const sentence = text.slice(start, end);
  for (const suffix of ORGANIZATION_SUFFIXES) {
    const short = SHORT_ORGANIZATION_SUFFIXES.has(suffix);
    for (let at = sentence.indexOf(suffix); at >= 0; at = sentence.indexOf(suffix, at + 1)) {
      const suffixStart = start + at;
      const suffixEnd = suffixStart + suffix.length;
      const m = segments.findIndex((s) => s.start <= suffixStart && suffixStart < s.end);
      if (m < 0) continue;
      if (short && (segments[m].end !== suffixEnd || segments[m].text.length === 2)) continue;
      // The rest of the suffix's own word, then whole words before it.
      let nameStart = segments[m].start;
      let words = nameStart < suffixStart ? 1 : 0;
      for (let j = m - 1; j >= 0 && words < MAX_NAME_WORDS; j--, words++) {
        const previous = segments[j];
        if (!previous.wordLike || isBoundaryWord(previous.text) || suffixStart - previous.start > MAX_NAME_CHARS) break;
        nameStart = previous.start;
      }
      const ownChars = suffixStart - nameStart;
      if (ownChars === 0) continue;
      const name = text.slice(nameStart, suffixEnd);
      if (short && Array.from(name).length < 3) continue;
      found.push({ name, type: 'organization', start: nameStart, end: suffixEnd });
    }
  }
  return found;
}

/**
 * A word ending in a place suffix ("高雄市"), or a suffix the segmenter split off, with the word before it
 * ("寧波|市") or the single characters of an unknown name ("成|華|區").
 */
function places(text: string, segments: Segment[]): CjkName[] {
  const found: CjkName[] = [];
  for (const [k, segment] of segments.entries()) {
    if (!segment.wordLike) continue;
    const suffix = Array.from(segment.text).pop() ?? '';
    if (!PLACE_SUFFIXES.has(suffix)) continue;
    if (segment.text.length >= 3 || NOT_PLACES.has(segment.text) || KNOWN_PLACES.has(segment.text)) {
      if (isPlaceName(segment.text, suffix)) found.push({ name: segment.text, type: 'place', start: segment.start, end: segment.end });
      continue;
    }
    // The shortest place name ending here: a word before the suffix, or up to two single characters.
    let start = segment.start;
    for (let j = k - 1, singles = 0; j >= 0; j--) {
      const previous = segments[j];
      if (!previous.wordLike || isBoundaryWord(previous.text) || !HAN.test(previous.text) || isPlaceWord(previous.text)) break;
      if (previous.text.length > 1 && start !== segment.start) break;
      start = previous.start;
      const name = text.slice(start, segment.end);
      if (isPlaceName(name, suffix)) {
        found.push({ name, type: 'place', start, end: segment.end });
        break;
      }
      if (previous.text.length > 1 || ++singles === 2) break;
    }
  }
  return found;
}

/** A word that names a place with its own suffix ("廣東省"): the name before another suffix is another place. */
function isPlaceWord(word: string): boolean {
  return word.length >= 3 && PLACE_SUFFIXES.has(word.slice(-1));
}

function isPlaceName(name: string, suffix: string): boolean {
  const chars = Array.from(name);
  if (chars.length > MAX_PLACE_CHARS || NOT_PLACES.has(name) || NOT_PLACE_FIRST.has(chars[0])) return false;
  if (chars.length === 2) return KNOWN_PLACES.has(name) || TWO_CHARACTER_PLACE_SUFFIXES.has(suffix);
  return chars.every((c) => HAN.test(c));
}

/** A family name and one or two given-name characters right after a role ("董事長劉建國") or before a title ("王淑芬女士"). */
function people(text: string, start: number, end: number): CjkName[] {
  const found: CjkName[] = [];
  const sentence = text.slice(start, end);
  for (const title of TITLES_BEFORE_NAME) {
    for (let at = sentence.indexOf(title); at >= 0; at = sentence.indexOf(title, at + 1)) {
      const name = nameAfter(sentence, at + title.length);
      if (name) found.push({ name, type: 'person', start: start + at + title.length, end: start + at + title.length + name.length });
    }
  }
  for (const title of TITLES_AFTER_NAME) {
    for (let at = sentence.indexOf(title); at >= 0; at = sentence.indexOf(title, at + 1)) {
      // "基金會秘書長": a family-name character at the end of an organization's name is no person.
      if (ORGANIZATION_SUFFIXES.some((suffix) => sentence.slice(0, at).endsWith(suffix))) continue;
      const name = nameBefore(sentence, at);
      if (name) found.push({ name, type: 'person', start: start + at - name.length, end: start + at });
    }
  }
  return found.filter((p) => !KNOWN_PLACES.has(p.name));
}

/** The name starting at `at`: a family name, then two given-name characters unless the second ends the name. */
function nameAfter(sentence: string, at: number): string | undefined {
  const family = familyNameAt(sentence, at);
  if (!family) return undefined;
  const given = at + family.length;
  if (!isHanAt(sentence, given)) return undefined;
  const afterOne = sentence.slice(given + 1);
  if (!isHanAt(sentence, given + 1) || startsWithAny(afterOne, SPEECH_VERBS) || startsWithAny(afterOne, TITLES_AFTER_NAME)) {
    return sentence.slice(at, given + 1);
  }
  return sentence.slice(at, given + 2);
}

/** The name ending at `end`: three characters when a family name starts them after a boundary, else two. */
function nameBefore(sentence: string, end: number): string | undefined {
  const candidate = (length: number) => {
    const from = end - length;
    if (from < 0 || !familyNameAt(sentence, from)) return undefined;
    const name = sentence.slice(from, end);
    return Array.from(name).every((c) => HAN.test(c)) ? name : undefined;
  };
  const three = candidate(3);
  const two = candidate(2);
  if (three && isNameBoundary(sentence, end - 3)) return three;
  return two ?? three;
}

function familyNameAt(sentence: string, at: number): string | undefined {
  const double = sentence.slice(at, at + 2);
  if (SURNAMES.has(double)) return double;
  const single = sentence.slice(at, at + 1);
  return SURNAMES.has(single) ? single : undefined;
}

/** Before `at`: the sentence's start, a non-Han character, a role word or a function word. */
function isNameBoundary(sentence: string, at: number): boolean {
  if (at <= 0 || !isHanAt(sentence, at - 1)) return true;
  const before = sentence.slice(0, at);
  return [...TITLES_BEFORE_NAME, ...NAME_BOUNDARY_WORDS].some((word) => before.endsWith(word));
}

function isHanAt(text: string, at: number): boolean {
  return at < text.length && HAN.test(text[at]);
}

function startsWithAny(text: string, words: readonly string[] | Set<string>): boolean {
  for (const word of words) if (text.startsWith(word)) return true;
  return false;
}

/** A word an organization's own name never includes: function words, verbs of the sentence, numbers, roles. */
function isBoundaryWord(word: string): boolean {
  return (
    NAME_BOUNDARY_WORDS.has(word) ||
    // "可向", "並在": a word ending in a preposition leads into the name, it is not part of it.
    PREPOSITIONS.has(word.slice(-1)) ||
    SPEECH_VERBS.includes(word) ||
    TITLES_BEFORE_NAME.includes(word) ||
    NUMBER_WORD.test(word)
  );
}

function isUsableName(name: string): boolean {
  return !CHINESE_STOPWORDS.has(name);
}
