import { describe, expect, it } from 'vitest';
import { withinOrStreamed } from './streamed.js';

const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('withinOrStreamed', () => {
  it('gives the value itself when it arrives in time', async () => {
    expect(await withinOrStreamed(after(5, 42), 200)).toEqual({ now: 42 });
  });
  it('gives the promise when it is late, and that promise still brings the value', async () => {
    const out = await withinOrStreamed(after(100, 'late'), 10);
    expect('later' in out && out.later).toBeInstanceOf(Promise);
    expect('later' in out && (await out.later)).toBe('late');
  });
  it('lets an early failure fail the load (the page shows its error)', async () => {
    await expect(withinOrStreamed(Promise.reject(new Error('boom')), 100)).rejects.toThrow('boom');
  });
});
