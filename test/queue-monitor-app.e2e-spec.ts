import { WorkerRunner } from '../src/infra/queue/worker-runner.service.js';
import { loginAdmin, registerAndLogin } from './support/auth.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';

/** The monitor inside the whole API (FEATURE_MODULES), watching a feature's real job. */
describe('Queue monitor in the full API (e2e, a real feature job)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it("shows auth's revoke-user-sessions job: counted, listed, detailed, with the worker that ran it", async () => {
    const admin = await loginAdmin(t);
    const { user } = await registerAndLogin(t);
    const queued = await t
      .http()
      .post(`/api/v1/auth/users/${user.id}/revoke-sessions`)
      .set('authorization', `Bearer ${admin}`)
      .expect(202);
    const jobId = queued.body.data.job_id as string;
    const get = (path: string) => t.http().get(`/api/v1/rq${path}`).set('authorization', `Bearer ${admin}`);

    const job = await waitFor(async () => {
      const res = await get(`/queues/token_revocation/jobs/${jobId}`);
      return res.body.data?.status === 'finished' ? res.body.data : undefined;
    });
    expect(job).toMatchObject({
      name: 'revoke-user-sessions',
      queue_name: 'token_revocation',
      worker_name: t.app.get(WorkerRunner).workerName,
    });
    const stats = (await get('/queues/token_revocation/stats').expect(200)).body.data;
    expect(stats).toMatchObject({ queue_name: 'token_revocation', finished: 1, failed: 0, total: 1 });
    const listed = (await get('/queues/token_revocation/jobs?status=finished').expect(200)).body.data;
    expect(listed.jobs.map((j: { job_id: string }) => j.job_id)).toEqual([jobId]);
    expect((await get(`/jobs/${jobId}`).expect(200)).body.data.queue_name).toBe('token_revocation');
  });
});
