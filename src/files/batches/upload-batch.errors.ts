import { NotFoundError } from '../../common/errors/domain-error.js';

export class UploadBatchNotFoundError extends NotFoundError {
  constructor(batchId: string) {
    super(`Batch ${batchId}`, 'BATCH_NOT_FOUND');
  }
}
