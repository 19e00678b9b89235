import { REAL_HELD_OUT_TEXTS, REAL_TUNING_TEXTS } from './testing/held-out-corpus.real.js';
import { scoreSet } from './testing/held-out-scoring.js';
import { precision, recall } from './testing/ner-score.js';

describe('RulesGraphExtractor on real documents', () => {
  it('scores the real texts the rules were tuned on and the real held-out texts apart', async () => {
    const tuning = await scoreSet('real texts the rules were tuned on (GNU GPL v3)', REAL_TUNING_TEXTS);
    const heldOut = await scoreSet('real held-out texts (never tuned on)', REAL_HELD_OUT_TEXTS);

    expect(precision(tuning.overall)).toBe(1);
    expect(recall(tuning.overall)).toBe(1);
    // First run on the held-out texts: see the README (Knowledge graph) for the figures.
    expect(precision(heldOut.overall)).toBeGreaterThanOrEqual(0.7);
    expect(recall(heldOut.overall)).toBeGreaterThanOrEqual(0.5);
  });
});
