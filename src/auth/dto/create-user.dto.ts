import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { UserRole } from '../../common/auth/auth-user.js';
import { RegisterDto } from './register.dto.js';

/** An account an admin creates (the only way in when REGISTRATION=closed). */
export class CreateUserDto extends RegisterDto {
  @ApiPropertyOptional({ enum: ['user', 'admin'], default: 'user' })
  @IsOptional()
  @IsIn(['user', 'admin'])
  role?: UserRole;
}
