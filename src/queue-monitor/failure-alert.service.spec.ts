import { type AppConfig } from '../infra/config/app-config.js';
import { QueueName } from '../infra/queue/queue-names.js';
import { type AlertWebhookClient } from './alert-webhook.client.js';
import { FailureAlertService } from './failure-alert.service.js';
import { type MonitoredQueues } from './monitored-queues.js';
import { type QueueEventsHub } from './queue-events.hub.js';
import { type QueueMetricsService } from './queue-metrics.service.js';
import { type QueueMonitorRepository } from './queue-monitor.repository.js';

function service(counts: { finished: number; failed: number }, slotFree: boolean, webhookUrl?: string) {
  const posted: object[] = [];
  const config = { monitor: { alertFailureRate: 0.2, alertWebhookUrl: webhookUrl } } as unknown as AppConfig;
  const metrics = { counts: async () => counts } as unknown as QueueMetricsService;
  const recorded: unknown[] = [];
  const repository = {
    claimAlertSlot: async () => slotFree,
    recordAlert: async (alert: unknown) => void recorded.push(alert),
  } as unknown as QueueMonitorRepository;
  const webhook = { post: async (_url: string, payload: object) => (posted.push(payload), true) } as unknown as AlertWebhookClient;
  const queues = { exact: () => [] } as unknown as MonitoredQueues;
  const alerts = new FailureAlertService(config, {} as QueueEventsHub, queues, metrics, repository, webhook);
  return { alerts, posted, recorded };
}

const failure = { queue: QueueName.FileProcessing, shard: '0', jobId: '9', outcome: 'failed' as const, failedReason: 'boom' };

describe('FailureAlertService', () => {
  it('alerts on the failure rate when it passes the threshold over at least five jobs', async () => {
    const { alerts, posted, recorded } = service({ finished: 3, failed: 2 }, true, 'http://hook');
    const alert = await alerts.onFailure(failure);
    expect(alert).toMatchObject({ alert: 'queue_failure_rate', severity: 'critical', failure_rate: 0.4, threshold: 0.2 });
    expect(posted).toEqual([alert]);
    expect(recorded).toEqual([alert]);
  });

  it('alerts on a job failing for good when too few jobs ended for a rate', async () => {
    const { alerts } = service({ finished: 0, failed: 4 }, true);
    expect(await alerts.onFailure(failure)).toMatchObject({ alert: 'job_failed', severity: 'warning', job_id: '9' });
  });

  it('stays quiet (no log, no webhook) while the queue alerted within five minutes', async () => {
    const { alerts, posted, recorded } = service({ finished: 0, failed: 50 }, false, 'http://hook');
    expect(await alerts.onFailure(failure)).toBeUndefined();
    expect(posted).toEqual([]);
    expect(recorded).toEqual([]);
    expect(alerts.evaluatedFailures).toBe(1);
  });
});
