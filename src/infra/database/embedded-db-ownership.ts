import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createExclusiveFile } from './exclusive-file.js';

/** What the owner of a DATA_DIR's embedded database records there: who holds the folder, where it serves it. */
export interface EmbeddedDbOwner {
  pid: number;
  /** The owner process's start time (Linux /proc), so a recycled pid is not taken for the owner. */
  started?: string;
  /** Set once the owner serves the database on 127.0.0.1:port. */
  port?: number;
}

const OWNER_FILE = 'embedded-db.owner.json';
// A process that died while breaking a stale claim (a few milliseconds of work) leaves this behind.
const ABANDONED_BREAK_MS = 10_000;
const heldHere = new Set<string>();

/**
 * The exclusive claim on DATA_DIR's PGlite folder: a file created atomically (link fails if it exists) holding the
 * owner's pid, checked for liveness. PGlite's folder must never be opened by two processes, and a process must only
 * ever use the database of its own DATA_DIR, so both questions are answered here, not by probing a port.
 */
export class EmbeddedDbOwnership {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, OWNER_FILE);
  }

  /** Claims the folder; resolves undefined when this process is now the owner, else with the live owner's record. */
  async claim(): Promise<EmbeddedDbOwner | undefined> {
    for (;;) {
      if (await createExclusiveFile(this.file, ownRecord())) {
        heldHere.add(this.file);
        return undefined;
      }
      const owner = await this.read();
      if (owner && isAlive(owner, this.file)) return owner;
      if (owner) await this.breakStale(owner);
    }
  }

  /** Records where the owner serves the database, for the other processes of this DATA_DIR. */
  async publish(port: number): Promise<void> {
    const temporary = `${this.file}.${randomBytes(4).toString('hex')}`;
    await writeFile(temporary, ownRecord(port), { mode: 0o600 });
    await rename(temporary, this.file);
  }

  async release(): Promise<void> {
    if (!heldHere.delete(this.file)) return;
    const owner = await this.read();
    if (owner?.pid === process.pid) await unlink(this.file).catch(() => undefined);
  }

  /** undefined: no owner file (any more). A damaged file reads as a dead owner (pid 0), to be broken. */
  private async read(): Promise<EmbeddedDbOwner | undefined> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as EmbeddedDbOwner;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : { pid: 0 };
    }
  }

  /** Removes a dead owner's file, one breaker at a time, so two starters never both remove and recreate it. */
  private async breakStale(seen: EmbeddedDbOwner): Promise<void> {
    const breaker = `${this.file}.break`;
    if (!(await createExclusiveFile(breaker, String(process.pid)))) {
      const since = await stat(breaker).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (since > ABANDONED_BREAK_MS) await unlink(breaker).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return;
    }
    try {
      const current = await this.read();
      if (current && current.pid === seen.pid && current.started === seen.started) {
        await unlink(this.file).catch(() => undefined);
      }
    } finally {
      await unlink(breaker);
    }
  }
}

function ownRecord(port?: number): string {
  return JSON.stringify({ pid: process.pid, started: processStart(process.pid), port } satisfies EmbeddedDbOwner);
}

function isAlive(owner: EmbeddedDbOwner, file: string): boolean {
  // Our own pid in a file we do not hold: left by an earlier life of this pid (a restarted container).
  if (owner.pid === process.pid) return heldHere.has(file);
  if (!Number.isInteger(owner.pid) || owner.pid <= 0) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const started = processStart(owner.pid);
  return !(owner.started && started && started !== owner.started);
}

/** The process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat); undefined off Linux. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
