import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { type Job } from 'bullmq';
import { JOB_ABORTED, JOB_LOCK_LOST, JOB_TIMEOUT, JobAbortedError, JobTimeoutError } from './job-errors.js';
import { RunningJobs } from './running-jobs.js';

const job = { attemptsMade: 0, opts: { attempts: 2 } } as unknown as Job;
const forever = () => new Promise<never>(() => undefined);

describe('RunningJobs: job_timeout, aborts and the signal a processor gets', () => {
  let running: RunningJobs;
  beforeEach(() => {
    jest.useFakeTimers();
    running = new RunningJobs();
  });
  afterEach(() => {
    running.stop();
    jest.useRealTimers();
  });

  it('aborts a job past its timeout, even one that ignores its signal, with JOB_TIMEOUT', async () => {
    const run = running.start('1', job, 1000);
    const racing = run.race(forever());
    jest.advanceTimersByTime(999);
    expect(run.abortReason).toBeUndefined();
    jest.advanceTimersByTime(2);
    await expect(racing).rejects.toBeInstanceOf(JobTimeoutError);
    expect(run.signal.aborted).toBe(true);
    expect(run.signal.reason).toBe(JOB_TIMEOUT);
  });

  it('times out each job at its own deadline whatever order they started in', () => {
    const long = running.start('1', job, 5000);
    const short = running.start('2', job, 1000);
    const none = running.start('3', job, undefined);
    jest.advanceTimersByTime(1001);
    expect([long.abortReason, short.abortReason]).toEqual([undefined, JOB_TIMEOUT]);
    jest.advanceTimersByTime(4000);
    expect(long.abortReason).toBe(JOB_TIMEOUT);
    jest.advanceTimersByTime(60_000);
    expect(none.abortReason).toBeUndefined();
  });

  it('leaves a job that ended in time alone, and times out the one still running', () => {
    const first = running.start('1', job, 1000);
    jest.advanceTimersByTime(500);
    const second = running.start('2', job, 1000);
    running.end('1', first);
    jest.advanceTimersByTime(501);
    expect(first.abortReason).toBeUndefined();
    expect(second.abortReason).toBeUndefined();
    jest.advanceTimersByTime(500);
    expect(second.abortReason).toBe(JOB_TIMEOUT);
  });

  it('cancels a running job by id (the first reason wins) and answers false for a job it does not run', async () => {
    const run = running.start('7', job, 1000);
    const signal = run.signal;
    const racing = run.race(forever());
    expect(running.cancel('7', JOB_LOCK_LOST)).toBe(true);
    expect(running.cancel('7', JOB_ABORTED)).toBe(true);
    await expect(racing).rejects.toBeInstanceOf(JobAbortedError);
    expect(signal.reason).toBe(JOB_LOCK_LOST);
    running.end('7', run);
    expect(running.cancel('7', JOB_ABORTED)).toBe(false);
  });

  it('gives a processor that asks for the signal after the abort an aborted signal', async () => {
    const run = running.start('1', job, undefined);
    running.cancel('1', 'operator said so');
    expect(run.signal.aborted).toBe(true);
    expect(run.signal.reason).toBe('operator said so');
    await expect(run.race(Promise.resolve('late'))).rejects.toThrow('JOB_ABORTED: operator said so');
  });

  it('settles with the work when it is not aborted, and says whether the attempt is the last', async () => {
    const run = running.start('1', job, 1000);
    await expect(run.race(Promise.resolve('done'))).resolves.toBe('done');
    await expect(run.race(Promise.reject(new Error('broke')))).rejects.toThrow('broke');
    expect(run.finalAttempt).toBe(false);
  });
});
