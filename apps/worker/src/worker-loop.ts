import { loadCompany, runCompany, weeklyDigest, type RunReport, type RunnerContext } from '@fact/dunning-runner';
import { dueCompanies, isDigestDay } from './schedule.js';

/**
 * One tick of the daily scheduler: runs every company whose local send time has come today and
 * sends Monday's weekly digest. Returns the reports of the runs it made.
 *
 * @example
 * ```ts
 * const lastRun = new Map<string, string>();
 * setInterval(() => void tick(ctx, lastRun, console.log), 60_000);
 * ```
 */
export async function tick(ctx: RunnerContext, lastRun: Map<string, string>, log: (line: string) => void): Promise<RunReport[]> {
  const c = ctx.db.tables.companies;
  const rows = await ctx.db.db.select({ id: c.id }).from(c);
  const companies = [];
  for (const { id } of rows) {
    const company = await loadCompany(ctx.db, id);
    if (company) companies.push({ id, timeZone: company.timeZone, settings: company.settings });
  }
  const reports: RunReport[] = [];
  for (const due of dueCompanies(companies, ctx.clock(), lastRun)) {
    try {
      const report = await runCompany(ctx, due.id, { asOf: due.localDate });
      lastRun.set(due.id, due.localDate);
      reports.push(report);
      log(`dunning ${due.id} ${due.localDate}: planned ${report.planned}, sent ${report.sent}, dropped ${report.dropped.length}, failed ${report.failed}`);
      if (isDigestDay(due.localDate)) await sendDigest(ctx, due.id, due.localDate);
    } catch (e) {
      log(`dunning ${due.id} ${due.localDate}: failed: ${(e as Error).message}`);
    }
  }
  return reports;
}

/** Mails the weekly digest to the company's digest addresses, once per company and week (key = company + date). */
async function sendDigest(ctx: RunnerContext, companyId: string, localDate: string): Promise<void> {
  const company = await loadCompany(ctx.db, companyId);
  const to = company?.settings.digestTo;
  const identity = company?.settings.identity;
  if (!company || !to?.length || !identity) return;
  const digest = await weeklyDigest(ctx.db, companyId, localDate);
  const key = `digest-${companyId}-${localDate}`;
  if (await ctx.mail.alreadyDelivered(key)) return;
  await ctx.mail.send(key, {
    from: { name: identity.name ?? company.legalName, address: identity.email },
    to: to.join(', '),
    subject: `${company.legalName}: follow-up ${digest.from} – ${digest.to}`,
    text: digest.text,
    language: company.language,
    messageId: `<${key}@${identity.email.split('@')[1] ?? 'fact.invalid'}>`,
    attachments: [],
  });
}

