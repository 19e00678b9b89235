import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../infra/config/app-config.js';
import { AlertWebhookClient } from './alert-webhook.client.js';
import { failureRate } from './metrics-math.js';
import { MonitoredQueues } from './monitored-queues.js';
import { QueueAlert } from './queue-alert.js';
import { JobEndedEvent, QueueEventsHub } from './queue-events.hub.js';
import { QueueMetricsService } from './queue-metrics.service.js';
import { QueueMonitorRepository } from './queue-monitor.repository.js';

export const ALERT_WINDOW_MINUTES = 5;
/** The failure rate alone alerts only over at least this many ended jobs. */
export const ALERT_MIN_JOBS = 5;

/**
 * Watches jobs that fail for good: each one is alert-worthy, and when the queue's failure rate over the last five
 * minutes passes ALERT_FAILURE_RATE (over at least five jobs) the alert says so. At most one alert per queue per
 * five minutes, across API processes (a Redis key claims the slot): a structured log line, and a POST to
 * ALERT_WEBHOOK_URL when set.
 */
@Injectable()
export class FailureAlertService implements OnModuleInit {
  private readonly logger = new Logger('QueueAlerts');
  /** Failures looked at so far (observability, and lets tests know every failure was considered). */
  evaluatedFailures = 0;

  constructor(
    private readonly config: AppConfig,
    private readonly events: QueueEventsHub,
    private readonly queues: MonitoredQueues,
    private readonly metrics: QueueMetricsService,
    private readonly repository: QueueMonitorRepository,
    private readonly webhook: AlertWebhookClient,
  ) {}

  onModuleInit(): void {
    this.events.onJobEnded(async (event) => {
      if (event.outcome === 'failed') await this.onFailure(event);
    });
  }

  async onFailure(event: JobEndedEvent, now = Date.now()): Promise<QueueAlert | undefined> {
    try {
      // Claim first: during a burst of failures only the first one pays for reading the counts.
      if (!(await this.repository.claimAlertSlot(event.queue, ALERT_WINDOW_MINUTES * 60_000))) return undefined;
      const alert = await this.evaluate(event, now);
      this.logger.warn(alert);
      await this.repository.recordAlert(alert);
      const url = this.config.monitor.alertWebhookUrl;
      if (url) await this.webhook.post(url, alert);
      return alert;
    } finally {
      this.evaluatedFailures += 1;
    }
  }

  /** The latest alerts fired, newest first (kept a week, at most 100). */
  recent(limit: number): Promise<QueueAlert[]> {
    return this.repository.recentAlerts(limit);
  }

  private async evaluate(event: JobEndedEvent, now: number): Promise<QueueAlert> {
    const threshold = this.config.monitor.alertFailureRate;
    // The queue's rate on every shard: a failure on one shard is measured against the queue's whole traffic.
    const queues = this.queues.exact(event.queue).map((pool) => pool.bull);
    const { finished, failed } = await this.metrics.counts(queues, ALERT_WINDOW_MINUTES, now);
    const rate = failureRate(finished, failed);
    const rateExceeded = finished + failed >= ALERT_MIN_JOBS && rate !== null && rate > threshold;
    return {
      alert: rateExceeded ? 'queue_failure_rate' : 'job_failed',
      severity: rateExceeded ? 'critical' : 'warning',
      queue: event.queue,
      job_id: event.jobId,
      failed_reason: event.failedReason ?? null,
      failure_rate: rate,
      finished,
      failed,
      threshold,
      window_minutes: ALERT_WINDOW_MINUTES,
      at: new Date(now).toISOString(),
    };
  }
}
