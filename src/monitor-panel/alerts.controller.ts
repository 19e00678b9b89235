import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/auth.decorators.js';
import { FailureAlertService } from '../queue-monitor/failure-alert.service.js';
import { AlertListDto, AlertsQuery } from './dto/alerts.dto.js';

/** The alerts the queue monitor fired, for the panel's overview. Admins only. */
@ApiTags('monitoring panel')
@ApiBearerAuth('bearer')
@ApiForbiddenResponse({ description: 'The caller is not an admin (FORBIDDEN)' })
@Roles('admin')
@Controller('monitor')
export class AlertsController {
  constructor(private readonly alerts: FailureAlertService) {}

  @Get('alerts')
  @ApiOperation({ summary: 'The latest alerts fired (failed jobs, failure rate over ALERT_FAILURE_RATE), newest first' })
  @ApiOkResponse({ type: AlertListDto })
  async list(@Query() query: AlertsQuery): Promise<AlertListDto> {
    const alerts = await this.alerts.recent(query.limit);
    return { alerts, count: alerts.length };
  }
}
