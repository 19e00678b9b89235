import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class QueueParams {
  @ApiProperty({ example: 'file_processing' })
  @IsString()
  @MaxLength(100)
  queue_name!: string;
}

export class QueueJobParams extends QueueParams {
  @ApiProperty({ example: '42' })
  @IsString()
  @MaxLength(200)
  job_id!: string;
}

export class JobParams {
  @ApiProperty({ example: '42' })
  @IsString()
  @MaxLength(200)
  job_id!: string;
}
