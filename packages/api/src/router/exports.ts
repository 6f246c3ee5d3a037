import { z } from 'zod';
import { calendarDateInput } from '../schemas/date.js';
import { recordId } from '../schemas/ids.js';
import { companyToday } from '../services/as-of.js';
import { exportInvoicePdf } from '../services/exports/invoice-pdf.js';
import { ageingExport, invoicesExport } from '../services/exports/lists.js';
import { exportInvoiceUbl } from '../services/exports/ubl-export.js';
import { companyProcedure, MANAGERS, router } from '../trpc.js';
import { invoiceUblOutput } from './file-outputs.js';

const csvStyle = {
  delimiter: z.enum([',', ';']).default(';').meta({ description: '";" with decimal "," is what Excel expects in nl-BE, fr-BE and nl-NL' }),
  decimalSeparator: z.enum(['.', ',']).default(','),
};
const invoiceFilter = {
  status: z.enum(['draft', 'open', 'paid', 'cancelled', 'written_off']).optional(),
  issuedFrom: calendarDateInput.optional(),
  issuedTo: calendarDateInput.optional(),
};

/** Files out of the ledger: Peppol UBL and PDF of an invoice, lists as CSV or XLSX (base64). */
export const exportsRouter = router({
  invoiceUbl: companyProcedure(...MANAGERS)
    .meta({ openapi: { method: 'GET', path: '/invoices/{invoiceId}/ubl', tags: ['exports'], summary: 'The invoice as Peppol BIS Billing 3.0 UBL, validated' } })
    .input(z.object({ invoiceId: recordId }))
    .output(invoiceUblOutput)
    .query(async ({ ctx, input }) => {
      const { xml, fileName, warnings } = await exportInvoiceUbl(ctx.db, input.invoiceId);
      return { fileName, mediaType: 'application/xml', xml, contentBase64: Buffer.from(xml, 'utf8').toString('base64'), warnings };
    }),

  invoicePdf: companyProcedure(...MANAGERS)
    .input(z.object({ invoiceId: recordId }))
    .query(({ ctx, input }) => exportInvoicePdf(ctx.db, input.invoiceId)),

  ageingCsv: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, asOf: calendarDateInput.optional(), ...csvStyle }))
    .query(async ({ ctx, input }) => ageingExport(ctx.db, input.companyId, await companyToday(ctx, input.companyId, input.asOf), 'csv', input)),

  ageingXlsx: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, asOf: calendarDateInput.optional() }))
    .query(async ({ ctx, input }) => ageingExport(ctx.db, input.companyId, await companyToday(ctx, input.companyId, input.asOf), 'xlsx', { delimiter: ';', decimalSeparator: ',' })),

  invoicesCsv: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, ...invoiceFilter, ...csvStyle }))
    .query(({ ctx, input }) => invoicesExport(ctx.db, input.companyId, input, 'csv', input)),

  invoicesXlsx: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, ...invoiceFilter }))
    .query(({ ctx, input }) => invoicesExport(ctx.db, input.companyId, input, 'xlsx', { delimiter: ';', decimalSeparator: ',' })),
});
