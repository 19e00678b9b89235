import { Module } from '@nestjs/common';
import { PanelAssets } from './panel-assets.js';
import { ThroughputController } from './throughput.controller.js';
import { ThroughputService } from './throughput.service.js';

/** The monitoring panel at /monitor (built from web/monitor) and the history route its charts read. */
@Module({
  controllers: [ThroughputController],
  providers: [ThroughputService, PanelAssets],
})
export class MonitorPanelModule {}
