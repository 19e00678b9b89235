import { ApiProperty } from '@nestjs/swagger';

export class RevocationJobDto {
  @ApiProperty()
  job_id: string;

  @ApiProperty({ example: 'queued' })
  status: string;
}
