import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../common/auth/auth.decorators.js';
import { ResponseMessage } from '../common/http/response-message.decorator.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { ListUsersQuery } from './dto/list-users.query.js';
import { RevocationJobDto } from './dto/revocation-job.dto.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import { UserPageDto } from './dto/user-page.dto.js';
import { UserDto } from './dto/user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('auth')
@Roles('admin')
@Controller('auth/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Users, newest first (admin)' })
  @ApiOkResponse({ type: UserPageDto })
  async list(@Query() query: ListUsersQuery): Promise<UserPageDto> {
    const { rows, total } = await this.users.list(query.page, query.page_size);
    return { users: rows.map(UserDto.from), total, page: query.page, page_size: query.page_size };
  }

  @Post()
  @ResponseMessage('User created')
  @ApiOperation({ summary: 'Create an account (admin), also when REGISTRATION=closed; 409 EMAIL_TAKEN' })
  @ApiCreatedResponse({ type: UserDto })
  async create(@Body() body: CreateUserDto): Promise<UserDto> {
    return UserDto.from(await this.users.create(body.email, body.password, body.role));
  }

  @Patch(':id')
  @ResponseMessage('User updated')
  @ApiOperation({ summary: 'Change role or disabled (admin); disabling or a role change revokes the sessions' })
  @ApiOkResponse({ type: UserDto })
  async update(
    @CurrentUser() caller: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserDto> {
    return UserDto.from(await this.users.update(caller, id, body));
  }

  @Post(':id/revoke-sessions')
  @HttpCode(HttpStatus.ACCEPTED)
  @ResponseMessage('Session revocation queued')
  @ApiOperation({ summary: 'Queue the token_revocation job that revokes every live token of the user (admin)' })
  @ApiAcceptedResponse({ type: RevocationJobDto })
  revokeSessions(@Param('id', new ParseUUIDPipe()) id: string): Promise<RevocationJobDto> {
    return this.users.requestSessionRevocation(id);
  }
}
