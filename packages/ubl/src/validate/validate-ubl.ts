import { inDocumentSyntax } from '../element-path.js';
import type { UblDocument } from '../model.js';
import type { UblFinding } from './finding.js';
import { codeListRules } from './rules-codes.js';
import { mandatoryRules } from './rules-mandatory.js';
import { nlRules } from './rules-nl.js';
import { totalsRules } from './rules-totals.js';
import { vatRules } from './rules-vat.js';

/** What {@link validateUbl} returns: all findings, and whether any of them is fatal. */
export interface UblValidation {
  readonly valid: boolean;
  readonly findings: readonly UblFinding[];
}

/**
 * Checks a document against the EN 16931 and Peppol BIS Billing 3.0 rules that matter for
 * getting paid: mandatory business terms (BR-01 … BR-16, BR-21 … BR-26, BR-CO-25, BR-61),
 * totals (BR-CO-10 … BR-CO-16, BR-DEC), VAT categories (BR-CO-17/18, BR-S/Z/E/AE basics), code
 * lists (BR-CL-01/04/05/16/17/18/25), Peppol identifiers and references (PEPPOL-EN16931-R001,
 * R003, R004, R010, R020, BR-62/63) and the Dutch rules NL-R-001/003/007.
 *
 * This is not the full schematron: it implements the rules listed here, no more. `valid` is
 * true when no finding is fatal. The rules are stated on the EN 16931 model, so they apply to a
 * document read from CII ({@link parseCii}) too; its findings name CII elements, and the
 * Peppol transport rules (`PEPPOL-…`) are not applied to it.
 *
 * @example
 * ```ts
 * const { valid, findings } = validateUbl(parseUbl(xml));
 * findings[0]; // { rule: 'PEPPOL-EN16931-R003', severity: 'fatal', element: '/Invoice/cbc:BuyerReference', message: '…' }
 * ```
 */
export function validateUbl(doc: UblDocument): UblValidation {
  const findings = [mandatoryRules, totalsRules, vatRules, codeListRules, nlRules]
    .flatMap((rules) => rules(doc))
    // Peppol BIS rules are about UBL sent over Peppol, not about a Factur-X or ZUGFeRD invoice.
    .filter((f) => doc.syntax !== 'cii' || !f.rule.startsWith('PEPPOL-'))
    // The rules speak UBL; a document read from CII hears about its own elements.
    .map((f) => (doc.syntax === 'cii' ? { ...f, element: inDocumentSyntax(doc, f.element) } : f));
  return { valid: findings.every((f) => f.severity !== 'fatal'), findings };
}
