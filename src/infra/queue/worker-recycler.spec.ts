import { WorkerRecycler } from './worker-recycler.js';

const MiB = 1024 * 1024;

describe('WorkerRecycler', () => {
  it('says once, at the WORKER_MAX_JOBS-th job, that the worker is spent', () => {
    const recycler = new WorkerRecycler({ maxJobs: 3, maxMemoryMb: 0 }, () => 10 * MiB);
    expect([recycler.jobEnded(), recycler.jobEnded()]).toEqual([undefined, undefined]);
    expect(recycler.jobEnded()).toMatch(/ran 3 jobs \(WORKER_MAX_JOBS=3\)/);
    expect(recycler.jobEnded()).toBeUndefined();
  });

  it('says so when resident memory reaches WORKER_MAX_MEMORY_MB, reading it at most every 100 ms', () => {
    let rss = 100 * MiB;
    let now = 0;
    const recycler = new WorkerRecycler({ maxJobs: 0, maxMemoryMb: 200 }, () => rss, () => now);
    expect(recycler.jobEnded()).toBeUndefined();
    rss = 250 * MiB;
    now = 99;
    expect(recycler.jobEnded()).toBeUndefined();
    now = 100;
    expect(recycler.jobEnded()).toMatch(/resident memory 250 MiB \(WORKER_MAX_MEMORY_MB=200\)/);
  });

  it('never recycles with both limits off, nor reads the memory then', () => {
    let reads = 0;
    const recycler = new WorkerRecycler({ maxJobs: 0, maxMemoryMb: 0 }, () => (reads += 1) * 64_000 * MiB);
    for (let i = 0; i < 1000; i += 1) expect(recycler.jobEnded()).toBeUndefined();
    expect(reads).toBe(0);
  });
});
