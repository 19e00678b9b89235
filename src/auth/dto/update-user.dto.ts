import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import type { UserRole } from '../../common/auth/auth-user.js';

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ['user', 'admin'] })
  @IsOptional()
  @IsIn(['user', 'admin'])
  role?: UserRole;

  @ApiPropertyOptional({ description: 'Disabling also revokes every session of the user' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}
