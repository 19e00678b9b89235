import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { AlertWebhookClient } from './alert-webhook.client.js';
import { DashboardAuthenticator } from './dashboard-authenticator.js';
import { FailureAlertService } from './failure-alert.service.js';
import { MigrationsController } from './migrations/migrations.controller.js';
import { MigrationService } from './migrations/migration.service.js';
import { MonitoredQueues } from './monitored-queues.js';
import { PrometheusController } from './prometheus.controller.js';
import { PrometheusMetricsService } from './prometheus-metrics.service.js';
import { QueueActionsController } from './queue-actions.controller.js';
import { QueueActionsService } from './queue-actions.service.js';
import { QueueDashboard } from './queue-dashboard.js';
import { QueueEventsHub } from './queue-events.hub.js';
import { QueueJobsService } from './queue-jobs.service.js';
import { QueueMetricsController } from './queue-metrics.controller.js';
import { QueueMetricsService } from './queue-metrics.service.js';
import { QueueMonitorController } from './queue-monitor.controller.js';
import { QueueMonitorRepository } from './queue-monitor.repository.js';
import { QueueStatsService } from './queue-stats.service.js';
import { WorkerStatusService } from './worker-status.service.js';

/** The queue monitor: /rq routes, /metrics, alerts, the dashboard. No processor; uses TaskQueueService and the registry. */
@Module({
  imports: [AuthModule],
  controllers: [QueueMonitorController, QueueActionsController, MigrationsController, QueueMetricsController, PrometheusController],
  providers: [
    MonitoredQueues,
    MigrationService,
    QueueMonitorRepository,
    QueueStatsService,
    QueueJobsService,
    QueueActionsService,
    WorkerStatusService,
    QueueMetricsService,
    QueueEventsHub,
    PrometheusMetricsService,
    AlertWebhookClient,
    FailureAlertService,
    DashboardAuthenticator,
    QueueDashboard,
  ],
  exports: [MonitoredQueues, QueueStatsService, WorkerStatusService, QueueJobsService, QueueActionsService, FailureAlertService],
})
export class QueueMonitorModule {}
