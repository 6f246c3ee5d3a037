import { describe, expect, it } from 'vitest';
import { splitInstalments } from './collection-actions.js';
import { quarterOf, sortLines } from './dashboard.js';
import { pageLinks, readInvoiceFilters } from './invoices.js';
import { periodFrom } from './reports.js';
import type { CompanyLine } from '../dashboard-types.js';

describe('payment plan instalments', () => {
  it('add up to the open amount exactly, the odd cents on the first instalments, one month apart', () => {
    const parts = splitInstalments(100_00n + 1n, 3, '2025-01-31');
    expect(parts).toEqual([
      { dueOn: '2025-01-31', amount: '33.34' },
      { dueOn: '2025-02-28', amount: '33.34' },
      { dueOn: '2025-03-31', amount: '33.33' },
    ]);
  });
});

describe('invoice filters from the query string', () => {
  it('passes good values to the API and names the bad ones, keeping what was typed', () => {
    const f = readInvoiceFilters(new URLSearchParams('status=open&dueFrom=2025-02-30&dueTo=2025-01-01&min=1.234,50&max=lots&sort=open&dir=desc'));
    expect(f.input).toMatchObject({ status: 'open', sort: 'open', direction: 'desc' });
    expect(f.errors).toEqual({ dueFrom: 'validation.date', max: 'validation.amount' });
    expect(f.min).toBe(123450n);
    expect(f.values.max).toBe('lots');
  });

  it('refuses an end date before the start date', () => {
    const f = readInvoiceFilters(new URLSearchParams('dueFrom=2025-03-01&dueTo=2025-01-01'));
    expect(f.errors.dueTo).toBe('validation.order');
    expect(f.input.dueTo).toBeUndefined();
  });

  it('pages forward and back through keyset cursors, keeping the filters', () => {
    const first = new URLSearchParams('status=open');
    const f1 = readInvoiceFilters(first);
    const { next, previous } = pageLinks(first, f1, 'CUR1');
    expect(previous).toBeNull();
    const second = new URLSearchParams(next!.slice(1));
    expect(second.get('status')).toBe('open');
    const f2 = readInvoiceFilters(second);
    expect(f2.input.cursor).toBe('CUR1');
    const back = new URLSearchParams(pageLinks(second, f2, 'CUR2').previous!.slice(1));
    expect(back.get('cursor')).toBeNull();
    expect(back.get('status')).toBe('open');
  });
});

describe('dashboard and reports', () => {
  const line = (name: string, overdue: string, dso: string | null): CompanyLine => ({
    id: name, name, country: 'BE', asOf: '2025-05-15', outstanding: '100.00', overdue, overduePct: null, dso, remindersToday: 0, vatRelief: '0.00',
  });

  it('sorts by amount as a number, not as text, and puts unknown DSO last when descending', () => {
    const lines = [line('A', '9.00', '40'), line('B', '10.00', null), line('C', '100.00', '5')];
    expect(sortLines(lines, 'overdue', 'desc').map((l) => l.name)).toEqual(['C', 'B', 'A']);
    expect(sortLines(lines, 'dso', 'desc').map((l) => l.name)).toEqual(['A', 'C', 'B']);
  });

  it('names the VAT return period of a date, and keeps a valid one that was asked for', () => {
    expect(quarterOf('2025-05-15')).toBe('2025-Q2');
    expect(periodFrom('2025-03', '2025-05-15')).toBe('2025-03');
    expect(periodFrom('2025-13', '2025-11-02')).toBe('2025-Q4');
  });
});
