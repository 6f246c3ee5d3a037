import { localDateTime, type RunnerSettings } from '@fact/dunning-runner';

/** A company as the scheduler sees it. */
export interface ScheduledCompany {
  id: string;
  timeZone: string;
  settings: Pick<RunnerSettings, 'sendAt'>;
}

/**
 * Which companies are due for their daily run at `now`: the local time (in the company's own
 * zone, so DST moves with it) has reached `sendAt`, and the last run was on an earlier local
 * date. Running twice is harmless (the outbox is idempotent); this only avoids needless work.
 *
 * @example
 * ```ts
 * dueCompanies([{ id: 'c1', timeZone: 'Europe/Brussels', settings: { sendAt: '08:00' } }], new Date('2025-03-31T06:00:00Z'), new Map());
 * // [{ id: 'c1', localDate: '2025-03-31' }]  (08:00 in Brussels, summer time)
 * ```
 */
export function dueCompanies(companies: readonly ScheduledCompany[], now: Date, lastRun: ReadonlyMap<string, string>): { id: string; localDate: string }[] {
  const due: { id: string; localDate: string }[] = [];
  for (const c of companies) {
    const local = localDateTime(now, c.timeZone);
    const last = lastRun.get(c.id);
    if (local.time >= c.settings.sendAt && (last === undefined || last < local.date)) due.push({ id: c.id, localDate: local.date });
  }
  return due;
}

/**
 * Whether the weekly digest goes out with this run: Mondays (local date).
 *
 * @example
 * ```ts
 * isDigestDay('2025-04-14'); // true
 * ```
 */
export function isDigestDay(localDate: string): boolean {
  return new Date(`${localDate}T12:00:00Z`).getUTCDay() === 1;
}
