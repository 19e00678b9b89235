import { useEffect, useRef, useState } from 'preact/hooks';
import { unwrap, type ProcessingStatus, type Schemas } from '../../../client/api-client';
import { followProcessing } from '../../../client/processing-events';
import { errorMessage } from '../format';
import type { Session } from '../session';
import { usePoll } from '../use-poll';

type FileRecord = Schemas['FileResponseDto'];
const STAGES = ['chunking', 'vectorization', 'storage', 'kg_extraction'] as const;
/** Files in flight followed at once (each is one SSE stream). */
const MAX_FOLLOWED = 50;
/** A file that ended stays on the list this long. */
const KEEP_ENDED_MS = 5 * 60_000;

interface Followed {
  file: FileRecord;
  status?: ProcessingStatus;
  error?: string;
  endedAt?: number;
}

/**
 * Every queued or processing file (admins see all users' files), each followed over its SSE stream; a file that
 * ends stays on the list with its final state for five minutes.
 */
export function FilesView({ session }: { session: Session }) {
  const inFlight = usePoll(async () => {
    const [queued, processing] = await Promise.all(
      (['queued', 'processing'] as const).map((status) =>
        session.api.GET('/api/v1/files', { params: { query: { status, limit: MAX_FOLLOWED } } }).then(unwrap),
      ),
    );
    return [...processing.files, ...queued.files];
  }, 'files-in-flight');
  const [followed, setFollowed] = useState<Record<string, Followed>>({});
  const streams = useRef(new Map<string, AbortController>());

  useEffect(() => {
    for (const file of inFlight.data ?? []) {
      if (streams.current.has(file.file_id) || streams.current.size >= MAX_FOLLOWED) continue;
      const controller = new AbortController();
      streams.current.set(file.file_id, controller);
      const update = (change: Partial<Followed>) =>
        setFollowed((all) => ({ ...all, [file.file_id]: { ...all[file.file_id], file, ...change } }));
      update({});
      followProcessing(file.file_id, {
        accessToken: () => session.accessToken(),
        signal: controller.signal,
        onStatus: (status) => update({ status }),
      })
        .catch((reason: unknown) => {
          if (!controller.signal.aborted) update({ error: errorMessage(reason) });
        })
        .finally(() => {
          streams.current.delete(file.file_id);
          if (!controller.signal.aborted) update({ endedAt: Date.now() });
        });
    }
    const now = Date.now();
    setFollowed((all) => {
      const kept = Object.entries(all).filter(([, f]) => !f.endedAt || now - f.endedAt < KEEP_ENDED_MS);
      return kept.length === Object.keys(all).length ? all : Object.fromEntries(kept);
    });
  }, [inFlight.data, session]);

  useEffect(() => {
    const open = streams.current;
    return () => open.forEach((controller) => controller.abort());
  }, []);

  const rows = Object.values(followed);
  return (
    <section aria-labelledby="files-title">
      <h1 id="files-title">Files in flight</h1>
      {inFlight.error && <p class="error" role="alert">{inFlight.error}</p>}
      {rows.length === 0 && <p>{inFlight.data ? 'No file is being processed.' : 'Loading…'}</p>}
      <ul class="files" data-testid="files">
        {rows.map(({ file, status, error }) => (
          <li data-file={file.file_id}>
            <div class="file-head">
              <strong>{file.filename}</strong>
              <span class={`badge status-${status?.status ?? file.status}`} data-testid="file-status">
                {status?.status ?? file.status}
              </span>
              <Progress label="overall" value={status?.progress ?? 0} testId="file-progress" />
            </div>
            <div class="stages">
              {STAGES.map((stage) => {
                const state = status?.[stage];
                return <Progress label={`${stage} (${state?.status ?? 'pending'})`} value={state?.progress ?? 0} />;
              })}
            </div>
            {status?.message && <p class="hint">{status.message}</p>}
            {error && <p class="error">{error}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Progress({ label, value, testId }: { label: string; value: number; testId?: string }) {
  return (
    <label class="progress">
      <span>{label}</span>
      <progress max={100} value={value} data-testid={testId} data-value={value} />
      <span class="num">{Math.round(value)} %</span>
    </label>
  );
}
