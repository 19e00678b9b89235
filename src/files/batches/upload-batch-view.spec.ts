import type { ProcessingStatus, StageStatus } from '../file-core.types.js';
import type { UploadBatchRecord } from './upload-batch.types.js';
import { toUploadBatchView } from './upload-batch-view.js';

function status(fileId: string, overall: ProcessingStatus['status'], progress: number, storage: StageStatus): ProcessingStatus {
  const stage = (s: StageStatus) => ({ status: s, progress: s === 'completed' ? 100 : 0 });
  return {
    file_id: fileId,
    status: overall,
    progress,
    chunking: stage('completed'),
    vectorization: stage('completed'),
    storage: stage(storage),
    kg_extraction: stage('pending'),
    message: '',
  };
}

const batch: UploadBatchRecord = {
  batch_id: 'b1',
  owner_id: 'u1',
  created_at: '2026-11-29T10:00:00.000Z',
  files: [
    { filename: 'a.txt', file_id: 'f1', job_id: 'j1', status: 'queued' },
    { filename: 'b.txt', file_id: 'f2', job_id: 'j2', status: 'queued' },
    { filename: 'c.exe', error: { code: 'UNSUPPORTED_FILE_TYPE', message: 'no' } },
    { filename: 'd.txt', file_id: 'f4', job_id: 'j4', status: 'queued' },
  ],
};

describe('toUploadBatchView', () => {
  it('counts live statuses, refused parts and deleted files as failed, and averages progress', () => {
    const statuses = new Map([
      ['f1', status('f1', 'processing', 80, 'completed')],
      ['f2', status('f2', 'completed', 100, 'completed')],
      ['f4', null],
    ]);
    const view = toUploadBatchView(batch, statuses);
    expect(view).toMatchObject({
      batch_id: 'b1',
      total: 4,
      counts: { queued: 0, processing: 1, completed: 1, failed: 2 },
      searchable: 2,
      progress: 95,
      done: false,
    });
    expect(view.files[3]).toMatchObject({ filename: 'd.txt', status: 'failed', error: { code: 'FILE_NOT_FOUND' } });
  });

  it('is done once every part has ended', () => {
    const statuses = new Map([
      ['f1', status('f1', 'completed', 100, 'completed')],
      ['f2', status('f2', 'failed', 100, 'failed')],
      ['f4', status('f4', 'completed', 100, 'completed')],
    ]);
    expect(toUploadBatchView(batch, statuses)).toMatchObject({ done: true, searchable: 2, counts: { completed: 2, failed: 2 } });
  });
});
