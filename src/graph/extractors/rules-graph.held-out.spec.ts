import { FRESH_TEXTS, HELD_OUT_TEXTS, type HeldOutText, NO_PERSON_SENTENCES, UNSEEN_TEXTS } from './testing/held-out-corpus.js';
import { predictions, scoreSet } from './testing/held-out-scoring.js';
import { addScores, formatScore, precision, recall, type Score, scoreText, zeroScore } from './testing/ner-score.js';

describe('RulesGraphExtractor on held-out texts', () => {
  it('finds people, organizations and places of all held-out texts with precision and recall of at least 0.8', async () => {
    const sets: [string, HeldOutText[]][] = [
      ['the first set (the rules were written against it)', HELD_OUT_TEXTS],
      ['the second set', FRESH_TEXTS],
      ['the unseen set', UNSEEN_TEXTS],
    ];
    let total: Score = zeroScore();
    for (const [title, samples] of sets) total = addScores(total, await scoreSet(title, samples));
    console.log(formatScore('ALL held-out texts', total));

    expect(precision(total.overall)).toBeGreaterThanOrEqual(0.8);
    expect(recall(total.overall)).toBeGreaterThanOrEqual(0.8);
  });

  it.each(NO_PERSON_SENTENCES)('finds no person in %j', async (sentence) => {
    const people = (await predictions(sentence)).filter((p) => p.type === 'person').map((p) => p.name);
    expect(people).toEqual([]);
  });
});

describe('scoreText', () => {
  const gold = [
    { type: 'person' as const, names: ['Maria Fernandes', 'Fernandes'] },
    { type: 'place' as const, names: ['Porto'] },
    { type: 'organization' as const, names: ['Goldman Sachs'] },
  ];

  it('counts a typed match once, a wrong type or unknown name as a false positive, a miss as a false negative', () => {
    const score = scoreText(
      [
        { name: 'Maria Fernandes', type: 'person' },
        { name: "Fernandes's", type: 'person' },
        { name: 'Porto', type: 'person' },
        { name: 'Web Summit', type: 'organization' },
        { name: 'cargo drone', type: 'concept' },
        { name: 'Science Museum', type: 'place' },
      ],
      gold,
      ['Science Museum'],
    );
    expect(score.person).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(score.place).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(score.organization).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(score.overall).toEqual({ tp: 1, fp: 2, fn: 2 });
    expect(precision(score.overall)).toBeCloseTo(1 / 3);
    expect(recall(score.overall)).toBeCloseTo(1 / 3);
  });
});
