// The company's letter templates per dunning level and language (`dunningRun.templates.*`): list,
// save (create or replace, version-checked), remove (back to the built-in wording), and a preview
// that renders the real letter with the company's data and a sample debtor and invoice.
import { checkLetterTemplate, LETTER_PLACEHOLDERS } from '@fact/documents';
import { isDbError, listLetterTemplates, removeLetterTemplate, saveLetterTemplate, type LetterTemplate } from '@fact/db';
import { z } from 'zod';
import { apiError } from '../errors/api-error.js';
import { calendarDateInput } from '../schemas/date.js';
import { recordId, recordVersion } from '../schemas/ids.js';
import { companyToday } from '../services/as-of.js';
import { appendAudit } from '../services/audit.js';
import { letterPreview } from '../services/dunning-ui/letter-preview.js';
import { companyProcedure, MANAGERS, router } from '../trpc.js';

const language = z.enum(['nl', 'fr', 'en']);
const level = z.number().int().min(1).max(20);
const wording = { subject: z.string().max(1000), body: z.string().max(20_000) };

function publicTemplate(t: LetterTemplate) {
  return { level: t.level, language: t.language, subject: t.subject, body: t.body, version: t.version, updatedAt: t.updatedAt.toISOString() };
}

function refusal(e: unknown, what: string, version: number | undefined): never {
  if (isDbError(e, 'STALE_VERSION')) throw apiError.conflict(`This ${what} was changed by someone else since you read version ${version}. Reload it, re-apply your change and save again.`);
  if (isDbError(e, 'DUPLICATE')) throw apiError.conflict(`This level and language already have a template; reload to edit it.`);
  if (isDbError(e, 'NOT_FOUND')) throw apiError.precondition(`There is no ${what} for this level and language any more; reload.`);
  throw e;
}

export const letterTemplatesRouter = router({
  /** Every template of the company, and the placeholders a template may use. */
  list: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId }))
    .query(async ({ ctx, input }) => ({
      templates: (await listLetterTemplates(ctx.db, { companyId: input.companyId })).map(publicTemplate),
      placeholders: Object.keys(LETTER_PLACEHOLDERS),
    })),

  /** Creates (no version) or replaces (the version read) a template; checked first, audited. */
  save: companyProcedure('accountant')
    .input(z.object({ companyId: recordId, level, language, ...wording, version: recordVersion.optional() }))
    .mutation(async ({ ctx, input }) => {
      const checked = checkLetterTemplate({ subject: input.subject, body: input.body });
      const now = ctx.clock();
      try {
        return await ctx.db.transaction(async (tx) => {
          const { saved, before } = await saveLetterTemplate(tx, { companyId: input.companyId }, {
            level: input.level,
            language: input.language,
            subject: checked.subject,
            body: checked.paragraphs.join('\n\n'),
            ...(input.version !== undefined && { version: input.version }),
            updatedBy: ctx.user.id,
            at: now,
          });
          await appendAudit(tx, { companyId: input.companyId, actorUserId: ctx.user.id, action: 'dunning.template.save', entityType: 'letter_template', entityId: saved.id, at: now, before: before && publicTemplate(before), after: publicTemplate(saved) });
          return publicTemplate(saved);
        });
      } catch (e) {
        return refusal(e, 'template', input.version);
      }
    }),

  /** Removes a template: the built-in wording applies again. */
  remove: companyProcedure('accountant')
    .input(z.object({ companyId: recordId, level, language, version: recordVersion }))
    .mutation(async ({ ctx, input }) => {
      const now = ctx.clock();
      try {
        return await ctx.db.transaction(async (tx) => {
          const removed = await removeLetterTemplate(tx, { companyId: input.companyId }, input);
          await appendAudit(tx, { companyId: input.companyId, actorUserId: ctx.user.id, action: 'dunning.template.remove', entityType: 'letter_template', entityId: removed.id, at: now, before: publicTemplate(removed) });
          return { removed: true as const };
        });
      } catch (e) {
        return refusal(e, 'template', input.version);
      }
    }),

  /**
   * The real letter of a level (PDF, base64, and its text) for a sample debtor and invoice, with
   * the draft wording given or else the saved template.
   */
  preview: companyProcedure(...MANAGERS)
    .input(
      z.object({
        companyId: recordId,
        level,
        language,
        kind: z.enum(['business', 'consumer']).default('business'),
        asOf: calendarDateInput.optional(),
        draft: z.object(wording).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const asOf = await companyToday(ctx, input.companyId, input.asOf);
      const p = await letterPreview(ctx.db, { companyId: input.companyId, level: input.level, kind: input.kind, language: input.language, asOf, ...(input.draft && { draft: input.draft }) });
      return { title: p.title, text: p.text, total: p.total, letterDate: p.letterDate, usesTemplate: p.usesTemplate, pdfBase64: Buffer.from(p.pdf).toString('base64') };
    }),
});
