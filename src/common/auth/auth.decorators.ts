import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { type AuthUser, type UserRole } from './auth-user.js';

export const IS_PUBLIC = 'is_public';
export const ROLES = 'roles';
/** OpenAPI extension on public operations; markGuardedOperations reads (and removes) it. */
export const PUBLIC_OPERATION_EXTENSION = 'x-public';

/** An open route: no bearer token needed. Every other route is guarded by default. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_OPERATION_EXTENSION, true));

/** Only callers with one of these roles (403 otherwise). */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES, roles);

/** The authenticated caller of a guarded route. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
