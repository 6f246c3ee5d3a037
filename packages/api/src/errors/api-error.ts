import { TRPCError } from '@trpc/server';

/**
 * A stable name for why a request was refused, with the values a translated sentence needs
 * (clients translate `reason` + `params`; `message` stays the English explanation).
 */
export interface Reason {
  code: string;
  params?: Record<string, string | number>;
}

function withReason(error: TRPCError, reason: Reason | undefined): TRPCError {
  return reason ? Object.assign(error, { reason: reason.code, reasonParams: reason.params ?? {} }) : error;
}

/**
 * Errors the API itself raises, with messages a person can act on. One helper per situation so
 * the wording stays the same everywhere (NOT_FOUND especially: the same words whether the record
 * does not exist or belongs to someone else).
 */
export const apiError = {
  /**
   * @example throw apiError.notFound('invoice', id)
   */
  notFound(kind: string, id: string): TRPCError {
    return withReason(new TRPCError({ code: 'NOT_FOUND', message: `No ${kind} with id ${id} was found.` }), { code: 'NOT_FOUND', params: { kind } });
  },
  /**
   * @example throw apiError.staleVersion('invoice', 3, 4)
   */
  staleVersion(kind: string, sent: number, current: number): TRPCError {
    const error = new TRPCError({
      code: 'CONFLICT',
      message: `This ${kind} was changed by someone else (you edited version ${sent}, it is now at version ${current}). Reload it, re-apply your change and save again.`,
    });
    return withReason(error, { code: 'STALE_VERSION', params: { kind, sent, current } });
  },
  /** @example throw apiError.conflict('An invoice with number 2025-001 already exists for this company.', { code: 'DUPLICATE_NUMBER', params: { number } }) */
  conflict(message: string, reason?: Reason): TRPCError {
    return withReason(new TRPCError({ code: 'CONFLICT', message }), reason);
  },
  /** @example throw apiError.precondition('A cancelled invoice cannot be changed.') */
  precondition(message: string, reason?: Reason): TRPCError {
    return withReason(new TRPCError({ code: 'PRECONDITION_FAILED', message }), reason);
  },
  /** @example throw apiError.badInput('amount', 'is larger than the open balance', { code: 'MORE_THAN_OPEN' }) */
  badInput(field: string, message: string, reason?: Reason): TRPCError {
    const error = new TRPCError({ code: 'BAD_REQUEST', message: `${field}: ${message}` });
    return withReason(Object.assign(error, { field }), reason);
  },
  /** @example throw apiError.forbidden('Only accountants can do this.') */
  forbidden(message: string): TRPCError {
    return new TRPCError({ code: 'FORBIDDEN', message });
  },
};

/** The field a `badInput` error names, if any. @example fieldOf(apiError.badInput('x', 'y')) // "x" */
export function fieldOf(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'field' in error && typeof error.field === 'string') return error.field;
  return undefined;
}
