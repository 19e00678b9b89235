import { ApiProperty } from '@nestjs/swagger';
import type { UserRole } from '../../common/auth/auth-user.js';
import { UserRow } from '../auth.schema.js';

/** A user as the API shows it: never the password hash. */
export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty({ enum: ['user', 'admin'] })
  role: UserRole;

  @ApiProperty()
  disabled: boolean;

  @ApiProperty({ format: 'date-time' })
  created_at: string;

  @ApiProperty({ format: 'date-time' })
  updated_at: string;

  static from(row: UserRow): UserDto {
    return {
      id: row.id,
      email: row.email,
      role: row.role,
      disabled: row.disabled,
      created_at: row.createdAt.toISOString(),
      updated_at: row.updatedAt.toISOString(),
    };
  }
}
