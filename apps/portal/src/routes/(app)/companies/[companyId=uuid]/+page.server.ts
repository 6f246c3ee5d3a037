import { load404 } from '$lib/server/errors.js';
import { invoicePage, pageLinks, readInvoiceFilters } from '$lib/server/invoices.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const api = locals.api;
  const companyId = params.companyId;
  const company = await load404(api.company.get({ companyId }));
  const filters = readInvoiceFilters(url.searchParams);
  const [ageing, trend, topOverdue, dso, debtors, page] = await load404(
    Promise.all([
      api.reports.ageing({ companyId }),
      api.reports.overdueTrend({ companyId }),
      api.reports.topOverdue({ companyId, limit: 10 }),
      api.reports.dso({ companyId }),
      api.debtor.list({ companyId, limit: 200 }),
      invoicePage(api, companyId, filters),
    ]),
  );
  return {
    company,
    ageing,
    trend: trend.points,
    topOverdue,
    dso,
    debtors: debtors.items.map((d) => ({ id: d.id, name: d.name })),
    invoices: page.items,
    links: pageLinks(url.searchParams, filters, page.nextCursor),
    filters: { values: filters.values, errors: filters.errors },
  };
};
