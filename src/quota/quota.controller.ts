import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth/auth.decorators.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { ResponseMessage } from '../common/http/response-message.decorator.js';
import { QuotaDto } from './dto/quota.dto.js';
import { QuotaService } from './quota.service.js';

@ApiTags('quota')
@ApiBearerAuth('bearer')
@Controller('quota')
export class QuotaController {
  constructor(private readonly quota: QuotaService) {}

  @Get()
  @ResponseMessage('Quota retrieved')
  @ApiOperation({ summary: "The caller's limits and usage (usage rebuilt from the stored files and live jobs)" })
  @ApiOkResponse({ type: QuotaDto })
  get(@CurrentUser() user: AuthUser): Promise<QuotaDto> {
    return this.quota.report(user.id, user.role);
  }
}
