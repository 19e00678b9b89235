import { cleanEntityName, normalizeEntityName, normalizeRelationName } from './entity-name.js';

describe('entity names', () => {
  it.each([
    ['  Marie   Curie ', 'marie curie'],
    ["Angela Merkel's", 'angela merkel'],
    ['Apple Inc.', 'apple inc'],
    ['The University of Paris,', 'university of paris'],
    ['“Berlin”', 'berlin'],
    ["the Joneses'", 'joneses'],
  ])('normalizes %p to %p', (raw, normalized) => {
    expect(normalizeEntityName(raw)).toBe(normalized);
  });

  it('gives a Traditional and a Simplified spelling one key, and drops CJK brackets', () => {
    expect(normalizeEntityName('臺北市政府')).toBe(normalizeEntityName('台北市政府'));
    expect(normalizeEntityName('「滾動式更新」')).toBe(normalizeEntityName('滚动式更新'));
    expect(cleanEntityName('《國立臺灣大學》')).toBe('國立臺灣大學');
  });

  it('keeps the case of a display name but drops the possessive and punctuation', () => {
    expect(cleanEntityName("Angela Merkel's ")).toBe('Angela Merkel');
    expect(cleanEntityName('France.')).toBe('France');
  });

  it('writes relation names in lower snake case', () => {
    expect(normalizeRelationName('Works For')).toBe('works_for');
    expect(normalizeRelationName('grow up')).toBe('grow_up');
  });
});
