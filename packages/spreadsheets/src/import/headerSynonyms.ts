import type { DebtorField } from './debtorTypes.js';
import type { InvoiceField } from './invoiceTypes.js';

/**
 * Header names seen in Dutch, French and English exports, per field, folded (lower case, no
 * accents, letters and digits only). `avoid` lists fragments that rule a header out, so
 * "Bedrag excl. btw" is never taken for the total. Data, not code: add a name with a test.
 */
export interface HeaderSynonyms {
  readonly names: readonly string[];
  readonly avoid?: readonly string[];
}

/** Header names per invoice field (nl, fr, en). */
export const INVOICE_HEADER_SYNONYMS: Readonly<Record<InvoiceField, HeaderSynonyms>> = {
  invoiceNumber: {
    names: ['factuurnr', 'factuurnummer', 'factuur', 'factuurno', 'nrfactuur', 'numerofacture', 'nfacture', 'nofacture', 'facture', 'invoicenumber', 'invoiceno', 'invoicenr', 'invoice', 'invoiceid', 'documentnummer', 'number', 'nummer', 'numero'],
    avoid: ['datum', 'date', 'bedrag', 'montant', 'amount'],
  },
  debtorName: {
    names: ['klant', 'klantnaam', 'debiteur', 'debiteurnaam', 'naam', 'relatie', 'client', 'nomclient', 'nomduclient', 'nom', 'customer', 'customername', 'debtor', 'debtorname', 'name', 'bedrijfsnaam', 'raisonsociale'],
    avoid: ['nummer', 'nr', 'numero', 'number', 'btw', 'tva', 'vat', 'iban', 'id'],
  },
  issueDate: {
    names: ['datum', 'factuurdatum', 'documentdatum', 'date', 'datefacture', 'datedefacture', 'dateemission', 'datedemission', 'invoicedate', 'issuedate', 'dateissued'],
    avoid: ['verval', 'echeance', 'due', 'betaal', 'paiement', 'payment'],
  },
  dueDate: {
    names: ['vervaldatum', 'vervaldag', 'verval', 'uiterstebetaaldatum', 'dateecheance', 'datedecheance', 'echeance', 'duedate', 'due', 'paymentdue'],
  },
  total: {
    names: ['bedraginclbtw', 'bedragincl', 'totaalincl', 'totaalinclbtw', 'totaalbedrag', 'totaal', 'bedrag', 'factuurbedrag', 'montantttc', 'totalttc', 'ttc', 'montanttotal', 'montant', 'total', 'totalincl', 'totalinclvat', 'totalamount', 'grossamount', 'amount', 'amountincl'],
    avoid: ['excl', 'htva', 'horstva', 'netto', 'exvat', 'zonderbtw', 'montantht', 'totalht', 'net', 'btwbedrag', 'tvamontant', 'vatamount', 'open', 'saldo', 'solde', 'balance'],
  },
  vat: {
    names: ['btw', 'btwbedrag', 'bedragbtw', 'tva', 'montanttva', 'vat', 'vatamount', 'tax', 'taxamount'],
    avoid: ['nummer', 'nr', 'numero', 'number', 'no', 'id', 'incl', 'ttc', 'excl', 'htva', 'code', 'tarief', 'taux', 'rate', 'pct'],
  },
  currency: {
    names: ['valuta', 'munt', 'munteenheid', 'devise', 'monnaie', 'currency', 'cur', 'ccy'],
  },
  debtorVat: {
    names: ['btwnummer', 'btwnr', 'btwno', 'btwid', 'ondernemingsnummer', 'numerotva', 'ntva', 'notva', 'tvanumero', 'vatnumber', 'vatno', 'vatid', 'vatnr', 'taxid', 'klantbtwnummer'],
  },
  debtorIban: {
    names: ['iban', 'rekeningnummer', 'rekening', 'bankrekening', 'compte', 'comptebancaire', 'numerodecompte', 'bankaccount', 'account', 'accountnumber'],
  },
  reference: {
    names: ['mededeling', 'gestructureerdemededeling', 'ogm', 'vcs', 'betalingskenmerk', 'kenmerk', 'referentie', 'communication', 'communicationstructuree', 'reference', 'paymentreference', 'ref'],
  },
};

/** Header names per debtor field (nl, fr, en). */
export const DEBTOR_HEADER_SYNONYMS: Readonly<Record<DebtorField, HeaderSynonyms>> = {
  name: {
    names: ['naam', 'klant', 'klantnaam', 'debiteur', 'debiteurnaam', 'bedrijfsnaam', 'firmanaam', 'relatie', 'nom', 'client', 'nomclient', 'raisonsociale', 'denomination', 'name', 'customer', 'customername', 'company', 'companyname'],
    avoid: ['nummer', 'nr', 'numero', 'number', 'btw', 'tva', 'vat', 'type', 'id', 'code'],
  },
  kind: {
    names: ['type', 'soort', 'klanttype', 'typeklant', 'soortklant', 'typeclient', 'categorie', 'kind', 'customertype', 'b2bb2c'],
  },
  vatNumber: {
    names: ['btwnummer', 'btwnr', 'btwno', 'btwid', 'btw', 'numerotva', 'ntva', 'notva', 'tva', 'vatnumber', 'vatno', 'vatid', 'vat', 'taxid'],
  },
  enterpriseNumber: {
    names: ['ondernemingsnummer', 'ondernemingsnr', 'kbonummer', 'kbo', 'numerodentreprise', 'numeroentreprise', 'bce', 'numerobce', 'enterprisenumber', 'companynumber'],
  },
  iban: {
    names: ['iban', 'rekeningnummer', 'rekening', 'bankrekening', 'compte', 'comptebancaire', 'numerodecompte', 'bankaccount'],
  },
  language: {
    names: ['taal', 'taalcode', 'correspondentietaal', 'langue', 'language', 'lang', 'locale'],
  },
  email: {
    names: ['email', 'emailadres', 'mail', 'mailadres', 'adresemail', 'adresseemail', 'adressemail', 'courriel', 'emailaddress', 'factuuremail', 'emailfacturation', 'invoiceemail'],
  },
  street: {
    names: ['straat', 'straatennummer', 'straatnr', 'adres', 'rue', 'adresse', 'street', 'address', 'addressline1', 'adresregel1'],
    avoid: ['mail', 'email'],
  },
  postalCode: {
    names: ['postcode', 'codepostal', 'cp', 'zip', 'zipcode', 'postalcode', 'postnummer'],
  },
  city: {
    names: ['gemeente', 'plaats', 'woonplaats', 'stad', 'ville', 'localite', 'commune', 'city', 'town'],
  },
  country: {
    names: ['land', 'landcode', 'pays', 'codepays', 'country', 'countrycode'],
  },
  externalRef: {
    names: ['klantnummer', 'klantnr', 'klantcode', 'debiteurnummer', 'debiteurnr', 'relatienummer', 'numeroclient', 'nclient', 'noclient', 'codeclient', 'customernumber', 'customerno', 'customerid', 'customercode', 'debtornumber', 'accountcode'],
  },
};
