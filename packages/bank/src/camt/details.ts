import type { Money } from '@fact/core';
import type { BankTransactionDetail, Counterparty, Direction, Remittance, StructuredReference } from '../model/types.js';
import { classifyReference } from '../references/referenceCheck.js';
import type { XmlValue } from './xml.js';
import { at, children, textAt, textOf } from './xml.js';

/** A party's name: `Nm` up to v7, `Pty/Nm` from v8. */
function partyName(party: XmlValue | undefined): string | undefined {
  return textAt(party, 'Nm') ?? textAt(party, 'Pty/Nm');
}

function accountId(account: XmlValue | undefined): string | undefined {
  const id = textAt(account, 'Id/IBAN') ?? textAt(account, 'Id/Othr/Id');
  return id?.replace(/\s/g, '').toUpperCase();
}

function agentBic(agent: XmlValue | undefined): string | undefined {
  return textAt(agent, 'FinInstnId/BIC') ?? textAt(agent, 'FinInstnId/BICFI');
}

/**
 * The other side of the movement: the debtor of a credit, the creditor of a debit. Some banks
 * fill only the other side (a returned direct debit names the creditor): then that one is used.
 * @internal
 */
export function counterpartyOf(tx: XmlValue | undefined, direction: Direction): Counterparty {
  const sides = direction === 'credit' ? (['Dbtr', 'Cdtr'] as const) : (['Cdtr', 'Dbtr'] as const);
  for (const side of sides) {
    const name = partyName(at(tx, `RltdPties/${side}`));
    const iban = accountId(at(tx, `RltdPties/${side}Acct`));
    const bic = agentBic(at(tx, `RltdAgts/${side}Agt`));
    if (name !== undefined || iban !== undefined) {
      return { ...(name ? { name } : {}), ...(iban ? { iban } : {}), ...(bic ? { bic } : {}) };
    }
  }
  return {};
}

/**
 * Structured references (`Strd/CdtrRefInf/Ref`, RF or OGM or other) and free text (`Ustrd`,
 * joined by spaces). Referred document numbers (`Strd/RfrdDocInf/Nb`, usually invoice numbers)
 * and `Strd/AddtlRmtInf` join the free text so that number matching can see them.
 * @internal
 */
export function remittanceOf(tx: XmlValue | undefined, fallbackText: string | undefined): Remittance {
  const rmt = at(tx, 'RmtInf');
  const refs: StructuredReference[] = [];
  const texts: string[] = [];
  for (const u of children(rmt, 'Ustrd')) {
    const t = textOf(u);
    if (t) texts.push(t);
  }
  for (const strd of children(rmt, 'Strd')) {
    for (const cri of children(strd, 'CdtrRefInf')) {
      const ref = textAt(cri, 'Ref');
      const classified = ref === undefined ? undefined : classifyReference(ref);
      if (classified) refs.push(classified);
    }
    for (const doc of children(strd, 'RfrdDocInf')) {
      const nb = textAt(doc, 'Nb');
      if (nb) texts.push(nb);
    }
    for (const extra of children(strd, 'AddtlRmtInf')) {
      const t = textOf(extra);
      if (t) texts.push(t);
    }
  }
  const unstructured = texts.length > 0 ? texts.join(' ') : refs.length === 0 ? fallbackText : undefined;
  const [first, ...more] = refs;
  return {
    ...(first ? { structured: first } : {}),
    ...(more.length > 0 ? { moreStructured: more } : {}),
    ...(unstructured ? { unstructured } : {}),
  };
}

/** `NOTPROVIDED` is the SEPA way of saying "no end-to-end id". @internal */
export function endToEndIdOf(tx: XmlValue | undefined): string | undefined {
  const id = textAt(tx, 'Refs/EndToEndId');
  return id === undefined || id.toUpperCase() === 'NOTPROVIDED' ? undefined : id;
}

/** `RtrInf/Rsn/Cd` (or `Prtry`): why a payment came back. @internal */
export function returnReasonOf(tx: XmlValue | undefined): string | undefined {
  return textAt(tx, 'RtrInf/Rsn/Cd') ?? textAt(tx, 'RtrInf/Rsn/Prtry');
}

/** One `TxDtls` as a batch detail, with its own signed amount when it has one. @internal */
export function detailOf(
  tx: XmlValue,
  direction: Direction,
  amount: Money | undefined,
): BankTransactionDetail {
  const endToEndId = endToEndIdOf(tx);
  const bankReference = textAt(tx, 'Refs/AcctSvcrRef');
  const returnReason = returnReasonOf(tx);
  return {
    ...(amount !== undefined ? { amount } : {}),
    ...(endToEndId ? { endToEndId } : {}),
    ...(bankReference ? { bankReference } : {}),
    ...(returnReason ? { returnReason } : {}),
    counterparty: counterpartyOf(tx, direction),
    remittance: remittanceOf(tx, textAt(tx, 'AddtlTxInf')),
  };
}
