import { type Metrics } from 'bullmq';
import { bucketSums, perMinuteSeries, sumSeries } from './throughput-series.js';

const MINUTE = 60_000;
const now = 1_000 * MINUTE + 30_000; // half-way through minute 1000

function metrics(prevMinute: number, count: number, prevCount: number, data: number[]): Metrics {
  return { meta: { count, prevTS: prevMinute * MINUTE + 5_000, prevCount }, data, count: data.length };
}

describe('perMinuteSeries', () => {
  it('puts the jobs since the last push in its minute and each data point one minute earlier', () => {
    // last push in minute 998: 2 jobs since; data: minute 997 → 4, minute 996 → 1
    const series = perMinuteSeries(metrics(998, 12, 10, [4, 1]), 5, now);
    expect(series).toEqual([1, 4, 2, 0, 0]); // minutes 996..1000
  });

  it('drops minutes older than the window', () => {
    expect(perMinuteSeries(metrics(1000, 3, 0, [7, 9, 11]), 2, now)).toEqual([7, 3]);
  });

  it('is all zeros when nothing ever ended', () => {
    expect(perMinuteSeries({ meta: { count: 0, prevTS: 0, prevCount: 0 }, data: [], count: 0 }, 3, now)).toEqual([0, 0, 0]);
  });
});

describe('bucketSums', () => {
  it('sums groups so the newest bucket ends with the newest minute', () => {
    expect(bucketSums([1, 2, 3, 4, 5], 2)).toEqual([1, 5, 9]);
    expect(bucketSums([1, 2, 3], 1)).toEqual([1, 2, 3]);
  });
});

describe('sumSeries', () => {
  it("adds a queue's series of every shard minute by minute", () => {
    expect(sumSeries([[1, 0, 2], [0, 3, 4]])).toEqual([1, 3, 6]);
    expect(sumSeries([[5, 6]])).toEqual([5, 6]);
    expect(sumSeries([])).toEqual([]);
  });
});
