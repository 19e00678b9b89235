import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../common/auth/auth.decorators.js';
import { QueueThroughputDto, ThroughputDto } from './dto/throughput.dto.js';
import { ThroughputQuery } from './dto/throughput.query.js';
import { ThroughputService } from './throughput.service.js';

/** The monitoring panel's history charts. Admins only. */
@ApiTags('monitoring panel')
@ApiBearerAuth('bearer')
@ApiExtraModels(QueueThroughputDto)
@ApiForbiddenResponse({ description: 'The caller is not an admin (FORBIDDEN)' })
@Roles('admin')
@Controller('monitor')
export class ThroughputController {
  constructor(private readonly throughput: ThroughputService) {}

  @Get('throughput')
  @ApiOperation({ summary: 'Per queue: jobs finished and failed per minute (or per bucket on long windows), oldest first' })
  @ApiOkResponse({ type: ThroughputDto })
  @ApiBadRequestResponse({ description: 'window outside 1..10080 (VALIDATION_ERROR)' })
  window(@Query() query: ThroughputQuery): Promise<ThroughputDto> {
    return this.throughput.window(query.window);
  }
}
