import { describe, expect, it } from 'vitest';
import { WorkerConfigError, workerSchedule } from './config.js';

describe('workerSchedule (FACT_DELIVERY_RETRY_SECONDS)', () => {
  it('retries deliveries every minute by default', () => {
    expect(workerSchedule({})).toEqual({ deliveryRetryMs: 60_000 });
    expect(workerSchedule({ FACT_DELIVERY_RETRY_SECONDS: ' ' })).toEqual({ deliveryRetryMs: 60_000 });
  });
  it('takes whole seconds from 5 to 86400, or off', () => {
    expect(workerSchedule({ FACT_DELIVERY_RETRY_SECONDS: '300' })).toEqual({ deliveryRetryMs: 300_000 });
    expect(workerSchedule({ FACT_DELIVERY_RETRY_SECONDS: '5' })).toEqual({ deliveryRetryMs: 5_000 });
    expect(workerSchedule({ FACT_DELIVERY_RETRY_SECONDS: '86400' })).toEqual({ deliveryRetryMs: 86_400_000 });
    expect(workerSchedule({ FACT_DELIVERY_RETRY_SECONDS: 'OFF' })).toEqual({ deliveryRetryMs: null });
  });
  it.each(['4', '86401', '1.5', '-60', '1e3', 'every minute'])('refuses %j, naming the variable and what it takes', (value) => {
    const run = () => workerSchedule({ FACT_DELIVERY_RETRY_SECONDS: value });
    expect(run).toThrow(WorkerConfigError);
    expect(run).toThrow(`FACT_DELIVERY_RETRY_SECONDS: "${value}" is not a whole number of seconds from 5 to 86400, nor "off"`);
  });
});
