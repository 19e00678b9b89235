import { Module } from '@nestjs/common';
import { QueueMonitorModule } from '../queue-monitor/queue-monitor.module.js';
import { AlertsController } from './alerts.controller.js';
import { PanelAssets } from './panel-assets.js';
import { ThroughputController } from './throughput.controller.js';
import { ThroughputService } from './throughput.service.js';

/** The monitoring panel at /monitor (built from web/monitor) and the history and alert routes it reads. */
@Module({
  imports: [QueueMonitorModule],
  controllers: [ThroughputController, AlertsController],
  providers: [ThroughputService, PanelAssets],
})
export class MonitorPanelModule {}
