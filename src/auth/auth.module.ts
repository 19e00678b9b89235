import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../infra/config/app-config.js';
import { AdminBootstrap } from './admin-bootstrap.service.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthProcessor } from './auth.processor.js';
import { AuthService } from './auth.service.js';
import { resolveJwtSecret } from './jwt-secret.js';
import { createJwtService } from './jwt-service.factory.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { PasswordHasher } from './password-hasher.js';
import { RegistrationRateLimiter } from './registration-rate-limiter.js';
import { SessionsService } from './sessions.service.js';
import { TokenBlacklistService } from './token-blacklist.service.js';
import { TokenService } from './token.service.js';
import { TokensRepository } from './tokens.repository.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

/** Users, JWTs, the blacklist, the global guard, and the `token_revocation` processor. */
@Module({
  controllers: [AuthController, UsersController],
  providers: [
    {
      provide: JwtService,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => createJwtService(await resolveJwtSecret(config), config.auth),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
    AdminBootstrap,
    AuthProcessor,
    AuthService,
    LoginRateLimiter,
    PasswordHasher,
    RegistrationRateLimiter,
    SessionsService,
    TokenBlacklistService,
    TokenService,
    TokensRepository,
    UsersRepository,
    UsersService,
  ],
  exports: [AuthService, TokenService, TokenBlacklistService, SessionsService, UsersService],
})
export class AuthModule {}
