import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { JobPriorityDto } from '../../jobs/dto/job-priority.dto.js';

export class RegenerateGraphDto extends JobPriorityDto {
  @ApiPropertyOptional({
    default: false,
    description: 'Parse and chunk the file again first, and regenerate its vectors, so chunks, vectors and graph agree',
  })
  @IsOptional()
  @IsBoolean()
  force_rechunk?: boolean;
}
