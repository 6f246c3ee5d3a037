import { FactError } from '@fact/core';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createContextInner } from '../context.js';
import type { Logger } from '../logger.js';
import { createCallerFactory, publicProcedure, router } from '../trpc.js';
import { trpcCodeForFactError } from './fact-error-map.js';

function recordingLogger() {
  const errors: { obj: Record<string, unknown>; msg?: string }[] = [];
  const logger: Logger = { info() {}, warn() {}, error: (obj, msg) => void errors.push({ obj: obj as Record<string, unknown>, ...(msg && { msg }) }) };
  return { logger, errors };
}

const testRouter = router({
  fact: publicProcedure.input(z.object({ code: z.string() })).query(({ input }) => {
    throw new FactError(input.code as never, `dueDate: "${input.code}" is wrong`, 'dueDate');
  }),
  boom: publicProcedure.query(() => {
    throw new Error('connection reset by peer (secret internals)');
  }),
  own: publicProcedure.query(() => {
    throw new TRPCError({ code: 'CONFLICT', message: 'Reload and try again.' });
  }),
  typed: publicProcedure.input(z.object({ amount: z.string().regex(/^\d+$/, 'digits only'), date: z.string() })).query(() => 'ok'),
});
const call = (logger: Logger) => createCallerFactory(testRouter)(createContextInner({ db: {} as never, user: null, clock: () => new Date(0), logger }));

describe('error mapping', () => {
  it.each([
    ['INVALID_DATE', 'BAD_REQUEST'],
    ['INVALID_IBAN', 'BAD_REQUEST'],
    ['RATE_TABLE_GAP', 'PRECONDITION_FAILED'],
    ['PAYLOAD_TOO_LONG', 'PAYLOAD_TOO_LARGE'],
    ['SOMETHING_NOT_FOUND', 'NOT_FOUND'],
    ['DUPLICATE_ID', 'CONFLICT'],
  ])('maps FactError %s to %s', (code, expected) => {
    expect(trpcCodeForFactError(new FactError(code as never, 'x', 'f'))).toBe(expected);
  });

  it('keeps the FactError message, field and code, with the original as cause', async () => {
    const { logger, errors } = recordingLogger();
    const error = await call(logger)
      .fact({ code: 'INVALID_DATE' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message: 'dueDate: "INVALID_DATE" is wrong', field: 'dueDate', factCode: 'INVALID_DATE' });
    expect((error as TRPCError).cause).toBeInstanceOf(FactError);
    expect(errors).toEqual([]);
  });

  it('logs an unknown error once with an id and gives the caller only that id', async () => {
    const { logger, errors } = recordingLogger();
    const error = (await call(logger)
      .boom()
      .catch((e: unknown) => e)) as TRPCError & { errorId: string };
    expect(error.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.message).not.toMatch(/connection reset/);
    expect(error.message).toContain(error.errorId);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.obj).toMatchObject({ errorId: error.errorId, path: 'boom' });
  });

  it('passes our own TRPCErrors through unchanged', async () => {
    const { logger } = recordingLogger();
    await expect(call(logger).own()).rejects.toMatchObject({ code: 'CONFLICT', message: 'Reload and try again.' });
  });

  it('lists every invalid input field in the message', async () => {
    const { logger } = recordingLogger();
    const error = (await call(logger)
      .typed({ amount: '1.5' } as never)
      .catch((e: unknown) => e)) as TRPCError & { field: string };
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/^Invalid input: amount: digits only; date: /);
    expect(error.field).toBe('amount');
  });
});
