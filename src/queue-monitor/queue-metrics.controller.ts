import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/auth.decorators.js';
import { ApiAdminErrors, ApiBadInput, ApiEnvelope } from './dto/api-envelope.decorator.js';
import { MetricsDto, QueueWindowMetricsDto } from './dto/metrics-responses.dto.js';
import { MetricsQuery } from './dto/metrics.query.js';
import { QueueWindowMetrics } from './queue-metrics.js';
import { QueueMetricsService } from './queue-metrics.service.js';

@ApiTags('queue monitor')
@ApiBearerAuth('bearer')
@ApiAdminErrors()
@ApiExtraModels(QueueWindowMetricsDto)
@Roles('admin')
@Controller('rq/metrics')
export class QueueMetricsController {
  constructor(private readonly metrics: QueueMetricsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Per queue over the window: finished and failed per minute, failure rate (BullMQ per-minute metrics), processing ' +
      'time p50/p95/max and wait time p50/p95 (timestamps of the latest ended jobs); every worker pool and queue shard ' +
      '(counts summed, timing samples merged), or the one shard `?shard=` names',
  })
  @ApiEnvelope(MetricsDto)
  @ApiBadInput()
  window(@Query() query: MetricsQuery): Promise<{ window_minutes: number; queues: Record<string, QueueWindowMetrics> }> {
    return this.metrics.window(query.window, { shard: query.shard });
  }
}
