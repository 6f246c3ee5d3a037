import { describe, expect, it } from 'vitest';
import { formatDate } from '../format.js';
import { translator } from '../i18n/messages.js';
import { problemText } from '../i18n/problem.js';
import { apiProblems, onField } from './api-problems.js';
import type { ApiFailure } from './errors.js';

// Refusals shaped as the API throws them in-process (packages/api/test/error-reasons.test.ts
// pins the shapes: zod issues with code and limits, params.code of our refinements, reason +
// reasonParams of domain rules, factCode of FactErrors).
const refusal = (props: Partial<ApiFailure> & Record<string, unknown>): ApiFailure => Object.assign(new Error(String(props.message ?? 'refused')), { name: 'TRPCError', code: 'BAD_REQUEST', message: 'refused', ...props }) as ApiFailure;
const zod = (...issues: Record<string, unknown>[]) => refusal({ message: 'Invalid input: …', cause: { issues } });
const speak = (lang: 'nl' | 'fr' | 'en', locale: 'nl-BE' | 'fr-BE' | 'en') => ({ t: translator(lang), date: (d: string) => formatDate(d, locale) });
const fr = speak('fr', 'fr-BE');
const nl = speak('nl', 'nl-BE');
const en = speak('en', 'en');

describe('API refusals in the user language', () => {
  it('says a too long text with the field named and the limit, from the zod code (not its English message)', () => {
    const [p] = apiProblems(zod({ code: 'too_big', origin: 'string', maximum: 200, path: ['reason'], message: 'Too big: expected string to have <=200 characters' }));
    expect(p).toMatchObject({ field: 'reason', key: 'api.zod.maxLength', params: { max: '200' } });
    expect(problemText(fr, p!)).toBe('Motif : 200 caractères au maximum.');
    expect(problemText(nl, p!)).toBe('Reden: hoogstens 200 tekens.');
    expect(problemText(en, p!)).toBe('Reason: at most 200 characters.');
  });

  it('uses our refinement codes for dates and amounts, one problem per field (the first wins)', () => {
    const problems = apiProblems(
      zod(
        { code: 'custom', path: ['amount'], message: 'must be more than 0.00, got "0"', params: { code: 'NOT_POSITIVE' } },
        { code: 'custom', path: ['amount'], message: 'second', params: { code: 'NEGATIVE' } },
        { code: 'custom', path: ['openedOn'], message: 'not a real date (expected YYYY-MM-DD)', params: { code: 'INVALID_DATE' } },
        { code: 'invalid_type', path: ['invoiceId'], message: 'Invalid input: expected string, received undefined' },
      ),
    );
    expect(problems.map((p) => problemText(fr, p))).toEqual([
      'Montant (€) : doit être supérieur à 0,00.',
      "Date : cette date n'existe pas (p. ex. 15/03/2025).",
      'Facture : ce champ est obligatoire.',
    ]);
  });

  it('says a domain rule from its reason, dates in the locale', () => {
    const [p] = apiProblems(refusal({ field: 'openedOn', message: 'openedOn: is before the invoice date 2025-02-01', reason: 'BEFORE_INVOICE_DATE', reasonParams: { date: '2025-02-01' } }));
    expect(problemText(fr, p!)).toBe('Date : est antérieure à la date de la facture (1 févr. 2025).');
    expect(problemText(nl, p!)).toBe('Datum: ligt vóór de factuurdatum (1 feb 2025).');
    const [conflict] = apiProblems(refusal({ code: 'CONFLICT', message: 'Invoice R-1 already has an open dispute; resolve it first.', reason: 'DISPUTE_ALREADY_OPEN', reasonParams: { number: 'R-1' } }));
    expect(problemText(fr, conflict!)).toBe('La facture R-1 a déjà une contestation ouverte ; clôturez-la d’abord.');
  });

  it('says a FactError from its code, and an unknown code generically with the field and the detail', () => {
    const [iban] = apiProblems(refusal({ field: 'iban', message: 'iban: BE00 0000 has wrong check digits', factCode: 'INVALID_IBAN' }));
    expect(problemText(en, iban!)).toBe('iban: this IBAN is not valid (check digits).');
    const [other] = apiProblems(refusal({ field: 'quantity', message: 'quantity: "x" is not a number', factCode: 'INVALID_QUANTITY' }));
    expect(problemText(nl, other!)).toBe('quantity: deze waarde wordt geweigerd ("x" is not a number).');
  });

  it('falls back on the tRPC code with what to do, keeping the API explanation as detail', () => {
    const [p] = apiProblems(refusal({ code: 'PRECONDITION_FAILED', message: 'This hold was already released.' }));
    expect(p).toMatchObject({ field: 'form', key: 'api.code.PRECONDITION_FAILED' });
    expect(problemText(fr, p!)).toBe("Ce n'est pas possible dans l'état actuel du dossier (This hold was already released.).");
    const [odd] = apiProblems(refusal({ code: 'SOMETHING_NEW', message: 'x' }));
    expect(odd?.key).toBe('api.code.INTERNAL_SERVER_ERROR');
  });

  it("moves a problem to the form's own name for the field, labelled with it", () => {
    const [p] = apiProblems(refusal({ field: 'dueOn', message: 'dueOn: is before the day of the promise (2025-03-15)', reason: 'BEFORE_START', reasonParams: { date: '2025-03-15' } }));
    expect(problemText(fr, onField(p!, 'promisedOn'))).toBe('Promet de payer le : est antérieure au 15 mars 2025.');
  });
});
