import { unifyChineseScript } from '../common/text/search-terms.js';

const LEADING_ARTICLE = /^(the|a|an)\s+/;
const POSSESSIVE = /(['’]s|s['’])$/;
const TRAILING_PUNCTUATION = /[\s.,;:!?'"’”)\]}\-」』》〉】、。]+$/;
const LEADING_PUNCTUATION = /^[\s'"‘“([{\-「『《〈【]+/;

/**
 * The key entity names are merged by: lower case, single spaces, no surrounding punctuation, no possessive,
 * no leading article ("The University of Paris's" → "university of paris"), Chinese in one script ("臺北市政府"
 * and "台北市政府" are one entity: see unifyChineseScript).
 */
export function normalizeEntityName(name: string): string {
  let value = name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  value = value.replace(LEADING_PUNCTUATION, '').replace(TRAILING_PUNCTUATION, '');
  value = value.replace(POSSESSIVE, (m) => (m.startsWith('s') ? 's' : ''));
  value = value.replace(TRAILING_PUNCTUATION, '').replace(LEADING_ARTICLE, '');
  return unifyChineseScript(value.trim());
}

/** The name as shown: surrounding punctuation, possessive and extra spaces removed, case kept. */
export function cleanEntityName(name: string): string {
  let value = name.normalize('NFKC').replace(/\s+/g, ' ').trim();
  value = value.replace(LEADING_PUNCTUATION, '').replace(TRAILING_PUNCTUATION, '');
  value = value.replace(POSSESSIVE, (m) => (m.startsWith('s') ? 's' : ''));
  value = value.replace(TRAILING_PUNCTUATION, '').replace(/^(the|a|an)\s+/i, '');
  return value.trim();
}

/** A relation name: the verb lemma (or label) in lower snake case ("Works For" → "works_for"). */
export function normalizeRelationName(relation: string): string {
  return relation
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

/** A name worth an entity: at least two letters ("3", "a." are not). */
export function isUsefulName(normalized: string): boolean {
  return normalized.replace(/[^\p{L}]/gu, '').length >= 2;
}
