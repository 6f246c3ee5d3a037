import { FactError, type FactErrorCode } from '@fact/core';
import type { z } from 'zod';

/** `["invoices", 3, "dueDate"]` → `invoices[3].dueDate`. */
function pathText(root: string, path: readonly PropertyKey[]): string {
  let text = root;
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : `${text === '' ? '' : '.'}${String(part)}`;
  return text;
}

/**
 * Parses `value` with a zod schema and turns the first problem into a {@link FactError} whose
 * field is the path of the wrong input (`profile.concentration.capPercent`), so a person can find
 * it in the file.
 *
 * @example
 * ```ts
 * parseWith(profileSchema, json, 'profile', 'INVALID_POLICY');
 * ```
 */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, root: string, code: FactErrorCode): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = pathText(root, issue?.path ?? []);
  throw new FactError(code, `${field}: ${issue?.message ?? 'invalid'}`, field);
}
