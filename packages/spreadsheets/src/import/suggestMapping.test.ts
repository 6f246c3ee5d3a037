import { describe, expect, it } from 'vitest';
import { suggestMapping } from './suggestMapping.js';

describe('suggestMapping: invoices', () => {
  it('places a Belgian Dutch export, skipping the amount excluding VAT', () => {
    const headers = ['Factuurnr', 'Klant', 'Datum', 'Vervaldatum', 'Bedrag excl. btw', 'BTW', 'Bedrag incl. btw', 'BTW-nummer klant', 'IBAN', 'Gestructureerde mededeling'];
    expect(suggestMapping(headers)).toEqual({
      mapping: {
        invoiceNumber: 'Factuurnr',
        debtorName: 'Klant',
        issueDate: 'Datum',
        dueDate: 'Vervaldatum',
        total: 'Bedrag incl. btw',
        vat: 'BTW',
        debtorVat: 'BTW-nummer klant',
        debtorIban: 'IBAN',
        reference: 'Gestructureerde mededeling',
      },
      missing: [],
    });
  });

  it('places a French export with accents and "N°"', () => {
    const headers = ['N° facture', 'Client', 'Date', "Date d'échéance", 'Montant HTVA', 'Montant TTC', 'TVA', 'N° TVA', 'Devise', 'Communication'];
    expect(suggestMapping(headers).mapping).toEqual({
      invoiceNumber: 'N° facture',
      debtorName: 'Client',
      issueDate: 'Date',
      dueDate: "Date d'échéance",
      total: 'Montant TTC',
      vat: 'TVA',
      debtorVat: 'N° TVA',
      currency: 'Devise',
      reference: 'Communication',
    });
  });

  it('places an English export', () => {
    const headers = ['Invoice No.', 'Customer', 'Invoice Date', 'Due Date', 'Amount', 'VAT', 'Customer VAT ID', 'Currency', 'Payment reference'];
    expect(suggestMapping(headers).mapping).toEqual({
      invoiceNumber: 'Invoice No.',
      debtorName: 'Customer',
      issueDate: 'Invoice Date',
      dueDate: 'Due Date',
      total: 'Amount',
      vat: 'VAT',
      debtorVat: 'Customer VAT ID',
      currency: 'Currency',
      reference: 'Payment reference',
    });
  });

  it('lists the required fields it could not place', () => {
    expect(suggestMapping(['Klant', 'Omschrijving', '']).missing).toEqual(['invoiceNumber', 'issueDate', 'dueDate', 'total']);
  });
});

describe('suggestMapping: debtors', () => {
  it('places Dutch and French debtor headers, the customer number apart from the name', () => {
    expect(suggestMapping(['Klantnummer', 'Naam', 'Type', 'BTW-nummer', 'Taal', 'E-mailadres', 'Straat', 'Postcode', 'Gemeente', 'Land'], 'debtors')).toEqual({
      mapping: {
        externalRef: 'Klantnummer',
        name: 'Naam',
        kind: 'Type',
        vatNumber: 'BTW-nummer',
        language: 'Taal',
        email: 'E-mailadres',
        street: 'Straat',
        postalCode: 'Postcode',
        city: 'Gemeente',
        country: 'Land',
      },
      missing: [],
    });
    expect(suggestMapping(['Nom', 'N° TVA', 'Langue', 'Adresse e-mail', 'Adresse', 'Code postal', 'Localité', 'Pays'], 'debtors').mapping).toEqual({
      name: 'Nom',
      vatNumber: 'N° TVA',
      language: 'Langue',
      email: 'Adresse e-mail',
      street: 'Adresse',
      postalCode: 'Code postal',
      city: 'Localité',
      country: 'Pays',
    });
  });
});
