/**
 * What a frontend does to upload a document and follow its processing, with the typed client (the README's example;
 * the monitoring panel's browser test runs it).
 */
import { createApiClient, unwrap, type ProcessingStatus, type Schemas } from './api-client.js';
import { followProcessing } from './processing-events.js';

export type UploadAccepted = Schemas['UploadAcceptedResponseDto'];

export async function uploadAndFollow(options: {
  baseUrl: string;
  accessToken: string;
  file: Blob;
  filename: string;
  onStatus: (status: ProcessingStatus) => void;
}): Promise<UploadAccepted> {
  const api = createApiClient({ baseUrl: options.baseUrl, accessToken: () => options.accessToken });
  const form = new FormData();
  form.append('file', options.file, options.filename);
  const accepted = unwrap(
    await api.POST('/api/v1/files', {
      // The schema describes the multipart fields; the browser encodes the FormData itself.
      body: { file: options.filename },
      bodySerializer: () => form,
    }),
  );
  if (!('job_id' in accepted)) throw new Error(`already uploaded as ${accepted.file_id} (duplicate content)`);
  // Resolves when the file is completed or failed; each status change arrives as it happens.
  await followProcessing(accepted.file_id, {
    baseUrl: options.baseUrl,
    accessToken: () => options.accessToken,
    onStatus: options.onStatus,
  });
  return accepted;
}
