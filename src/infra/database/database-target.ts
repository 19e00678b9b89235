/** Which PostgreSQL we use and how it was found; `stop` shuts down an embedded engine this process started. */
export interface DatabaseTarget {
  url: string;
  source: 'configured' | 'embedded' | 'embedded-shared';
  stop(): Promise<void>;
}
