import { error, redirect } from '@sveltejs/kit';

/** The shape of an error thrown by the API (a TRPCError), read without depending on tRPC. */
export interface ApiFailure {
  code: string;
  message: string;
  field?: string;
  cause?: unknown;
}

/** Whether something thrown came from the API. */
export function isApiFailure(e: unknown): e is ApiFailure {
  return e instanceof Error && e.name === 'TRPCError' && typeof (e as { code?: unknown }).code === 'string';
}

/**
 * Runs an API read for a page. What the user may not see (another tenant's record, a role that
 * does not reach it) becomes a plain 404, so the page never reveals that the record exists.
 */
export async function load404<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (e) {
    throw translate(e);
  }
}

/** Maps an API failure to the SvelteKit outcome a page shows. */
export function translate(e: unknown): unknown {
  if (!isApiFailure(e)) return e;
  switch (e.code) {
    case 'NOT_FOUND':
    case 'FORBIDDEN':
      return error(404, 'Not found');
    case 'UNAUTHORIZED':
      return redirect(303, '/login?expired=1');
    case 'BAD_REQUEST':
      return error(400, e.message);
    default:
      return e;
  }
}

interface Issue {
  path?: readonly unknown[];
  message: string;
}

function pathOf(path: readonly unknown[] | undefined): string {
  if (!path || path.length === 0) return 'form';
  const first = path[0];
  const key = first && typeof first === 'object' && 'key' in first ? (first as { key: unknown }).key : first;
  return String(key);
}

/**
 * The errors of a refused write, per form field (the first segment of the API's field path).
 * Anything without a field lands under `form`.
 */
export function fieldErrors(e: ApiFailure): Record<string, string> {
  const out: Record<string, string> = {};
  const issues = (e.cause as { issues?: Issue[] } | undefined)?.issues;
  if (Array.isArray(issues) && issues.length > 0) {
    for (const issue of issues) {
      const field = pathOf(issue.path);
      out[field] ??= issue.message;
    }
    return out;
  }
  if (e.field) {
    const field = e.field.split(/[.[]/)[0] ?? 'form';
    out[field] = e.message.startsWith(`${e.field}: `) ? e.message.slice(e.field.length + 2) : e.message;
    return out;
  }
  out.form = e.message;
  return out;
}
