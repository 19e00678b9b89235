import { ApiProperty } from '@nestjs/swagger';

/** A remote-worker token as listed: never the token itself. */
export class RemoteWorkerTokenDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() pool!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) user_id!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) last_used_at!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revoked_at!: string | null;
}

/** A token just issued: the only time the token is shown. */
export class IssuedRemoteWorkerTokenDto extends RemoteWorkerTokenDto {
  @ApiProperty({ example: 'rw_…', description: 'Shown once; only its sha256 is stored' }) token!: string;
}

export class RemoteWorkerTokenListDto {
  @ApiProperty({ type: [RemoteWorkerTokenDto] }) tokens!: RemoteWorkerTokenDto[];
  @ApiProperty() count!: number;
}
