import { TRPCError } from '@trpc/server';

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
    return new TRPCError({ code: 'NOT_FOUND', message: `No ${kind} with id ${id} was found.` });
  },
  /**
   * @example throw apiError.staleVersion('invoice', 3, 4)
   */
  staleVersion(kind: string, sent: number, current: number): TRPCError {
    return new TRPCError({
      code: 'CONFLICT',
      message: `This ${kind} was changed by someone else (you edited version ${sent}, it is now at version ${current}). Reload it, re-apply your change and save again.`,
    });
  },
  /** @example throw apiError.conflict('An invoice with number 2025-001 already exists for this company.') */
  conflict(message: string): TRPCError {
    return new TRPCError({ code: 'CONFLICT', message });
  },
  /** @example throw apiError.precondition('A cancelled invoice cannot be changed.') */
  precondition(message: string): TRPCError {
    return new TRPCError({ code: 'PRECONDITION_FAILED', message });
  },
  /** @example throw apiError.badInput('amount', 'is larger than the open balance') */
  badInput(field: string, message: string): TRPCError {
    const error = new TRPCError({ code: 'BAD_REQUEST', message: `${field}: ${message}` });
    return Object.assign(error, { field });
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
