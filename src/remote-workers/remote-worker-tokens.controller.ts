import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/auth.decorators.js';
import { ResponseMessage } from '../common/http/response-message.decorator.js';
import { CreateRemoteWorkerTokenDto } from './dto/create-remote-worker-token.dto.js';
import { IssuedRemoteWorkerTokenDto, RemoteWorkerTokenDto, RemoteWorkerTokenListDto } from './dto/remote-worker-token.dto.js';
import { RemoteWorkerTokensService } from './remote-worker-tokens.service.js';

@ApiTags('remote-workers')
@ApiBearerAuth('bearer')
@Roles('admin')
@Controller('remote-workers/tokens')
export class RemoteWorkerTokensController {
  constructor(private readonly tokens: RemoteWorkerTokensService) {}

  @Post()
  @ResponseMessage('Remote-worker token issued')
  @ApiOperation({ summary: 'Issue a remote-worker token for a pool, optionally bound to one user (admin); the token is shown only here' })
  @ApiCreatedResponse({ type: IssuedRemoteWorkerTokenDto })
  @ApiResponse({ status: 400, description: 'VALIDATION_ERROR, USER_NOT_FOUND' })
  issue(@Body() body: CreateRemoteWorkerTokenDto): Promise<IssuedRemoteWorkerTokenDto> {
    return this.tokens.issue(body.name, body.pool, body.user_id);
  }

  @Get()
  @ResponseMessage('Remote-worker tokens retrieved')
  @ApiOperation({ summary: 'Every remote-worker token, newest first, without the tokens themselves (admin)' })
  @ApiOkResponse({ type: RemoteWorkerTokenListDto })
  async list(): Promise<RemoteWorkerTokenListDto> {
    const tokens = await this.tokens.list();
    return { tokens, count: tokens.length };
  }

  @Delete(':token_id')
  @ResponseMessage('Remote-worker token revoked')
  @ApiOperation({ summary: 'Revoke a remote-worker token (admin): refused from now on, its leased jobs go back to their queues' })
  @ApiOkResponse({ type: RemoteWorkerTokenDto })
  @ApiResponse({ status: 404, description: 'REMOTE_WORKER_TOKEN_NOT_FOUND' })
  revoke(@Param('token_id') tokenId: string): Promise<RemoteWorkerTokenDto> {
    return this.tokens.revoke(tokenId);
  }
}
