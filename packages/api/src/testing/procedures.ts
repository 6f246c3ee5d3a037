// The router's procedures as the tenant-isolation tests see them: found by introspecting
// appRouter, with the places in each zod input where a tenant-scoped id sits.
import { SCOPED_KEYS } from '../authz/scoped-keys.js';
import { appRouter } from '../root.js';
import type { ProcedureMeta } from '../meta.js';

/** A procedure and where scoped ids sit in its input. */
export interface ProcedureInfo {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  meta: ProcedureMeta | undefined;
  /** Where scoped keys sit in the input: e.g. ['invoiceId'] or ['allocations', '[]', 'invoiceId']. */
  scopedPaths: string[][];
}

type ZodLike = { _zod: { def: Record<string, unknown> & { type: string } } };

function scopedPathsOf(schema: unknown, prefix: string[] = [], depth = 0): string[][] {
  if (!schema || typeof schema !== 'object' || !('_zod' in schema) || depth > 8) return [];
  const def = (schema as ZodLike)._zod.def;
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([key, child]) =>
        (SCOPED_KEYS as readonly string[]).includes(key) ? [[...prefix, key]] : scopedPathsOf(child, [...prefix, key], depth + 1),
      );
    case 'array':
      return scopedPathsOf(def.element, [...prefix, '[]'], depth + 1);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return scopedPathsOf(def.innerType, prefix, depth + 1);
    case 'pipe':
      return scopedPathsOf(def.in, prefix, depth + 1);
    default:
      return [];
  }
}

/**
 * Every procedure of the router.
 *
 * @example
 * ```ts
 * listProcedures().filter((p) => p.scopedPaths.length > 0);
 * ```
 */
export function listProcedures(): ProcedureInfo[] {
  const procedures = (appRouter._def as unknown as { procedures: Record<string, { _def: { type: ProcedureInfo['type']; meta?: ProcedureMeta; inputs: unknown[] } }> }).procedures;
  return Object.entries(procedures).map(([path, p]) => ({
    path,
    type: p._def.type,
    meta: p._def.meta,
    scopedPaths: p._def.inputs.flatMap((input) => scopedPathsOf(input)),
  }));
}

/** An input with only `value` at `path` (arrays get one element). @example inputAt(['allocations', '[]', 'invoiceId'], id) */
export function inputAt(path: string[], value: string): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (head === '[]') return [inputAt(rest, value)];
  return { [head]: inputAt(rest, value) };
}

