/**
 * The company's local date and time of an instant, in its IANA zone (DST-safe: the offset is the
 * zone's at that instant, never "now's").
 *
 * @example
 * ```ts
 * localDateTime(new Date('2025-03-30T06:30:00Z'), 'Europe/Brussels'); // { date: '2025-03-30', time: '08:30' }
 * ```
 */
export function localDateTime(instant: Date, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}
