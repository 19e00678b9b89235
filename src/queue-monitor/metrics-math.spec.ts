import { type Metrics } from 'bullmq';
import { countInWindow, failureRate, maxOf, percentile } from './metrics-math.js';

const MINUTE = 60_000;
const at = (minute: number, second = 0) => minute * MINUTE + second * 1000;
const metrics = (count: number, prevCount: number, prevTS: number, data: number[]): Metrics => ({
  meta: { count, prevCount, prevTS },
  data,
  count: data.length,
});

describe('countInWindow (BullMQ per-minute metrics)', () => {
  it('counts the jobs since the last data point when they fall in the window', () => {
    // 7 jobs so far, the last data point was pushed at minute 100; 3 ended since then (in minute 100).
    expect(countInWindow(metrics(7, 4, at(100, 10), [4]), 5, at(100, 50))).toBe(3 + 4);
  });

  it('drops data points older than the window', () => {
    // data[0] is minute 99, data[1] minute 98, data[2] minute 97 ...
    const m = metrics(20, 18, at(100, 5), [5, 6, 7]);
    expect(countInWindow(m, 1, at(100, 30))).toBe(2);
    expect(countInWindow(m, 2, at(100, 30))).toBe(2 + 5);
    expect(countInWindow(m, 3, at(100, 30))).toBe(2 + 5 + 6);
  });

  it('counts nothing when the last job ended before the window', () => {
    expect(countInWindow(metrics(20, 18, at(100), [5, 6]), 5, at(200))).toBe(0);
  });

  it('counts the first jobs before any data point exists', () => {
    expect(countInWindow(metrics(1, 0, at(100), []), 5, at(100, 2))).toBe(1);
    expect(countInWindow(metrics(0, 0, 0, []), 5, at(100))).toBe(0);
  });
});

describe('percentile, max, failure rate', () => {
  it('uses the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
    expect(maxOf([3, 9, 1])).toBe(9);
    expect(maxOf([])).toBeNull();
  });

  it('is failed over ended jobs, null when none ended', () => {
    expect(failureRate(8, 2)).toBe(0.2);
    expect(failureRate(0, 0)).toBeNull();
    expect(failureRate(2, 1)).toBe(0.3333);
  });
});
