import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Post, Req } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Public } from '../common/auth/auth.decorators.js';
import { ResponseMessage } from '../common/http/response-message.decorator.js';
import type { AuthenticatedRequest } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { ChangePasswordDto } from './dto/change-password.dto.js';
import { LoginDto } from './dto/login.dto.js';
import { RefreshDto } from './dto/refresh.dto.js';
import { RegisterDto } from './dto/register.dto.js';
import { TokenPairDto } from './dto/token-pair.dto.js';
import { UserDto } from './dto/user.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('register')
  @ResponseMessage('Registered')
  @ApiOperation({
    summary: 'Create an account',
    description:
      '400 invalid email or password under 8 characters, 409 EMAIL_TAKEN, 403 REGISTRATION_CLOSED when ' +
      'REGISTRATION=closed (admins create users), 429 RATE_LIMITED past REGISTER_MAX_PER_HOUR attempts from one ' +
      'address, 503 BUSY when too many passwords are being hashed (both with Retry-After).',
  })
  @ApiCreatedResponse({ type: UserDto })
  async register(@Body() body: RegisterDto, @Ip() ip: string): Promise<UserDto> {
    return UserDto.from(await this.auth.register(body.email, body.password, ip || 'unknown'));
  }

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ResponseMessage('Logged in')
  @ApiOperation({ summary: 'Access and refresh tokens (401 wrong credentials, 429 too many failures)' })
  @ApiOkResponse({ type: TokenPairDto })
  login(@Body() body: LoginDto, @Ip() ip: string): Promise<TokenPairDto> {
    return this.auth.login(body.email, body.password, ip || 'unknown');
  }

  @Public()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ResponseMessage('Tokens refreshed')
  @ApiOperation({ summary: 'Rotate: a new pair; the presented refresh token is revoked (reusing it revokes the login)' })
  @ApiBody({ type: RefreshDto })
  @ApiOkResponse({ type: TokenPairDto })
  refresh(@Body() body: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(body.refresh_token);
  }

  @Post('password')
  @HttpCode(HttpStatus.OK)
  @ResponseMessage('Password changed; your other sessions are signed out')
  @ApiOperation({
    summary: 'Change your password; revokes every other session of yours (this one stays)',
    description: '400 WRONG_PASSWORD when current_password is wrong (counted as a failed login: 429 past the limit).',
  })
  @ApiOkResponse({ description: 'data is null' })
  async changePassword(
    @Req() request: AuthenticatedRequest,
    @Body() body: ChangePasswordDto,
    @Ip() ip: string,
  ): Promise<null> {
    await this.auth.changePassword(request.tokenClaims, body.current_password, body.new_password, ip || 'unknown');
    return null;
  }

  @Post('logout')
  @HttpCode(HttpStatus.OK)
  @ResponseMessage('Logged out')
  @ApiOperation({ summary: 'Revoke the presented access token and every token of its login' })
  async logout(@Req() request: AuthenticatedRequest): Promise<null> {
    await this.auth.logout(request.accessToken, request.tokenClaims);
    return null;
  }

  @Get('me')
  @ApiOperation({ summary: 'The caller' })
  @ApiOkResponse({ type: UserDto })
  async me(@CurrentUser() caller: AuthUser): Promise<UserDto> {
    return UserDto.from(await this.auth.me(caller));
  }
}
