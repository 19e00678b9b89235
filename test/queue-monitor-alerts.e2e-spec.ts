import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { TaskQueueService } from '../src/infra/queue/task-queue.service.js';
import { FailureAlertService } from '../src/queue-monitor/failure-alert.service.js';
import type { TestApp } from './support/test-app.js';
import { waitFor } from './support/wait-for.js';
import { createMonitorTestApp } from './fixtures/queue-monitor/monitor-test-app.js';
import { FailJob, MONITOR_TEST_QUEUE, SucceedJob } from './fixtures/queue-monitor/monitor-test.jobs.js';

describe('Queue monitor alerts and /metrics access (e2e)', () => {
  let t: TestApp;
  let receiver: Server;
  const received: { path: string; body: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    receiver = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ path: req.url ?? '', body: JSON.parse(body) as Record<string, unknown> });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    t = await createMonitorTestApp({ ALERT_WEBHOOK_URL: `http://127.0.0.1:${port}/hooks/queue`, ALERT_FAILURE_RATE: '0.2', METRICS_TOKEN: 'metrics-token-for-tests' });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('posts one alert per queue per five minutes, however many jobs fail, with the failure rate', async () => {
    const tasks = t.app.get(TaskQueueService);
    const alerts = t.app.get(FailureAlertService);
    const ok = await Promise.all([1, 2].map((i) => tasks.enqueue(SucceedJob, { value: `ok${i}` })));
    await waitFor(async () => {
      const states = await Promise.all(ok.map((j) => tasks.queue(MONITOR_TEST_QUEUE).getJobState(j.job_id)));
      return states.every((s) => s === 'completed');
    });

    await Promise.all([1, 2, 3, 4].map((i) => tasks.enqueue(FailJob, { message: `alert me ${i}` })));
    await waitFor(() => alerts.evaluatedFailures >= 4);
    await waitFor(() => received.length >= 1);

    expect(received).toHaveLength(1);
    expect(received[0].path).toBe('/hooks/queue');
    expect(received[0].body).toMatchObject({
      queue: MONITOR_TEST_QUEUE,
      failed_reason: expect.stringContaining('alert me'),
      threshold: 0.2,
      window_minutes: 5,
    });
    expect(['job_failed', 'queue_failure_rate']).toContain(received[0].body.alert);
  });

  it('serves /metrics to a non-loopback caller only with the METRICS_TOKEN bearer', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    expect(external).toBeDefined();
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
    const { port } = server.address() as AddressInfo;
    const url = `http://${external!.address}:${port}/metrics`;
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(403);
    const wrong = await fetch(url, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(403);
    const allowed = await fetch(url, { headers: { authorization: 'Bearer metrics-token-for-tests' } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('rq_queue_jobs{');
  });
});
