import type { Executor } from '@fact/db';
import { applyTransitions, type Transition } from '../outbox/store.js';
import type { OutboxEntry } from '../outbox/state.js';

interface Waiting {
  tr: Transition;
  resolve: (e: OutboxEntry | undefined) => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit of outbox changes: what the sends in flight record (`sent`, `failed`, `dropped`…)
 * is queued, and one transaction at a time commits everything queued so far. A change never waits
 * for more than the commit in progress, so a delivery is recorded as soon as one commit (one
 * fsync on SQLite) allows, but ten sends finishing together cost one commit instead of ten. If a
 * group fails (one bad row), each change is retried alone, so one failure never loses another's
 * record.
 *
 * @example
 * ```ts
 * const commits = new GroupCommit(db, () => new Date());
 * await commits.submit(sentTransition(entry, asOf, record));
 * ```
 */
export class GroupCommit {
  private pending: Waiting[] = [];
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly db: Executor,
    private readonly clock: () => Date,
  ) {}

  /** Queues a change; resolves with the row after it (undefined when its guard no longer held) once committed. */
  submit(tr: Transition): Promise<OutboxEntry | undefined> {
    return new Promise((resolve, reject) => {
      this.pending.push({ tr, resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.flushing) return;
    this.flushing = (async () => {
      // Let the I/O that is already waiting (SMTP answers) queue its changes first: one commit for all.
      await new Promise((res) => setImmediate(res));
      while (this.pending.length > 0) await this.flush(this.pending.splice(0));
    })().finally(() => {
      this.flushing = undefined;
      if (this.pending.length > 0) this.kick();
    });
  }

  private async flush(group: Waiting[]): Promise<void> {
    try {
      const done = await this.db.transaction((tx) => applyTransitions(tx, group.map((g) => g.tr), this.clock()));
      group.forEach((g, i) => g.resolve(done[i]));
    } catch (e) {
      if (group.length === 1) return group[0]!.reject(e);
      for (const g of group) {
        try {
          const [done] = await this.db.transaction((tx) => applyTransitions(tx, [g.tr], this.clock()));
          g.resolve(done);
        } catch (err) {
          g.reject(err);
        }
      }
    }
  }
}
