import { WorkerRecycler } from './worker-recycler.js';

const MiB = 1024 * 1024;

describe('WorkerRecycler', () => {
  it('says once, at the WORKER_MAX_JOBS-th job, that the worker is spent', () => {
    const recycler = new WorkerRecycler({ maxJobs: 3, maxMemoryMb: 0 }, () => 10 * MiB);
    expect([recycler.jobEnded(), recycler.jobEnded()]).toEqual([undefined, undefined]);
    expect(recycler.jobEnded()).toMatch(/ran 3 jobs \(WORKER_MAX_JOBS=3\)/);
    expect(recycler.jobEnded()).toBeUndefined();
  });

  it('says so when resident memory reaches WORKER_MAX_MEMORY_MB', () => {
    let rss = 100 * MiB;
    const recycler = new WorkerRecycler({ maxJobs: 0, maxMemoryMb: 200 }, () => rss);
    expect(recycler.jobEnded()).toBeUndefined();
    rss = 250 * MiB;
    expect(recycler.jobEnded()).toMatch(/resident memory 250 MiB \(WORKER_MAX_MEMORY_MB=200\)/);
  });

  it('never recycles with both limits off', () => {
    const recycler = new WorkerRecycler({ maxJobs: 0, maxMemoryMb: 0 }, () => 64_000 * MiB);
    for (let i = 0; i < 1000; i += 1) expect(recycler.jobEnded()).toBeUndefined();
  });
});
