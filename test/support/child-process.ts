import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { BUILD_DIR, PROJECT_ROOT } from './compiled-src.js';

export interface Child {
  process: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

/** Starts `node .test-build/<entry>` with env; collects stdout+stderr. Call compileForProcesses() first. */
export function startNode(entry: string, env: Record<string, string>, buildDir = BUILD_DIR): Child {
  const child = spawn(process.execPath, [join(buildDir, entry)], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return {
    process: child,
    output: () => output,
    exited,
    waitForOutput: (pattern, timeoutMs = 30_000) =>
      new Promise<void>((resolve, reject) => {
        const deadline = setTimeout(() => {
          clearInterval(poll);
          reject(new Error(`no ${pattern} in output within ${timeoutMs} ms:\n${output}`));
        }, timeoutMs);
        const poll = setInterval(() => {
          if (pattern.test(output)) {
            clearTimeout(deadline);
            clearInterval(poll);
            resolve();
          } else if (child.exitCode !== null || child.signalCode !== null) {
            clearTimeout(deadline);
            clearInterval(poll);
            reject(new Error(`process exited (${child.exitCode ?? child.signalCode}) before ${pattern}:\n${output}`));
          }
        }, 25);
      }),
  };
}
