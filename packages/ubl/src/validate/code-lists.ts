/**
 * Code lists the validator checks (rules as data). Sources: EN 16931 code lists as used by the
 * Peppol BIS Billing 3.0 schematron (`OpenPEPPOL/peppol-bis-invoice-3` `rules/sch`), restated.
 * Lists marked `unconfirmed` were written from memory of those lists, not copied from the
 * current release, so an unknown code there is reported as a warning only.
 */

/** BR-CL-17 / BR-CL-18: VAT category codes (UNCL5305 subset of EN 16931). */
export const VAT_CATEGORY_CODES = new Set(['S', 'Z', 'E', 'AE', 'K', 'G', 'O', 'L', 'M']);

/** BR-CL-16: payment means codes (UNCL4461). */
export const PAYMENT_MEANS_CODES = new Set([
  ...Array.from({ length: 70 }, (_, i) => String(i + 1)),
  '74', '75', '76', '77', '78', '91', '92', '93', '94', '95', '96', '97', 'ZZZ',
]);

/** BR-CL-04 / BR-CL-05: ISO 4217 currency codes (active codes). */
export const CURRENCY_CODES = new Set(
  (
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW ' +
    'CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK ' +
    'HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK ' +
    'MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD ' +
    'SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS ' +
    'VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XTS XUA XXX YER ZAR ZMW ZWG ZWL'
  ).split(' '),
);

/** BR-CL-01: document type codes Peppol accepts (UNCL1001 subset). */
export const INVOICE_TYPE_CODES = {
  unconfirmed: true,
  Invoice: new Set(['71', '80', '82', '84', '102', '218', '219', '326', '331', '380', '382', '383', '384', '385', '386', '387', '388', '389', '390', '393', '394', '395', '456', '457', '527', '553', '575', '623', '633', '751', '780', '875', '876', '877', '935']),
  CreditNote: new Set(['81', '83', '261', '262', '296', '308', '381', '396', '420', '458', '532']),
} as const;

/**
 * BR-CL-25: electronic address schemes (EAS). 0208 (BE enterprise number), 0106 (NL KvK) and
 * 0190 (NL OIN) are confirmed in reference.md §8; the rest, 9925 (BE VAT) and 9944 (NL VAT)
 * included, is [U].
 */
export const EAS_CODES = {
  unconfirmed: true,
  codes: new Set(
    (
      '0002 0007 0009 0037 0060 0088 0096 0097 0106 0130 0135 0142 0147 0151 0154 0158 0170 0177 0183 0184 0188 0190 0191 0192 ' +
      '0193 0194 0195 0196 0198 0199 0200 0201 0202 0203 0204 0205 0208 0209 0210 0211 0212 0213 0215 0216 0217 0218 0219 0220 ' +
      '0221 0225 0230 0235 0240 9901 9910 9913 9914 9915 9918 9919 9920 9922 9923 9924 9925 9926 9927 9928 9929 9930 9931 9932 ' +
      '9933 9934 9935 9936 9937 9938 9939 9940 9941 9942 9943 9944 9945 9946 9947 9948 9949 9950 9951 9952 9953 9957 9959'
    ).split(' '),
  ),
} as const;
