import { parseDate } from '@fact/core';

/** Whether a typed value is a calendar date that exists (YYYY-MM-DD; 2025-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  try {
    parseDate(value, 'date');
    return true;
  } catch {
    return false;
  }
}
