import { isMessageKey, type MessageKey } from '../i18n/messages.js';
import type { ApiProblem } from '../i18n/problem.js';
import type { ApiFailure } from './errors.js';

interface Issue {
  path?: readonly unknown[];
  message: string;
  code?: string;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  params?: { code?: unknown };
}

/** Our own refinements (`params.code`) and the domain rules (`reason`) the catalogue can say. */
const VALUE_CODES = ['INVALID_DATE', 'INVALID_AMOUNT', 'CENT_FRACTION', 'AMOUNT_TOO_LARGE', 'NOT_POSITIVE', 'NEGATIVE'] as const;
const REASONS = ['BEFORE_INVOICE_DATE', 'BEFORE_START', 'DISPUTE_ALREADY_OPEN', 'NOTHING_OPEN', 'STALE_VERSION', 'VAT_PERIOD'] as const;
/** FactError codes with their own sentence; the others get the generic one. */
const FACT_CODES = ['INVALID_DATE', 'INVALID_AMOUNT', 'INVALID_IBAN', 'INVALID_BIC', 'INVALID_VAT_NUMBER', 'INVALID_ENTERPRISE_NUMBER', 'INVALID_REFERENCE', 'INVALID_VAT_RATE', 'RATE_TABLE_GAP'] as const;
const TRPC_CODES = ['BAD_REQUEST', 'CONFLICT', 'PRECONDITION_FAILED', 'PAYLOAD_TOO_LARGE', 'TOO_MANY_REQUESTS', 'INTERNAL_SERVER_ERROR'] as const;

const segment = (p: unknown): string => String(p && typeof p === 'object' && 'key' in p ? (p as { key: unknown }).key : p);

/** The form field of an API path: `lines[0].unitPrice` → `lines`, `['reason']` → `reason`. */
function fieldOf(path: readonly unknown[] | string | undefined): string {
  if (path === undefined || path.length === 0) return 'form';
  return typeof path === 'string' ? (path.split(/[.[]/)[0] ?? 'form') : segment(path[0]);
}

// API field names whose form label has another name.
const ALIASES: Record<string, string> = { invoiceId: 'invoice', invoiceIds: 'invoices' };

// Fields labelled outside the field.* keys.
const LABELS: Record<string, MessageKey> = { period: 'reports.period' };

function labelled(field: string): MessageKey | undefined {
  if (LABELS[field]) return LABELS[field];
  const key = `field.${ALIASES[field] ?? field}`;
  return isMessageKey(key) ? key : undefined;
}

function key(candidate: string, fallback: MessageKey): MessageKey {
  return isMessageKey(candidate) ? candidate : fallback;
}

function one(field: string, k: MessageKey, params: Record<string, string> = {}): ApiProblem {
  const fieldKey = labelled(field);
  return { field, key: k, params: { field, ...params }, ...(fieldKey ? { fieldKey } : {}) };
}

/** One zod issue in the catalogue's words, from its stable code and limits (never its English text). */
function fromIssue(issue: Issue): ApiProblem {
  const field = fieldOf(issue.path);
  const own = issue.params?.code;
  if (typeof own === 'string' && (VALUE_CODES as readonly string[]).includes(own)) return one(field, key(`api.value.${own}`, 'api.zod.invalid'));
  const size = issue.origin === 'string' ? 'Length' : issue.origin === 'array' || issue.origin === 'set' ? 'Count' : 'Value';
  switch (issue.code) {
    case 'too_small':
      return one(field, key(`api.zod.min${size}`, 'api.zod.invalid'), { min: String(issue.minimum) });
    case 'too_big':
      return one(field, key(`api.zod.max${size}`, 'api.zod.invalid'), { max: String(issue.maximum) });
    case 'invalid_type':
      return one(field, 'api.zod.required');
    case 'invalid_format':
    case 'invalid_string':
      return one(field, 'api.zod.format');
    case 'invalid_value':
    case 'invalid_enum_value':
      return one(field, 'api.zod.choice');
    default:
      return one(field, 'api.zod.invalid');
  }
}

/**
 * What the API refused, in catalogue keys, one problem per form field (the first one wins):
 * 1. input validation issues, from their zod code and limits (`too_big` of a string → "at most
 *    {max} characters") or our refinement's `params.code` (INVALID_DATE, NOT_POSITIVE…);
 * 2. a domain rule the API names (`reason`: BEFORE_INVOICE_DATE, DISPUTE_ALREADY_OPEN…);
 * 3. a `FactError` code (`factCode`: INVALID_IBAN…), generic for codes without a sentence;
 * 4. otherwise the tRPC code's sentence (what to do next), with the API's own explanation kept
 *    as `{detail}` so nothing useful is lost.
 *
 * @example
 * ```ts
 * apiProblems(e); // [{ field: 'reason', key: 'api.zod.maxLength', params: { field: 'reason', max: '200' }, fieldKey: 'field.reason' }]
 * ```
 */
export function apiProblems(e: ApiFailure): ApiProblem[] {
  const failure = e as ApiFailure & { reason?: unknown; reasonParams?: Record<string, unknown>; factCode?: unknown };
  const issues = (e.cause as { issues?: Issue[] } | undefined)?.issues;
  if (e.code === 'BAD_REQUEST' && Array.isArray(issues) && issues.length > 0) {
    const seen = new Set<string>();
    return issues.map(fromIssue).filter((p) => !seen.has(p.field) && seen.add(p.field));
  }
  const field = fieldOf(e.field);
  const detail = e.field && e.message.startsWith(`${e.field}: `) ? e.message.slice(e.field.length + 2) : e.message;
  if (typeof failure.reason === 'string' && (REASONS as readonly string[]).includes(failure.reason)) {
    const params = Object.fromEntries(Object.entries(failure.reasonParams ?? {}).map(([k, v]) => [k, String(v)]));
    return [one(field, key(`api.reason.${failure.reason}`, 'api.code.BAD_REQUEST'), params)];
  }
  if (typeof failure.factCode === 'string') {
    const specific = (FACT_CODES as readonly string[]).includes(failure.factCode) ? `api.fact.${failure.factCode}` : 'api.fact.other';
    return [one(field, key(specific, 'api.fact.other'), { detail })];
  }
  const code = (TRPC_CODES as readonly string[]).includes(e.code) ? e.code : 'INTERNAL_SERVER_ERROR';
  return [one(field, key(`api.code.${code}`, 'api.code.INTERNAL_SERVER_ERROR'), { detail })];
}

/**
 * The same problem shown next to another form field (the portal's name for what the API calls
 * differently), labelled with that field.
 *
 * @example
 * ```ts
 * onField(problem, 'promisedOn'); // the API's dueOn is the form's promisedOn
 * ```
 */
export function onField(p: ApiProblem, field: string): ApiProblem {
  const fieldKey = labelled(field);
  const { fieldKey: _old, ...rest } = p;
  return { ...rest, field, params: { ...p.params, field }, ...(fieldKey ? { fieldKey } : {}) };
}
