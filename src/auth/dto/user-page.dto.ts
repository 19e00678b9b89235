import { ApiProperty } from '@nestjs/swagger';
import { UserDto } from './user.dto.js';

export class UserPageDto {
  @ApiProperty({ type: [UserDto] })
  users: UserDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  page_size: number;
}
