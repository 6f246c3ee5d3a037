/**
 * A value that arrives within `ms` is rendered in the first response (with or without
 * JavaScript); a slower one is handed to SvelteKit as a promise, which streams it into the page
 * once ready (`{#await}` shows a placeholder until then), so one slow figure never holds up the
 * page around it. The answer is boxed because an async function cannot return a bare promise.
 *
 * @example
 * ```ts
 * const trend = await withinOrStreamed(api.overview.trend(), 250);
 * return { trend: 'now' in trend ? trend.now : trend.later };
 * ```
 */
export async function withinOrStreamed<T>(value: Promise<T>, ms: number): Promise<{ now: T } | { later: Promise<T> }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = Symbol('late');
  const first = await Promise.race([value, new Promise<typeof late>((resolve) => (timer = setTimeout(() => resolve(late), ms)))]).finally(() => clearTimeout(timer));
  return first === late ? { later: value } : { now: first as T };
}
