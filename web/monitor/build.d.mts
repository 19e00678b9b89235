/** Builds the monitoring panel into `dir` (see build.mjs). */
export function buildPanel(dir: string): Promise<void>;
