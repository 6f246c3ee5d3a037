import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client/types.js';
import type { Language } from '../schema/enums.js';
import { DbError, guarded } from './errors.js';
import { newId } from './ids.js';
import { versioned } from './locking.js';
import type { CompanyScope } from './scope.js';

/**
 * A company's own wording of one dunning level in one language: the subject (the letter's title
 * and the e-mail subject) and the body paragraphs, with placeholders such as `{debtorName}`.
 * The legal mentions, the amounts and the interest statement are never part of it.
 */
export interface LetterTemplate {
  id: string;
  companyId: string;
  level: number;
  language: Language;
  subject: string;
  body: string;
  version: number;
  updatedBy: string | null;
  updatedAt: Date;
}

type Row = LetterTemplate;

/**
 * The company's template for a level and language, or undefined (the built-in wording applies).
 *
 * @example
 * ```ts
 * const own = await letterTemplateFor(db, companyId, 2, 'fr');
 * if (own) letter.template = { subject: own.subject, body: own.body };
 * ```
 */
export async function letterTemplateFor(ex: Executor, companyId: string, level: number, language: Language): Promise<LetterTemplate | undefined> {
  const t = ex.tables.letterTemplates;
  const [row] = await ex.db
    .select()
    .from(t)
    .where(and(eq(t.companyId, companyId), eq(t.level, level), eq(t.language, language)))
    .limit(1);
  return row ? toTemplate(row) : undefined;
}

/**
 * Every template of a company, by level then language.
 *
 * @example
 * ```ts
 * const all = await listLetterTemplates(db, { companyId });
 * ```
 */
export async function listLetterTemplates(ex: Executor, scope: CompanyScope): Promise<LetterTemplate[]> {
  const t = ex.tables.letterTemplates;
  const rows = await ex.db.select().from(t).where(eq(t.companyId, scope.companyId)).orderBy(asc(t.level), asc(t.language));
  return rows.map(toTemplate);
}

/**
 * Creates (no `version`) or replaces (`version` = the one read) the template of a level and
 * language. Creating one that exists gives DUPLICATE; replacing with a stale version gives
 * STALE_VERSION; replacing one that does not exist gives NOT_FOUND. Returns the stored row and
 * the one it replaced (for the audit trail).
 *
 * @example
 * ```ts
 * const { saved } = await saveLetterTemplate(db, { companyId }, { level: 2, language: 'nl', subject: 'Herinnering', body: 'Beste {debtorName}, …', updatedBy: user.id, at: now });
 * ```
 */
export async function saveLetterTemplate(
  ex: Executor,
  scope: CompanyScope,
  input: { level: number; language: Language; subject: string; body: string; version?: number; updatedBy?: string | null; at: Date },
): Promise<{ saved: LetterTemplate; before: LetterTemplate | undefined }> {
  const t = ex.tables.letterTemplates;
  return ex.transaction(async (tx) => {
    const before = await letterTemplateFor(tx, scope.companyId, input.level, input.language);
    const where = and(eq(t.companyId, scope.companyId), eq(t.level, input.level), eq(t.language, input.language));
    if (input.version === undefined) {
      if (before) throw new DbError('DUPLICATE', `letter template: level ${input.level} (${input.language}) already has one; edit it instead`, 'letter_templates_company_level_language_unique');
      const [row] = await guarded(() =>
        tx.db
          .insert(t)
          .values({ id: newId(), companyId: scope.companyId, level: input.level, language: input.language, subject: input.subject, body: input.body, updatedBy: input.updatedBy ?? null, updatedAt: input.at })
          .returning(),
      );
      return { saved: toTemplate(row!), before: undefined };
    }
    const row = await versioned(
      'letter template',
      await guarded(() =>
        tx.db
          .update(t)
          .set({ subject: input.subject, body: input.body, updatedBy: input.updatedBy ?? null, updatedAt: input.at, version: sql`${t.version} + 1` })
          .where(and(where, eq(t.version, input.version!)))
          .returning(),
      ),
      () => tx.db.select({ id: t.id }).from(t).where(where),
    );
    return { saved: toTemplate(row), before };
  });
}

/**
 * Removes the template of a level and language (the built-in wording applies again), checking
 * the version read. Returns the removed row.
 *
 * @example
 * ```ts
 * await removeLetterTemplate(db, { companyId }, { level: 2, language: 'nl', version: 3 });
 * ```
 */
export async function removeLetterTemplate(ex: Executor, scope: CompanyScope, input: { level: number; language: Language; version: number }): Promise<LetterTemplate> {
  const t = ex.tables.letterTemplates;
  return ex.transaction(async (tx) => {
    const where = and(eq(t.companyId, scope.companyId), eq(t.level, input.level), eq(t.language, input.language));
    const row = await versioned('letter template', await tx.db.delete(t).where(and(where, eq(t.version, input.version))).returning(), () => tx.db.select({ id: t.id }).from(t).where(where));
    return toTemplate(row);
  });
}

function toTemplate(r: Row): LetterTemplate {
  return { id: r.id, companyId: r.companyId, level: r.level, language: r.language, subject: r.subject, body: r.body, version: r.version, updatedBy: r.updatedBy, updatedAt: r.updatedAt };
}
