import { type Job } from 'bullmq';
import { toBullPriority } from '../infra/queue/task-priority.js';
import { canceledSummary, toJobDetail, toJobSummary } from './job-view.js';
import { HELD_DELAY_MS } from './migrations/job-mover.js';

function job(fields: Partial<Job>): Job {
  return {
    id: '5',
    name: 'process-file',
    data: { file_id: 'f1' },
    opts: { attempts: 3 },
    timestamp: Date.parse('2026-11-28T10:00:00.000Z'),
    delay: 0,
    attemptsMade: 1,
    progress: 0,
    returnvalue: null,
    failedReason: '',
    stacktrace: [],
    priority: 0,
    ...fields,
  } as unknown as Job;
}

describe('job views (the original RQ fields)', () => {
  it('maps a failed job: timestamps, exc_info from the last stack trace, no result', () => {
    const failed = job({
      processedOn: Date.parse('2026-11-28T10:00:02.000Z'),
      finishedOn: Date.parse('2026-11-28T10:00:05.000Z'),
      failedReason: 'boom',
      stacktrace: ['Error: first', 'Error: boom\n    at x'],
      processedBy: 'host.1.ab',
    });
    expect(toJobSummary(failed, 'failed')).toEqual({
      job_id: '5',
      name: 'process-file',
      status: 'failed',
      priority: 'normal',
      data: { file_id: 'f1' },
      created_at: '2026-11-28T10:00:00.000Z',
      enqueued_at: '2026-11-28T10:00:00.000Z',
      started_at: '2026-11-28T10:00:02.000Z',
      ended_at: '2026-11-28T10:00:05.000Z',
      result: null,
      exc_info: 'Error: boom\n    at x',
    });
    expect(toJobDetail(failed, 'file_processing', 'failed', ['log'])).toMatchObject({
      error: 'boom',
      attempts_made: 1,
      attempts_allowed: 3,
      duration_ms: 3000,
      wait_ms: 2000,
      worker_name: 'host.1.ab',
      logs: ['log'],
    });
  });

  it("shows a migration's held copy (not armed yet) as deferred, with no enqueue time a year out", () => {
    expect(toJobSummary(job({ delay: HELD_DELAY_MS }), 'scheduled')).toMatchObject({ status: 'deferred', enqueued_at: null });
    expect(toJobSummary(job({ delay: HELD_DELAY_MS - 1 }), 'scheduled')).toMatchObject({ status: 'scheduled' });
  });

  it('enqueues a delayed job when its delay ends, and leaves times of a job not started empty', () => {
    const scheduled = job({ delay: 60_000 });
    expect(toJobSummary(scheduled, 'scheduled')).toMatchObject({
      enqueued_at: '2026-11-28T10:01:00.000Z',
      started_at: null,
      ended_at: null,
      exc_info: null,
    });
    expect(toJobDetail(scheduled, 'file_processing', 'scheduled', [])).toMatchObject({ duration_ms: null, wait_ms: null });
  });

  it('shows a canceled record as a job that ended when it was canceled', () => {
    expect(
      canceledSummary({
        job_id: '9',
        name: 'n',
        data: {},
        created_at: 'c',
        enqueued_at: 'e',
        canceled_at: 'x',
        previous_status: 'queued',
      }),
    ).toMatchObject({ job_id: '9', status: 'canceled', priority: 'normal', ended_at: 'x', started_at: null });
  });

  it('shows the priority as its word (high, normal, low)', () => {
    expect(toJobSummary(job({ priority: toBullPriority('high') }), 'queued').priority).toBe('high');
    expect(toJobSummary(job({ priority: toBullPriority('low') }), 'queued').priority).toBe('low');
  });
  it('shows a job BullMQ failed because its dependency failed as canceled with DEPENDENCY_FAILED', () => {
    const finishedOn = Date.parse('2026-11-28T10:00:05.000Z');
    const canceled = job({ finishedOn, failedReason: 'child bull:file_processing:7 failed' });
    expect(toJobDetail(canceled, 'file_processing', 'failed', [])).toMatchObject({
      status: 'canceled',
      error: 'DEPENDENCY_FAILED: child bull:file_processing:7 failed',
      exc_info: 'DEPENDENCY_FAILED: child bull:file_processing:7 failed',
      canceled_at: '2026-11-28T10:00:05.000Z',
    });
  });
});
