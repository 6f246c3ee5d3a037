import { Dec } from '@fact/core';

/** One entry of a generated camt.053 statement. */
export interface CamtEntry {
  /** Signed decimal: + credit (CRDT), − debit (DBIT). */
  readonly amount: string;
  readonly reversal?: boolean;
  /** The bank's reference (`AcctSvcrRef`). */
  readonly bankReference?: string;
  /** One transaction, or a batch of several (`TxDtls` each). */
  readonly details: readonly {
    readonly amount: string;
    readonly endToEndId?: string;
    readonly returnReason?: string;
    readonly name?: string;
    readonly iban?: string;
    /** A structured creditor reference (OGM or RF). */
    readonly reference?: string;
    readonly text?: string;
  }[];
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A camt.053.001.02 statement for tests, with booked balances that add up (so the parser
 * accepts it strictly), batches and reversals written as banks write them.
 *
 * @example
 * ```ts
 * camtFile({ account: 'NL77ABNA0574908765', date: '2014-01-03', id: 'S1', openingBalance: '0', entries: [{ amount: '664.05', details: [...] }] });
 * ```
 */
export function camtFile(spec: { account: string; date: string; id: string; openingBalance: string; entries: readonly CamtEntry[] }): string {
  let closing = new Dec(spec.openingBalance);
  const entries = spec.entries.map((e) => {
    const value = new Dec(e.amount);
    closing = closing.plus(value);
    const debit = value.isNegative();
    const party = (d: CamtEntry['details'][number]) =>
      debit
        ? `<Cdtr><Nm>${esc(d.name ?? 'Counterparty')}</Nm></Cdtr>${d.iban ? `<CdtrAcct><Id><IBAN>${d.iban}</IBAN></Id></CdtrAcct>` : ''}`
        : `<Dbtr><Nm>${esc(d.name ?? 'Counterparty')}</Nm></Dbtr>${d.iban ? `<DbtrAcct><Id><IBAN>${d.iban}</IBAN></Id></DbtrAcct>` : ''}`;
    const details = e.details
      .map(
        (d) => `<TxDtls>${d.endToEndId ? `<Refs><EndToEndId>${esc(d.endToEndId)}</EndToEndId></Refs>` : ''}<AmtDtls><TxAmt><Amt Ccy="EUR">${new Dec(d.amount).abs().toFixed(2)}</Amt></TxAmt></AmtDtls><RltdPties>${party(d)}</RltdPties>${
          d.reference || d.text
            ? `<RmtInf>${d.text ? `<Ustrd>${esc(d.text)}</Ustrd>` : ''}${d.reference ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${esc(d.reference)}</Ref></CdtrRefInf></Strd>` : ''}</RmtInf>`
            : ''
        }${d.returnReason ? `<RtrInf><Rsn><Cd>${d.returnReason}</Cd></Rsn></RtrInf>` : ''}</TxDtls>`,
      )
      .join('');
    const batch = e.details.length > 1 ? `<Btch><NbOfTxs>${e.details.length}</NbOfTxs></Btch>` : '';
    return `<Ntry><Amt Ccy="EUR">${value.abs().toFixed(2)}</Amt><CdtDbtInd>${debit ? 'DBIT' : 'CRDT'}</CdtDbtInd>${e.reversal ? '<RvslInd>true</RvslInd>' : ''}<Sts>BOOK</Sts><BookgDt><Dt>${spec.date}</Dt></BookgDt><ValDt><Dt>${spec.date}</Dt></ValDt>${e.bankReference ? `<AcctSvcrRef>${esc(e.bankReference)}</AcctSvcrRef>` : ''}<NtryDtls>${batch}${details}</NtryDtls></Ntry>`;
  });
  const balance = (code: string, amount: Dec) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount.abs().toFixed(2)}</Amt><CdtDbtInd>${amount.isNegative() ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>${spec.date}</Dt></Dt></Bal>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>${esc(spec.id)}</MsgId><CreDtTm>${spec.date}T08:00:00</CreDtTm></GrpHdr><Stmt><Id>${esc(spec.id)}</Id><CreDtTm>${spec.date}T08:00:00</CreDtTm><Acct><Id><IBAN>${spec.account}</IBAN></Id></Acct>${balance('OPBD', new Dec(spec.openingBalance))}${balance('CLBD', closing)}${entries.join('')}</Stmt></BkToCstmrStmt></Document>
`;
}
