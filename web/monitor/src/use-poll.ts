import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** The panel refreshes what it shows this often (the issue asks for at most 2 s behind). */
const LIVE_INTERVAL_MS = 2000;

export interface Polled<T> {
  data: T | undefined;
  error: string | undefined;
  reload: () => void;
}

/**
 * Calls `load` now and every `intervalMs` while the component is shown (and the tab visible); a new `key` reloads
 * at once. Only the latest answer is kept, so a slow request never overwrites a newer one.
 */
export function usePoll<T>(load: () => Promise<T>, key: string, intervalMs = LIVE_INTERVAL_MS): Polled<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const sequence = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(() => {
    const mine = ++sequence.current;
    loadRef.current().then(
      (value) => {
        if (mine !== sequence.current) return;
        setData(value);
        setError(undefined);
      },
      (reason: unknown) => {
        if (mine === sequence.current) setError(reason instanceof Error ? reason.message : String(reason));
      },
    );
  }, []);

  useEffect(() => {
    setData(undefined);
    reload();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, intervalMs);
    return () => {
      clearInterval(timer);
      sequence.current++;
    };
  }, [key, intervalMs, reload]);

  return { data, error, reload };
}
