import { parseQueueRateLimits } from './queue-rate-limits.js';

describe('parseQueueRateLimits (QUEUE_RATE_LIMITS)', () => {
  it('reads per-second, per-minute and per-n-seconds limits of several queues', () => {
    expect(parseQueueRateLimits('vectorization=50/s, kg_extraction=100/m,file_processing=10/5s')).toEqual({
      vectorization: { max: 50, duration: 1000 },
      kg_extraction: { max: 100, duration: 60_000 },
      file_processing: { max: 10, duration: 5000 },
    });
    expect(parseQueueRateLimits('')).toEqual({});
  });

  it('names what is wrong: an unknown queue, a malformed entry, a zero limit', () => {
    expect(() => parseQueueRateLimits('vectorisation=50/s')).toThrow('unknown queue "vectorisation"');
    expect(() => parseQueueRateLimits('vectorization=50')).toThrow('expected <queue>=<jobs>/<s|m|h>');
    expect(() => parseQueueRateLimits('vectorization=0/s')).toThrow('at least 1');
  });
});
