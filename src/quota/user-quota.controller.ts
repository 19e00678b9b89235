import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/auth.decorators.js';
import { ResponseMessage } from '../common/http/response-message.decorator.js';
import { UsersService } from '../auth/users.service.js';
import { UpdateQuotaDto } from './dto/update-quota.dto.js';
import { UserQuotaDto } from './dto/quota.dto.js';
import { QuotaService } from './quota.service.js';

@ApiTags('auth')
@ApiBearerAuth('bearer')
@Roles('admin')
@Controller('auth/users')
export class UserQuotaController {
  constructor(
    private readonly quota: QuotaService,
    private readonly users: UsersService,
  ) {}

  @Get(':id/quota')
  @ResponseMessage('Quota retrieved')
  @ApiOperation({ summary: "A user's limits, the overrides behind them and usage (admin)" })
  @ApiOkResponse({ type: UserQuotaDto })
  @ApiResponse({ status: 404, description: 'USER_NOT_FOUND' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<UserQuotaDto> {
    return this.view(id);
  }

  @Put(':id/quota')
  @ResponseMessage('Quota updated')
  @ApiOperation({
    summary: "Set a user's limit overrides (admin): fields left out stay, null returns a field to the default",
  })
  @ApiOkResponse({ type: UserQuotaDto })
  @ApiResponse({ status: 404, description: 'USER_NOT_FOUND' })
  async update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateQuotaDto): Promise<UserQuotaDto> {
    await this.users.get(id);
    await this.quota.updateOverrides(id, body);
    return this.view(id);
  }

  private async view(id: string): Promise<UserQuotaDto> {
    const user = await this.users.get(id);
    const [report, overrides] = await Promise.all([this.quota.report(id, user.role), this.quota.overridesOf(id)]);
    return { user_id: id, ...report, overrides };
  }
}
