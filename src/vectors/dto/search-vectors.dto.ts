import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { SEARCH_MODES, type SearchMode } from '../vector-search.service.js';

export class SearchVectorsDto {
  @ApiProperty({ minLength: 1, maxLength: 2000, example: 'how are invoices approved?' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 2000)
  query: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  top_k: number = 5;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Only these files (still only yours)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  file_ids?: string[];

  @ApiPropertyOptional({
    enum: SEARCH_MODES,
    default: 'hybrid',
    description:
      'vector: nearest embeddings; text: full-text (words, CJK words and bigrams); ' +
      'hybrid: both lists merged by reciprocal rank fusion',
  })
  @IsOptional()
  @IsIn(SEARCH_MODES)
  mode: SearchMode = 'hybrid';
}
