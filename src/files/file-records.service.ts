import { Injectable } from '@nestjs/common';
import { AuthUser } from '../common/auth/auth-user.js';
import { FileNotFoundError } from './file-core.errors.js';
import { FileRecord } from './file-core.types.js';
import { FilesRepository } from './files.repository.js';

/** Reading file records for other features (and the files module itself), with the owner rule applied. */
@Injectable()
export class FileRecordsService {
  constructor(private readonly files: FilesRepository) {}

  /** 404 FILE_NOT_FOUND for a missing file or another user's file (no hint that it exists); admins see all. */
  async getOwnedFile(fileId: string, user: AuthUser): Promise<FileRecord> {
    const file = isUuid(fileId) ? await this.files.findById(fileId) : undefined;
    if (!file || (file.owner_id !== user.id && user.role !== 'admin')) throw new FileNotFoundError(fileId);
    return file;
  }

  async getFile(fileId: string): Promise<FileRecord | undefined> {
    return isUuid(fileId) ? this.files.findById(fileId) : undefined;
  }

  /** What the owner stores (files, bytes), for the quota ledger; `excludedIds` are uploads it still counts apart. */
  async storageUsage(ownerId: string, excludedIds: string[]): Promise<{ files: number; bytes: number }> {
    return this.files.usageOf(ownerId, excludedIds.filter(isUuid));
  }

  async filenames(fileIds: string[]): Promise<Map<string, string>> {
    const rows = await this.files.filenames([...new Set(fileIds)].filter(isUuid));
    return new Map(rows.map((row) => [row.id, row.filename]));
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
