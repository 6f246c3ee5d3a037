// The audit log: who changed what, when, with the record before and after. Append-only: the
// migrations add triggers that refuse UPDATE and DELETE on this table, in both dialects.
// This file is identical in ../sqlite and ../pg; only ./columns.ts differs.
import { id, index, instant, int, json, table, text, uniqueIndex } from './columns.js';
import { companies, firms, users } from './tenancy.js';

/** One audited change. `company_id` is null for firm-level or account-level events. */
export const auditLog = table(
  'audit_log',
  {
    id: id('id').primaryKey(),
    firmId: id('firm_id').references(() => firms.id),
    companyId: id('company_id').references(() => companies.id),
    actorUserId: id('actor_user_id').references(() => users.id),
    /** e.g. `invoice.create`, `payment.reverse`. */
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    at: instant('at').notNull(),
    before: json<unknown>('before'),
    after: json<unknown>('after'),
    /**
     * Hash chain (tamper evidence): entries of one chain (`company:<id>`, `firm:<id>` or
     * `global`) are numbered by `seq`; `hash` = sha256(`prev_hash` + canonical JSON of the
     * entry). Written by appendAudit, checked by verifyAuditChain. Null only on entries written
     * before the chain existed.
     */
    chain: text('chain'),
    seq: int('seq'),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId, t.at),
    index('audit_log_company_at_idx').on(t.companyId, t.at),
    uniqueIndex('audit_log_chain_seq_unique').on(t.chain, t.seq),
  ],
);
