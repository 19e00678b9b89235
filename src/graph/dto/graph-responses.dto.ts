import { ApiProperty } from '@nestjs/swagger';
import { ENTITY_TYPES } from '../graph.types.js';

export class GraphJobDto {
  @ApiProperty({ example: '2b0c…:graph' }) job_id: string;
  @ApiProperty({ example: 'queued' }) status: string;
}

export class GraphNodeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Marie Curie' }) name: string;
  @ApiProperty({ enum: ENTITY_TYPES }) type: string;
  @ApiProperty({ description: 'Mentions (in the file, for a file graph; overall, elsewhere)' }) mention_count: number;
}

export class GraphEdgeDto {
  @ApiProperty({ format: 'uuid' }) source: string;
  @ApiProperty({ format: 'uuid' }) target: string;
  @ApiProperty({ example: 'co_occurs_with', description: 'co_occurs_with, or the lemma of a verb ("found")' })
  relation: string;
  @ApiProperty({ description: 'How often the relation was seen' }) weight: number;
}

export class FileGraphDto {
  @ApiProperty({ format: 'uuid' }) file_id: string;
  @ApiProperty({ type: [GraphNodeDto] }) nodes: GraphNodeDto[];
  @ApiProperty({ type: [GraphEdgeDto] }) edges: GraphEdgeDto[];
}

export class EntityListDto {
  @ApiProperty({ type: [GraphNodeDto] }) entities: GraphNodeDto[];
  @ApiProperty() count: number;
}

export class EntityDto extends GraphNodeDto {
  @ApiProperty({ type: String, nullable: true }) description: string | null;
}

export class NeighborDto extends GraphNodeDto {
  @ApiProperty({ minimum: 1, maximum: 3, description: 'Relations between it and the entity' }) depth: number;
}

export class NeighborhoodDto {
  @ApiProperty({ type: EntityDto }) entity: EntityDto;
  @ApiProperty({ minimum: 1, maximum: 3 }) depth: number;
  @ApiProperty({ type: [NeighborDto] }) nodes: NeighborDto[];
  @ApiProperty({ type: [GraphEdgeDto], description: 'Relations among the entity and its neighbors, summed over files' })
  edges: GraphEdgeDto[];
}
