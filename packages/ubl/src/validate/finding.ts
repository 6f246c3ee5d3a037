import type { UblDocument } from '../model.js';

/** How serious a finding is: `fatal` stops a Peppol access point from accepting the document. */
export type Severity = 'fatal' | 'warning';

/**
 * One rule that a document breaks: the EN 16931 / Peppol rule id (`BR-CO-10`,
 * `PEPPOL-EN16931-R003`, `NL-R-003`…), its severity, where (an XPath-like path) and why.
 */
export interface UblFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly element: string;
  readonly message: string;
}

/** A group of rules: reads the document, reports what is wrong. */
export type RuleSet = (doc: UblDocument) => UblFinding[];

/** Path helpers that follow the document kind (`/Invoice/…` or `/CreditNote/…`). */
export function paths(doc: UblDocument) {
  const root = `/${doc.kind}`;
  const lineName = doc.kind === 'Invoice' ? 'cac:InvoiceLine' : 'cac:CreditNoteLine';
  return {
    root,
    at: (rest: string) => `${root}/${rest}`,
    line: (index: number, rest?: string) => `${root}/${lineName}[${index + 1}]${rest ? `/${rest}` : ''}`,
    total: (name: string) => `${root}/cac:LegalMonetaryTotal/cbc:${name}`,
  };
}

/** Builds a finding. */
export function finding(rule: string, severity: Severity, element: string, message: string): UblFinding {
  return { rule, severity, element, message };
}
