import { type CjkName, namesPerSentence, occurrences, type Segment, type SentenceWords } from './cjk-names.js';
import {
  COMPANY_FORMS,
  KNOWN_PLACES,
  NOT_PLACES,
  ORGANIZATION_SUFFIXES,
  PARTICLES,
  PLACE_SUFFIXES,
  SHORT_ORGANIZATION_SUFFIXES,
  TITLES_AFTER_NAME,
} from './name-cues.ja.js';

const KANJI = /^\p{Script=Han}+$/u;
const NAME_WORD = /^[\p{Script=Han}\p{Script=Katakana}ー\p{Script=Latin}\p{N}]+$/u;
const HIRAGANA_WORD = /^[\p{Script=Hiragana}ー]+$/u;
// A company's own name: at most this many words and characters ("さくら|精機").
const MAX_NAME_WORDS = 4;
const MAX_NAME_CHARS = 12;
const MAX_PLACE_CHARS = 5;
const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/**
 * Finds organizations, places, people and quoted concepts in Japanese text by the cues a reader uses: a legal form
 * before or after a company's name (株式会社 ...), an organization's last word (大学, 銀行, 省 ...) after its own
 * kanji or katakana words, a place's suffix (都 府 県 市 区 町 村) or a well-known place, a kanji name before an
 * honorific or title (さん, 氏, 教授, 社長 ...), a term in 「…」. Particles (hiragana words) end every name.
 */
export class JapaneseNameFinder {
  /** The names of each sentence of the text, in order. */
  find(text: string): CjkName[][] {
    return namesPerSentence(text, segmenter, (sentence) => cues(text, sentence), (name) => !PARTICLES.has(name));
  }
}

function cues(text: string, { start, end, segments }: SentenceWords): CjkName[] {
  return [
    ...companies(text, segments),
    ...organizations(text, segments),
    ...people(text, segments),
    ...places(text, segments),
    ...occurrences(KNOWN_PLACES, 'place', text, start, end),
  ];
}

/** "株式会社さくら精機": the legal form and the words after it up to a particle (kana names included). */
function companies(text: string, segments: Segment[]): CjkName[] {
  const found: CjkName[] = [];
  for (const [k, segment] of segments.entries()) {
    if (!COMPANY_FORMS.includes(segment.text)) continue;
    let last = k;
    while (last + 1 < segments.length && last - k < MAX_NAME_WORDS && isCompanyWord(segments[last + 1])) last++;
    if (last > k) found.push(organizationSpan(text, segment.start, segments[last].end));
    // "山田工業株式会社": the form after the name.
    let first = k;
    while (first > 0 && k - first < MAX_NAME_WORDS && isNameWord(segments[first - 1])) first--;
    if (first < k) found.push(organizationSpan(text, segments[first].start, segment.end));
  }
  return found;
}

function organizationSpan(text: string, start: number, end: number): CjkName {
  return { name: text.slice(start, end), type: 'organization', start, end };
}

/** An organization's last word after its own kanji or katakana words: "大阪|大学", "日本|政策|投資|銀行". */
function organizations(text: string, segments: Segment[]): CjkName[] {
  const found: CjkName[] = [];
  for (const [k, segment] of segments.entries()) {
    const suffix = ORGANIZATION_SUFFIXES.find((s) => segment.text.endsWith(s));
    if (!suffix || !isNameWord(segment)) continue;
    let first = k;
    while (first > 0 && k - first < MAX_NAME_WORDS && isNameWord(segments[first - 1])) {
      if (segment.end - segments[first - 1].start > MAX_NAME_CHARS) break;
      first--;
    }
    const name = text.slice(segments[first].start, segment.end);
    if (name.length === suffix.length) continue;
    if (SHORT_ORGANIZATION_SUFFIXES.has(suffix) && name.length < 3) continue;
    found.push({ name, type: 'organization', start: segments[first].start, end: segment.end });
  }
  return found;
}

/** A kanji name of two to four characters (one or two words) right before an honorific or title. */
function people(text: string, segments: Segment[]): CjkName[] {
  const found: CjkName[] = [];
  for (const [k, segment] of segments.entries()) {
    if (!TITLES_AFTER_NAME.includes(segment.text) || k === 0) continue;
    let first = k - 1;
    if (!KANJI.test(segments[first].text)) continue;
    if (first > 0 && KANJI.test(segments[first - 1].text) && segment.start - segments[first - 1].start <= 4) first--;
    const name = text.slice(segments[first].start, segment.start);
    if (name.length < 2 || name.length > 4 || KNOWN_PLACES.has(name) || isOrganizationName(name)) continue;
    found.push({ name, type: 'person', start: segments[first].start, end: segment.start });
  }
  return found;
}

/** A word ending in a place suffix, or a suffix the segmenter split off with the kanji word before it ("大阪|府"). */
function places(text: string, segments: Segment[]): CjkName[] {
  const found: CjkName[] = [];
  for (const [k, segment] of segments.entries()) {
    if (!KANJI.test(segment.text) || !PLACE_SUFFIXES.has(segment.text.slice(-1))) continue;
    let start = segment.start;
    if (segment.text.length === 1) {
      const previous = segments[k - 1];
      if (!previous || !KANJI.test(previous.text) || previous.end !== segment.start) continue;
      start = previous.start;
    }
    const name = text.slice(start, segment.end);
    if (name.length < 2 || name.length > MAX_PLACE_CHARS || NOT_PLACES.has(name)) continue;
    found.push({ name, type: 'place', start, end: segment.end });
  }
  return found;
}

/** A word of a name: kanji, katakana, Latin letters or digits, never a particle. */
function isNameWord(segment: Segment): boolean {
  return segment.wordLike && NAME_WORD.test(segment.text) && !TITLES_AFTER_NAME.includes(segment.text);
}

/** A word of a company's name after its legal form: kana names too ("さくら"), never a particle. */
function isCompanyWord(segment: Segment): boolean {
  if (!segment.wordLike || PARTICLES.has(segment.text)) return false;
  return isNameWord(segment) || (HIRAGANA_WORD.test(segment.text) && segment.text.length >= 2);
}

function isOrganizationName(name: string): boolean {
  return ORGANIZATION_SUFFIXES.some((suffix) => name.endsWith(suffix));
}
