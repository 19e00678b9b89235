import { fuseByReciprocalRank, type RankedChunk, RRF_K } from './reciprocal-rank-fusion.js';

const chunk = (id: string, score: number): RankedChunk => ({ chunkId: id, fileId: 'f', chunkIndex: 0, text: id, score });

describe('fuseByReciprocalRank', () => {
  it('puts a chunk both lists found above chunks found by one list at the same ranks', () => {
    const fused = fuseByReciprocalRank(
      { vector: [chunk('a', 0.9), chunk('b', 0.8)], text: [chunk('c', 3), chunk('b', 2)] },
      3,
    );
    expect(fused.map((f) => f.chunkId)).toEqual(['b', 'a', 'c']);
    expect(fused[0]).toMatchObject({ foundBy: ['vector', 'text'], scores: { vector: 0.8, text: 2 } });
    expect(fused[0].score).toBeCloseTo(2 / (RRF_K + 2));
    expect(fused[1]).toMatchObject({ foundBy: ['vector'], scores: { vector: 0.9 } });
    expect(fused[1].score).toBeCloseTo(1 / (RRF_K + 1));
  });

  it('ranks by rank only, whatever the scales of the scores', () => {
    const fused = fuseByReciprocalRank({ vector: [chunk('a', 0.1)], text: [chunk('b', 1000)] }, 2);
    expect(fused.map((f) => f.chunkId)).toEqual(['a', 'b']);
    expect(fused[0].score).toBe(fused[1].score);
  });

  it('keeps topK and handles an empty or missing list', () => {
    expect(fuseByReciprocalRank({ vector: [chunk('a', 1), chunk('b', 1)], text: [] }, 1).map((f) => f.chunkId)).toEqual(['a']);
    expect(fuseByReciprocalRank({ vector: undefined, text: [chunk('z', 1)] }, 5).map((f) => f.foundBy)).toEqual([['text']]);
  });
});
