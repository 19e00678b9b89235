import { type EntityType } from '../graph.types.js';
import { breaksAfter, type Span, spanOf, type Term, wordOf } from './compromise-term.js';
import {
  EVENT_HEADS,
  EVENT_PREFIXES,
  FOUNDING_VERBS,
  LEGAL_FORMS,
  NAME_CONNECTORS,
  ORGANIZATION_DESCRIPTORS,
  ORGANIZATION_HEADS,
  ORGANIZATION_OBJECT_VERBS,
  PERSON_OBJECT_VERBS,
  PLACE_HEADS,
  PLACE_PREFIXES,
  PERSON_ONLY_TITLES,
  PLACE_PREPOSITIONS,
  PRODUCT_HEADS,
  STAFF_NOUNS,
  TITLES,
} from './name-cues.js';

/**
 * A capitalized name in a sentence, typed by evidence. `evidence`: `none` = nothing said what it is (`other`);
 * `weak` = only a preposition before it ("from Babbage's drawings" is no place), which a typed name of the same
 * chunk overrides; `strong` = anything else.
 */
export interface FoundName extends Span {
  name: string;
  type: EntityType;
  evidence: 'strong' | 'weak' | 'none';
  /** Lower-case words of the name, without possessive. */
  words: string[];
  /** Where the run of capitalized words the name came from starts (before a title left out of a person's name). */
  runStart: number;
}

// Terms that are never part of a name ("I", "The", "Tuesday", "1843").
const NEVER_NAME = ['Determiner', 'Pronoun', 'Conjunction', 'Preposition', 'Value', 'Date', 'QuestionWord'];
const FOLLOWED_BY_WHO = /^\s*,?\s*(who|whom|whose)\b/i;
const ALL_CAPS = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;

/**
 * Finds the capitalized names of one sentence (runs of proper nouns, joined by "of"/"da"/"von"... and split at
 * punctuation) and types each by evidence only, in this order:
 * 1. what the name says of itself: a head word ("... Ltd", "University of ...", "... Bridge", "... Engine",
 *    "Hurricane ..."), a title ("Mayor Linda Park", "Dr. Kenji Watanabe": a person, the title left out);
 * 2. what compromise knows of its head: #Person (a first name, a surname after one, an honorific), #Organization,
 *    #Place;
 * 3. what the sentence says of it: "X, who", a role noun before it ("officer Priya Natarajan", "the poet ..."), an
 *    apposition ("X, the chief executive"), "X founded", "hired X", "founded (the) X", "the firm X", "analysts at X",
 *    "<person> of X"; last and weakest, "in/from/near X".
 * Without any of these the name is `other`, never a guessed person.
 */
export class NameFinder {
  /** Most words of the sentence are in capitals ("THERE IS NO WARRANTY"): capitals say nothing of names there. */
  private readonly shouting: boolean;

  constructor(
    private readonly text: string,
    private readonly terms: Term[],
    private readonly tags: ReadonlySet<string>[],
  ) {
    const words = terms.filter((t) => /\p{L}/u.test(t.text));
    const capitals = words.filter((t) => ALL_CAPS.test(t.text)).length;
    this.shouting = capitals >= 3 && capitals >= words.length * 0.6;
  }

  find(): FoundName[] {
    const found: FoundName[] = [];
    const { terms, tags } = this;
    let previousPersonEnd = -1;
    let k = 0;
    while (k < terms.length) {
      if (!this.isNameWord(k)) {
        k++;
        continue;
      }
      const start = k;
      let end = k;
      while (end + 1 < terms.length && !this.endsName(end)) {
        const next = end + 1;
        if (this.isNameWord(next) && !this.splitsBefore(end, next)) {
          end = next;
        } else if (
          NAME_CONNECTORS.has(terms[next].text) &&
          next + 1 < terms.length &&
          !this.endsName(next) &&
          this.isNameWord(next + 1) &&
          !this.hasPersonEvidence(start, end)
        ) {
          end = next + 1;
        } else break;
      }
      k = end + 1;
      // A lone nationality ("the Italian engineer") is an adjective, a lone title ("the Mayor said") no name.
      if (start === end && (tags[start].has('Demonym') || this.isTitle(start))) continue;
      // "Tim Cook of Apple": the affiliation of a person just named.
      const ofPerson = start >= 2 && terms[start - 1].normal === 'of' && previousPersonEnd === start - 2;
      const type = this.typeOf(start, end) ?? (ofPerson ? 'organization' : undefined);
      // A person's titles count as evidence but are not part of the name ("General Motors" keeps its first word).
      let nameStart = start;
      while (type === 'person' && nameStart < end && this.isTitle(nameStart)) nameStart++;
      const span = spanOf(terms[nameStart], terms[end]);
      const name = this.text.slice(span.start, span.end);
      if (name.replace(/[^\p{L}]/gu, '').length < 2) continue;
      const words = terms.slice(nameStart, end + 1).map(wordOf);
      if (words.length === 1 && LEGAL_FORMS.has(words[0].replace(/\.$/, ''))) continue;
      if (type === 'person') previousPersonEnd = end;
      const runStart = terms[start].offset.start;
      if (type) found.push({ ...span, name, type, evidence: 'strong', words, runStart });
      else if (start > 0 && PLACE_PREPOSITIONS.has(terms[start - 1].normal)) {
        found.push({ ...span, name, type: 'place', evidence: 'weak', words, runStart });
      } else found.push({ ...span, name, type: 'other', evidence: 'none', words, runStart });
    }
    return found;
  }

  /**
   * A capitalized word that is not a determiner, pronoun, date or number; at the start of the sentence only when
   * compromise knows it as a proper noun ("Samsung recalled", not "Engineers closed"). Lower-case first names and
   * surnames of compromise's lexicon count ("marie curie").
   */
  private isNameWord(k: number): boolean {
    const tags = this.tags[k];
    if (NEVER_NAME.some((tag) => tags.has(tag))) return false;
    // "marie curie": a lower-case first name or surname beside another ("you may grant" is no person).
    if (!/^\p{Lu}/u.test(this.terms[k].text)) return this.isLowerPersonWord(k) && (this.isLowerPersonWord(k - 1) || this.isLowerPersonWord(k + 1));
    if (this.shouting && ALL_CAPS.test(this.terms[k].text)) return false;
    if (k > 0) return true;
    if (['Person', 'Organization', 'Place'].some((tag) => tags.has(tag))) return true;
    // A heading or an instruction starting with a verb: "Conveying Verbatim Copies", "Convey the work ...".
    if (tags.has('Verb')) return false;
    if (tags.has('ProperNoun') || tags.has('Acronym')) return true;
    // "Zorblax Quentor arrived", "Apple CEO Tim Cook": the first word of a longer capitalized name.
    return this.terms.length > 1 && !breaksAfter(this.terms[0]) && this.isNameWord(1);
  }

  private isLowerPersonWord(k: number): boolean {
    if (k < 0 || k >= this.terms.length || /^\p{Lu}/u.test(this.terms[k].text)) return false;
    const tags = this.tags[k];
    return (tags.has('FirstName') || tags.has('LastName')) && !NEVER_NAME.some((tag) => tags.has(tag));
  }

  /** Punctuation ends a name, except the period of a title ("Dr. Kenji Watanabe"); a possessive ends it too. */
  private endsName(k: number): boolean {
    const term = this.terms[k];
    if (this.tags[k].has('Possessive') || /['’]s$/i.test(term.text)) return true;
    return breaksAfter(term) && !(this.isTitle(k) && /^\.\s*$/.test(term.post));
  }

  private isTitle(k: number): boolean {
    return this.tags[k].has('Honorific') || TITLES.has(wordOf(this.terms[k]));
  }

  /**
   * A title at k that makes the name after it a person: one that only ever precedes people ("Dr.", "Mayor"), or
   * any title followed by a word compromise knows as (part of) a person's name ("President Lincoln", "King
   * Charles"); not "General" in "GNU General Public License".
   */
  private isPersonTitle(k: number): boolean {
    if (!this.isTitle(k)) return false;
    if (PERSON_ONLY_TITLES.has(wordOf(this.terms[k]))) return true;
    for (let next = k + 1; next < this.terms.length && this.isNameWord(next); next++) {
      if (!this.isTitle(next) && isPersonTerm(this.tags[next])) return true;
      if (this.endsName(next)) break;
    }
    return false;
  }

  /**
   * "Apple CEO Tim Cook", "New York Mayor Eric Adams": a title before a name starts a new name; so does a first
   * name or honorific after an organization, place or acronym.
   */
  private splitsBefore(left: number, right: number): boolean {
    const [l, r] = [this.tags[left], this.tags[right]];
    // "Copyright (C)": an opening bracket or quote starts something else.
    if (/[^\s'’-]/.test(this.terms[right].pre)) return true;
    if (this.isPersonTitle(right) && !this.isTitle(left) && right + 1 < this.terms.length && !this.endsName(right)) {
      if (this.isNameWord(right + 1)) return true;
    }
    if (!r.has('FirstName') && !r.has('Honorific')) return false;
    return (l.has('Organization') || l.has('Place') || l.has('Acronym')) && !isPersonTerm(l);
  }

  private hasPersonEvidence(start: number, end: number): boolean {
    for (let k = start; k <= end; k++) if (isPersonTerm(this.tags[k])) return true;
    return false;
  }

  private typeOf(start: number, end: number): EntityType | undefined {
    const { terms, tags } = this;
    let head = end;
    for (let k = start + 1; k < end; k++) {
      if (NAME_CONNECTORS.has(terms[k].text)) {
        head = k - 1;
        break;
      }
    }
    const multiword = end > start;
    const [first, headWord, last] = [wordOf(terms[start]), wordOf(terms[head]), wordOf(terms[end])];
    const headTags = tags[head];
    // 1. The name's own words (a head word alone is no name: "Co-author", "Park said").
    if (multiword) {
      if (EVENT_PREFIXES.has(first)) return 'event';
      if (ORGANIZATION_HEADS.has(headWord) || ORGANIZATION_HEADS.has(last)) return 'organization';
      if (this.isPersonTitle(start) && !headTags.has('Organization')) return 'person';
      if (PLACE_HEADS.has(headWord) || PLACE_PREFIXES.has(first)) return 'place';
      if (EVENT_HEADS.has(headWord)) return 'event';
      if (PRODUCT_HEADS.has(headWord)) return 'product';
    }
    // 2. compromise's tags of the head ("Jordan" after "in" is the country).
    const before = start > 0 ? terms[start - 1] : undefined;
    const afterPlacePreposition = before !== undefined && PLACE_PREPOSITIONS.has(before.normal);
    if (afterPlacePreposition && headTags.has('Place')) return 'place';
    if (isPersonTerm(headTags) || tags[start].has('FirstName') || (tags[start].has('Honorific') && this.isPersonTitle(start))) {
      return 'person';
    }
    if (headTags.has('Organization')) return 'organization';
    if (headTags.has('Place')) return 'place';
    // 3. The sentence around it.
    return this.contextType(start, end);
  }

  private contextType(start: number, end: number): EntityType | undefined {
    const { terms, tags } = this;
    const endOffset = terms[end].offset.start + terms[end].offset.length;
    if (FOLLOWED_BY_WHO.test(this.text.slice(endOffset, endOffset + 12))) return 'person';
    if (start > 0 && isRoleNoun(terms[start - 1], tags[start - 1])) return 'person';
    if (this.hasRoleApposition(end)) return 'person';
    const after = terms[end + 1];
    if (after && tags[end + 1].has('Verb') && !tags[end + 1].has('Passive') && FOUNDING_VERBS.has(rootOf(after))) {
      return 'person';
    }
    const before = start > 0 ? terms[start - 1] : undefined;
    if (before && ORGANIZATION_DESCRIPTORS.has(before.normal)) return 'organization';
    // "auditors at Deloitte"
    if (before?.normal === 'at' && start > 1 && isStaffNoun(terms[start - 2], tags[start - 2])) return 'organization';
    // The verb before it, past a determiner: "hired Satya Nadella", "founded the Lagos Community Health Network".
    const verb = before && tags[start - 1].has('Determiner') ? start - 2 : start - 1;
    if (verb >= 0 && tags[verb].has('Verb')) {
      if (PERSON_OBJECT_VERBS.has(rootOf(terms[verb]))) return 'person';
      if (ORGANIZATION_OBJECT_VERBS.has(rootOf(terms[verb]))) return 'organization';
    }
    // "founded by Larry Page"
    if (before?.normal === 'by' && start > 1 && FOUNDING_VERBS.has(rootOf(terms[start - 2]))) return 'person';
    return undefined;
  }

  /** "Maria Fernandes, the chief executive of ...": a comma, a determiner, then a role noun before the next stop. */
  private hasRoleApposition(end: number): boolean {
    const { terms, tags } = this;
    if (!terms[end].post.includes(',') || !tags[end + 1]?.has('Determiner')) return false;
    for (let k = end + 2; k < Math.min(terms.length, end + 6); k++) {
      if (isRoleNoun(terms[k], tags[k])) return true;
      if (breaksAfter(terms[k])) break;
    }
    return false;
  }
}

/** compromise's evidence that a term is (part of) a person's name. "Cook" is also a job, "sister" only a role. */
function isPersonTerm(tags: ReadonlySet<string>): boolean {
  return (
    tags.has('FirstName') || tags.has('LastName') || tags.has('Honorific') || (tags.has('Person') && !tags.has('Actor'))
  );
}

/** A lower-case role or kinship noun compromise tags #Actor ("officer", "poet", "sister"), not "my". */
function isRoleNoun(term: Term, tags: ReadonlySet<string>): boolean {
  return (tags.has('Actor') || tags.has('Honorific')) && !tags.has('Possessive') && !tags.has('Pronoun') && !/^\p{Lu}/u.test(term.text);
}

function isStaffNoun(term: Term, tags: ReadonlySet<string>): boolean {
  return STAFF_NOUNS.has(term.normal) || (tags.has('Actor') && tags.has('Plural'));
}

function rootOf(term: Term): string {
  return (term.root || term.normal).toLowerCase();
}
