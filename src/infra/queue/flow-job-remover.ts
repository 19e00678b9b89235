import type { Job, Queue } from 'bullmq';

/**
 * Removes jobs that have not started, flows included, the way BullMQ's removal means to, despite our three-part job
 * ids (`file:{file_id}:graph`, see ARCHITECTURE). BullMQ's Lua finds a parent or a child by splitting its Redis key at
 * the last ':', which these ids defeat: removing a parent with its children leaves the children's ids in their queues'
 * waiting lists (phantom queued jobs whose data is gone), and removing a child never releases its parent (it would
 * wait forever). So children are removed one by one through their own queues, and a parent left without a pending
 * dependency is released by BullMQ's own release script, given the parent id BullMQ stored on the child.
 */
export class FlowJobRemover {
  constructor(
    private readonly prefix: string,
    /** The BullMQ queue of a name on the same Redis (a flow never leaves its shard). */
    private readonly queueNamed: (name: string) => Queue,
  ) {}

  /**
   * Removes `job` (queued, scheduled or deferred) with its dependencies that have not started. A running dependency
   * is left to finish on its own. Throws when `job` itself runs (BullMQ's lock refuses the removal).
   */
  async remove(job: Job): Promise<void> {
    await this.removeWithChildren(job);
    await this.releaseParentOf(job);
  }

  private async removeWithChildren(job: Job): Promise<void> {
    for (const child of await this.unprocessedChildren(job)) {
      await this.removeWithChildren(child).catch(() => undefined); // it runs: it finishes on its own, its parent gone
    }
    await job.remove({ removeChildren: false });
  }

  private async unprocessedChildren(job: Job): Promise<Job[]> {
    const { unprocessed = [] } = await job.getDependencies({ unprocessed: { count: 1000 } });
    const children = await Promise.all(unprocessed.map((key) => this.jobAt(key)));
    return children.filter((child): child is Job => child !== undefined);
  }

  /** A job key is `<prefix>:<queue>:<id>`; queue names hold no ':', ids may. */
  private async jobAt(key: string): Promise<Job | undefined> {
    if (!key.startsWith(`${this.prefix}:`)) return undefined;
    const rest = key.slice(this.prefix.length + 1);
    const at = rest.indexOf(':');
    if (at <= 0) return undefined;
    return (await this.queueNamed(rest.slice(0, at)).getJob(rest.slice(at + 1))) as Job | undefined;
  }

  private async releaseParentOf(job: Job): Promise<void> {
    const parent = job.parent;
    if (!parent) return;
    const backend = this.queueNamed(job.queueName).getBackend();
    const parentKey = `${parent.queueKey}:${parent.id}`;
    // A no-op unless the parent still waits on children and has none left.
    await backend.execCommand(await backend.client, 'releaseParentIfNoPendingDependencies', [
      parentKey,
      `${parentKey}:dependencies`,
      parent.queueKey,
      parent.id,
      Date.now(),
    ]);
  }
}
