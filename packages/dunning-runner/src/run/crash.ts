/**
 * Injected crash points for the crash tests: `FACT_DUNNING_CRASH_AT=after-send:3` kills the
 * process (SIGKILL, no clean-up) the third time the runner passes `after-send`. Unset: no-op.
 */
export type CrashPoint = 'after-plan' | 'after-claim' | 'before-send' | 'after-send' | 'after-mark';

const counts = new Map<string, number>();

/**
 * Dies here if the environment asks for it.
 *
 * @example
 * ```ts
 * crashPoint('after-send');
 * ```
 */
export function crashPoint(point: CrashPoint): void {
  const spec = process.env['FACT_DUNNING_CRASH_AT'];
  if (!spec) return;
  const [name, nth] = spec.split(':');
  if (name !== point) return;
  const n = (counts.get(point) ?? 0) + 1;
  counts.set(point, n);
  if (n >= Number(nth ?? '1')) process.kill(process.pid, 'SIGKILL');
}
