import { readFileSync } from 'node:fs';
import { type HeldOutText, organization, person, place } from './testing/held-out-corpus.js';
import { JAPANESE_HELD_OUT_TEXTS } from './testing/held-out-corpus.ja.js';
import { scoreSet } from './testing/held-out-scoring.js';
import { precision, recall } from './testing/ner-score.js';

/** The text the Japanese rules were written against (the e2e fixture), scored apart from the held-out set. */
const DEVELOPMENT_TEXTS: HeldOutText[] = [
  {
    style: 'news fixture',
    text: readFileSync(new URL('../../../test/fixtures/cjk/story.ja.txt', import.meta.url), 'utf8'),
    gold: [
      place('東京都'),
      place('大阪府'),
      place('北海道'),
      place('横浜市'),
      place('関西地方', '関西'),
      organization('株式会社さくら精機', 'さくら精機'),
      organization('大阪大学'),
      organization('京都大学'),
      person('山本健一'),
      person('佐藤美咲'),
      person('田中宏'),
    ],
    ignore: ['労働組合'],
  },
];

describe('RulesGraphExtractor on Japanese texts', () => {
  it('finds people, organizations and places of the held-out Japanese texts with precision ≥ 0.8 and recall ≥ 0.7', async () => {
    const total = await scoreSet('the Japanese held-out set (written before the rules)', JAPANESE_HELD_OUT_TEXTS);
    expect(precision(total.overall)).toBeGreaterThanOrEqual(0.8);
    expect(recall(total.overall)).toBeGreaterThanOrEqual(0.7);
  });

  it('finds the names of the text the rules were written against (scored apart)', async () => {
    const total = await scoreSet('the Japanese development set (the rules were written against it)', DEVELOPMENT_TEXTS);
    expect(precision(total.overall)).toBeGreaterThanOrEqual(0.8);
    expect(recall(total.overall)).toBeGreaterThanOrEqual(0.8);
  });
});
