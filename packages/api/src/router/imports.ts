import { DATE_FORMATS, type DateFormat } from '@fact/spreadsheets';
import { z } from 'zod';
import { recordId } from '../schemas/ids.js';
import { importDebtorsFromCsv, importInvoicesFromCsv, suggestCsvMapping } from '../services/imports/csv-import.js';
import { fileSource, readImportFile } from '../services/imports/file-input.js';
import { importEInvoice, importUbl } from '../services/imports/ubl-import.js';
import { companyProcedure, MANAGERS, router } from '../trpc.js';
import { einvoiceImportOutput, ublImportOutput } from './file-outputs.js';

const header = z.string().trim().min(1).max(100);
const invoiceMapping = z.object({
  invoiceNumber: header,
  debtorName: header,
  issueDate: header,
  dueDate: header,
  total: header,
  vat: header.optional(),
  currency: header.optional(),
  debtorVat: header.optional(),
  debtorIban: header.optional(),
  reference: header.optional(),
});
const debtorMapping = z.object({
  name: header,
  kind: header.optional(),
  vatNumber: header.optional(),
  enterpriseNumber: header.optional(),
  iban: header.optional(),
  language: header.optional(),
  email: header.optional(),
  street: header.optional(),
  postalCode: header.optional(),
  city: header.optional(),
  country: header.optional(),
  externalRef: header.optional(),
});
const csvReading = {
  delimiter: z.enum([',', ';', '\t', 'auto']).default('auto'),
  encoding: z.enum(['utf-8', 'windows-1252']).optional().meta({ description: 'Encoding of a file without byte-order mark (default UTF-8)' }),
};
const withoutUndefined = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };

/** Files into the ledger: e-invoices (UBL, CII, Factur-X / ZUGFeRD PDFs), invoice and debtor lists from CSV. */
export const importsRouter = router({
  ubl: companyProcedure(...MANAGERS)
    .meta({ openapi: { method: 'POST', path: '/companies/{companyId}/imports/ubl', tags: ['imports'], summary: 'Import a UBL (Peppol BIS 3.0) invoice or credit note into the ledger' } })
    .input(z.object({ companyId: recordId, ...fileSource }))
    .output(ublImportOutput)
    .mutation(({ ctx, input }) => importUbl(ctx, input.companyId, input)),

  einvoice: companyProcedure(...MANAGERS)
    .meta({
      openapi: {
        method: 'POST',
        path: '/companies/{companyId}/imports/einvoice',
        tags: ['imports'],
        summary: 'Import an e-invoice: UBL 2.1, UN/CEFACT CII, or a Factur-X / ZUGFeRD PDF (a PDF without one is kept as a document)',
      },
    })
    .input(z.object({ companyId: recordId, ...fileSource }))
    .output(einvoiceImportOutput)
    .mutation(({ ctx, input }) => importEInvoice(ctx, input.companyId, input)),

  suggestMapping: companyProcedure(...MANAGERS)
    .input(z.object({ companyId: recordId, target: z.enum(['invoices', 'debtors']).default('invoices'), ...fileSource }))
    .query(async ({ ctx, input }) => suggestCsvMapping((await readImportFile(ctx, input.companyId, input, 'import.csv')).bytes, input.target)),

  invoicesCsv: companyProcedure(...MANAGERS)
    .input(
      z.object({
        companyId: recordId,
        ...fileSource,
        mapping: invoiceMapping,
        decimalSeparator: z.enum([',', '.']),
        dateFormat: z.enum(DATE_FORMATS as [DateFormat, ...DateFormat[]]),
        defaultCurrency: z.string().regex(/^[A-Z]{3}$/).default('EUR'),
        debtorKind: z.enum(['business', 'consumer']).default('business').meta({ description: 'Kind of the debtors the file creates' }),
        ...csvReading,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const file = await readImportFile(ctx, input.companyId, input, 'invoices.csv');
      return importInvoicesFromCsv(
        ctx,
        input.companyId,
        file,
        { mapping: withoutUndefined(input.mapping), decimalSeparator: input.decimalSeparator, dateFormat: input.dateFormat, defaultCurrency: input.defaultCurrency, delimiter: input.delimiter, ...(input.encoding ? { encoding: input.encoding } : {}) },
        input.debtorKind,
      );
    }),

  debtorsCsv: companyProcedure(...MANAGERS)
    .input(
      z.object({
        companyId: recordId,
        ...fileSource,
        mapping: debtorMapping,
        defaultKind: z.enum(['business', 'consumer']).optional(),
        defaultLanguage: z.enum(['nl', 'fr', 'en']).optional(),
        defaultCountry: z.string().regex(/^[A-Z]{2}$/).optional(),
        ...csvReading,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const file = await readImportFile(ctx, input.companyId, input, 'debtors.csv');
      return importDebtorsFromCsv(ctx, input.companyId, file, {
        mapping: withoutUndefined(input.mapping),
        delimiter: input.delimiter,
        ...(input.encoding ? { encoding: input.encoding } : {}),
        ...(input.defaultKind ? { defaultKind: input.defaultKind } : {}),
        ...(input.defaultLanguage ? { defaultLanguage: input.defaultLanguage } : {}),
        ...(input.defaultCountry ? { defaultCountry: input.defaultCountry } : {}),
      });
    }),
});
