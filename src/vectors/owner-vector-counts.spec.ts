import { describe, expect, it } from '@jest/globals';
import { OwnerVectorCounts } from './owner-vector-counts.js';

describe('OwnerVectorCounts', () => {
  it('answers from a recent count, and asks for a new count once it is older than the TTL', () => {
    let now = 0;
    const counts = new OwnerVectorCounts(1000, 10, () => now);
    expect(counts.withinBound('a', 100)).toBeUndefined();
    counts.record('a', 40, 101);
    expect(counts.withinBound('a', 100)).toBe(true);
    expect(counts.withinBound('a', 30)).toBe(false);
    now = 1001;
    expect(counts.withinBound('a', 100)).toBeUndefined();
  });

  it('knows only "at least" from a count that stopped at its limit', () => {
    const counts = new OwnerVectorCounts(1000, 10, () => 0);
    counts.record('b', 101, 101);
    expect(counts.withinBound('b', 100)).toBe(false);
    expect(counts.withinBound('b', 50)).toBe(false);
    expect(counts.withinBound('b', 500)).toBeUndefined();
  });

  it('stays bounded in size', () => {
    const counts = new OwnerVectorCounts(1000, 2, () => 0);
    counts.record('a', 1, 10);
    counts.record('b', 1, 10);
    counts.record('c', 1, 10);
    expect(counts.withinBound('a', 5)).toBeUndefined();
    expect(counts.withinBound('c', 5)).toBe(true);
  });
});
