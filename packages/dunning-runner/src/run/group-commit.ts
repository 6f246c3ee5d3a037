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
 * is queued and committed together, one transaction (one fsync on SQLite) for every change that
 * arrived within `windowMs` of the first (default 50 ms), or as soon as `maxGroup` are waiting.
 * The window is the price: a runner killed after a message left and before its group committed
 * leaves the key claimed, and the next runner proves (`.eml`, letter file) or re-sends it with the
 * same Message-ID; the window stays far below a second. If a group fails (one bad row), each
 * change is retried alone, so one failure never loses another's record.
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
  private wake: (() => void) | undefined;

  constructor(
    private readonly db: Executor,
    private readonly clock: () => Date,
    private readonly o: { windowMs?: number; maxGroup?: number } = {},
  ) {}

  /** Queues a change; resolves with the row after it (undefined when its guard no longer held) once committed. */
  submit(tr: Transition): Promise<OutboxEntry | undefined> {
    return new Promise((resolve, reject) => {
      this.pending.push({ tr, resolve, reject });
      if (this.pending.length >= (this.o.maxGroup ?? 64)) this.wake?.();
      this.kick();
    });
  }

  private kick(): void {
    if (this.flushing) return;
    this.flushing = (async () => {
      while (this.pending.length > 0) {
        if (this.pending.length < (this.o.maxGroup ?? 64)) {
          await new Promise<void>((res) => {
            const timer = setTimeout(res, this.o.windowMs ?? 50);
            this.wake = () => (clearTimeout(timer), res());
          });
          this.wake = undefined;
        }
        await this.flush(this.pending.splice(0));
      }
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
