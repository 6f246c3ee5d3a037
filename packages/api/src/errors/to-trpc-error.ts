import { isFactError } from '@fact/core';
import { TRPCError } from '@trpc/server';
import { v7 as uuidv7 } from 'uuid';
import type { Logger } from '../logger.js';
import { trpcCodeForFactError } from './fact-error-map.js';

interface Issue {
  readonly path?: readonly PropertyKey[] | readonly { key: PropertyKey }[];
  readonly message: string;
  readonly code?: string;
  readonly params?: Record<string, unknown>;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly origin?: unknown;
}

function hasIssues(value: unknown): value is { issues: readonly Issue[] } {
  return !!value && typeof value === 'object' && 'issues' in value && Array.isArray(value.issues);
}

function pathText(path: Issue['path']): string {
  if (!path || path.length === 0) return 'input';
  return path
    .map((p) => (typeof p === 'object' && p !== null && 'key' in p ? p.key : p))
    .reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/**
 * Input validation issues as `field: message` lines, with the stable zod issue `code` and the
 * values a client needs to say it in another language (`params.code` of our own refinements,
 * `minimum`/`maximum`/`origin` of size limits).
 *
 * @example formatIssues([{ path: ['amount'], message: 'bad' }])
 */
export function formatIssues(issues: readonly Issue[]): { field: string; message: string; code: string | null; params: Record<string, unknown> }[] {
  return issues.map((issue) => {
    const params: Record<string, unknown> = { ...(issue.params ?? {}) };
    for (const k of ['minimum', 'maximum', 'origin'] as const) if (issue[k] !== undefined) params[k] = typeof issue[k] === 'bigint' ? String(issue[k]) : issue[k];
    return { field: pathText(issue.path), message: issue.message, code: issue.code ?? null, params };
  });
}

/**
 * Turns whatever a procedure threw into the error the caller sees:
 * - input validation failures: BAD_REQUEST listing every `field: problem`;
 * - `FactError`: its precise code (see trpcCodeForFactError), message kept, original as `cause`;
 * - our own TRPCErrors: unchanged;
 * - anything else: logged once with a fresh id; the caller gets only that id.
 *
 * @example
 * ```ts
 * toTRPCError(new FactError('INVALID_DATE', 'dueDate: bad', 'dueDate'), logger).code; // "BAD_REQUEST"
 * ```
 */
export function toTRPCError(error: unknown, logger: Logger, context: { path: string; type: string }): TRPCError {
  const cause = error instanceof TRPCError && error.code === 'INTERNAL_SERVER_ERROR' && error.cause ? error.cause : error;
  if (error instanceof TRPCError && error.code === 'BAD_REQUEST' && hasIssues(error.cause)) {
    const issues = formatIssues(error.cause.issues);
    const message = `Invalid input: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`;
    return Object.assign(new TRPCError({ code: 'BAD_REQUEST', message, cause: error.cause }), { field: issues[0]?.field });
  }
  if (isFactError(cause)) {
    return Object.assign(new TRPCError({ code: trpcCodeForFactError(cause), message: cause.message, cause }), {
      field: cause.field,
      factCode: cause.code,
    });
  }
  if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR') return error;
  if (error instanceof TRPCError && (error as { errorId?: string }).errorId) return error;
  const errorId = uuidv7();
  logger.error({ err: cause, errorId, path: context.path, type: context.type }, 'unexpected error in procedure');
  return Object.assign(
    new TRPCError({
      code: 'INTERNAL_SERVER_ERROR',
      message: `Something went wrong on our side. Please try again; if it keeps happening, give support this id: ${errorId}.`,
      cause,
    }),
    { errorId },
  );
}
