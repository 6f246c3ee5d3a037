// Uploaded and generated files. The bytes live on disk, content-addressed by SHA-256
// (./data/documents/ab/cd/<sha256>); this row holds what the file is and who owns it.
// This file is identical in ../sqlite and ../pg; only ./columns.ts differs.
import { sql } from 'drizzle-orm';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '../enums.js';
import { cents, id, index, instant, json, oneOf, rule, table, text, textEnum, unique } from './columns.js';
import { companies, users } from './tenancy.js';

/** Metadata of one stored file of a company. */
export const documents = table(
  'documents',
  {
    id: id('id').primaryKey(),
    companyId: id('company_id')
      .notNull()
      .references(() => companies.id),
    kind: textEnum('kind', DOCUMENT_KINDS).notNull(),
    /** Lower-case hex SHA-256 of the content: also its path on disk. */
    sha256: text('sha256').notNull(),
    sizeBytes: cents('size_bytes').notNull(),
    mediaType: text('media_type').notNull(),
    fileName: text('file_name').notNull(),
    uploadedBy: id('uploaded_by').references(() => users.id),
    /** What became of the file (see DOCUMENT_STATUSES). */
    status: textEnum('status', DOCUMENT_STATUSES).notNull().default('stored'),
    /**
     * The outcome a person reads: the records it became (`{ records: [{ type, id, label }] }`)
     * or why it was refused (`{ issues: [{ where, rule?, message }] }`).
     */
    result: json<Record<string, unknown>>('result'),
    processedAt: instant('processed_at'),
    createdAt: instant('created_at')
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    unique('documents_company_id_unique').on(t.companyId, t.id),
    index('documents_company_sha_idx').on(t.companyId, t.sha256),
    index('documents_company_created_idx').on(t.companyId, t.createdAt),
    oneOf('documents_kind_known', t.kind, DOCUMENT_KINDS),
    oneOf('documents_status_known', t.status, DOCUMENT_STATUSES),
    rule('documents_sha256_hex', sql`length(${t.sha256}) = 64 and ${t.sha256} = lower(${t.sha256})`),
    rule('documents_size_natural', sql`${t.sizeBytes} >= 0`),
  ],
);
