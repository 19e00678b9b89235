import { Controller, Get, HttpStatus, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Redis } from 'ioredis';
import { Public } from '../common/auth/auth.decorators.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RawResponse } from '../common/http/response-message.decorator.js';
import { AppConfig } from '../infra/config/app-config.js';
import { metricsAccessAllowed } from './metrics-access.js';
import { PrometheusMetricsService } from './prometheus-metrics.service.js';
import { assertRedisAvailable } from './redis-availability.js';

class MetricsForbiddenError extends DomainError {
  constructor() {
    super('FORBIDDEN', 'Metrics are served to loopback callers or with the METRICS_TOKEN bearer token', HttpStatus.FORBIDDEN);
  }
}

/** Prometheus scrape endpoint at /metrics (outside the /api/v1 prefix). No JWT: loopback or METRICS_TOKEN. */
@ApiTags('queue monitor')
@ApiBearerAuth('bearer')
@Public()
@Controller('metrics')
export class PrometheusController {
  constructor(
    private readonly prometheus: PrometheusMetricsService,
    private readonly config: AppConfig,
    private readonly redis: Redis,
  ) {}

  @Get()
  @RawResponse()
  @ApiOperation({
    summary:
      'Prometheus text: rq_queue_jobs{queue,status}, rq_jobs_processed_total, rq_jobs_failed_total, ' +
      'rq_job_duration_seconds, rq_job_wait_seconds, rq_workers{state}. Open from loopback, else Bearer METRICS_TOKEN.',
  })
  @ApiOkResponse({
    description: 'Prometheus exposition format',
    content: { 'text/plain': { example: 'rq_queue_jobs{queue="file_processing",status="queued"} 3\n' } },
  })
  @ApiForbiddenResponse({ description: 'Not loopback and no valid METRICS_TOKEN' })
  @ApiServiceUnavailableResponse({ description: 'Redis is down' })
  async scrape(@Req() request: Request, @Res() response: Response): Promise<void> {
    const allowed = metricsAccessAllowed(
      request.socket.remoteAddress,
      request.headers.authorization,
      this.config.monitor.metricsToken,
    );
    if (!allowed) throw new MetricsForbiddenError();
    assertRedisAvailable(this.redis);
    const { contentType, body } = await this.prometheus.render();
    response.status(200).type(contentType).send(body);
  }
}
