import { FactError } from '@fact/core';

/** The company's own sender identity: every message and letter of its reminders uses this, never another company's. */
export interface SenderIdentity {
  /** The From address (e.g. `boekhouding@bakkerij-janssens.be`). */
  email: string;
  /** The display name; defaults to the company's legal name. */
  name?: string;
  replyTo?: string;
  /** Printed under the letter and the e-mail. */
  signature?: string;
  phone?: string;
  address?: { street: string; postalCode: string; city: string };
}

/**
 * How the runner treats one company. Stored under `runner` in `companies.dunning_policy` (beside
 * the `business` / `consumer` policies), because the schema has no column for it yet.
 */
export interface RunnerSettings {
  /** `auto`: send what the planner proposes; `approve`: queue it for an accountant. */
  mode: 'auto' | 'approve';
  /** The local time (company time zone) of the daily run, `HH:MM`. */
  sendAt: string;
  identity?: SenderIdentity;
  /** Where the accountant and the entrepreneur receive the weekly digest. */
  digestTo?: string[];
}

/** Queue for approval, at 08:00: the careful default. */
export const DEFAULT_RUNNER_SETTINGS: RunnerSettings = { mode: 'approve', sendAt: '08:00' };

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function bad(field: string, message: string): never {
  throw new FactError('INVALID_ARGUMENT', `${field}: ${message}`, field);
}

/**
 * Validates runner settings (from the stored JSON or a portal form). Missing → the defaults.
 *
 * @example
 * ```ts
 * parseRunnerSettings({ mode: 'auto', sendAt: '07:30', identity: { email: 'ar@acme.be' } });
 * ```
 */
export function parseRunnerSettings(value: unknown, field = 'runner'): RunnerSettings {
  if (value === undefined || value === null) return { ...DEFAULT_RUNNER_SETTINGS };
  if (typeof value !== 'object' || Array.isArray(value)) bad(field, 'must be an object');
  const v = value as Record<string, unknown>;
  const mode = v['mode'] ?? DEFAULT_RUNNER_SETTINGS.mode;
  if (mode !== 'auto' && mode !== 'approve') bad(`${field}.mode`, `must be "auto" or "approve", got ${JSON.stringify(mode)}`);
  const sendAt = v['sendAt'] ?? DEFAULT_RUNNER_SETTINGS.sendAt;
  if (typeof sendAt !== 'string' || !HHMM.test(sendAt)) bad(`${field}.sendAt`, `must be a local time HH:MM, got ${JSON.stringify(sendAt)}`);
  const out: RunnerSettings = { mode, sendAt };
  const id = v['identity'];
  if (id !== undefined && id !== null) {
    if (typeof id !== 'object') bad(`${field}.identity`, 'must be an object');
    const i = id as Record<string, unknown>;
    if (typeof i['email'] !== 'string' || !EMAIL.test(i['email'])) bad(`${field}.identity.email`, 'must be an e-mail address');
    if (i['replyTo'] !== undefined && (typeof i['replyTo'] !== 'string' || !EMAIL.test(i['replyTo']))) bad(`${field}.identity.replyTo`, 'must be an e-mail address');
    out.identity = { ...(i as unknown as SenderIdentity) };
  }
  const digest = v['digestTo'];
  if (digest !== undefined) {
    if (!Array.isArray(digest) || digest.some((d) => typeof d !== 'string' || !EMAIL.test(d))) bad(`${field}.digestTo`, 'must be a list of e-mail addresses');
    out.digestTo = digest as string[];
  }
  return out;
}
