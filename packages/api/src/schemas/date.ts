import { isFactError, parseDate } from '@fact/core';
import { z } from 'zod';

/**
 * A calendar date crossing the API: `YYYY-MM-DD`, a day that exists. Anything else (an ISO
 * instant, `15/03/2025`, `2025-02-29`) is refused with a message naming the expected form.
 *
 * @example
 * ```ts
 * calendarDateInput.parse('2025-03-15'); // "2025-03-15"
 * ```
 */
export const calendarDateInput = z
  .string()
  .superRefine((value, ctx) => {
    try {
      parseDate(value, 'date');
    } catch (error) {
      const detail = isFactError(error) ? error.message.replace(/^date: /, '') : 'invalid date';
      ctx.addIssue({ code: 'custom', message: `${detail} (expected YYYY-MM-DD, e.g. "2025-03-15")`, params: { code: 'INVALID_DATE' } });
    }
  })
  .meta({ description: 'Calendar date, YYYY-MM-DD', example: '2025-03-15' });

/** A date in a response. @example calendarDateOutput.parse('2025-03-15') */
export const calendarDateOutput = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ example: '2025-03-15' });
