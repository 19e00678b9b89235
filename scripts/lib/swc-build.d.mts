export function buildWithSwc(options: { root: string; folders: string[]; outDir: string }): Promise<void>;
