import { epcQrPayload, FactError } from '@fact/core';
import { describe, expect, it } from 'vitest';
import { decodePng, decodeQrSvg } from '../test-support/decode-qr.js';
import { epcQrPng, epcQrSvg } from './epc-qr-image.js';
import { epcQrMatrix } from './epc-qr-matrix.js';

const bytes = (text: string) => new TextEncoder().encode(text);

const ogmPayload = epcQrPayload({ name: 'Fact BV', iban: 'BE71 0961 2345 6769', amount: '1234.56', reference: '+++240/2838/42818+++' });
// Accents and a long text exercise UTF-8 (character set 1) and a larger version.
const textPayload = epcQrPayload({
  bic: 'GEBABEBB',
  name: 'Boulangerie Émile & Fils – Liège',
  iban: 'BE68539007547034',
  amount: '999999999.99',
  text: 'Facture 2025-0042 — échéance 15/03/2025, merci ! Überweisung für Rechnung; ÀÉÎÕÜ çñ ß € 0123456789 abcdefghijklmnopqrstuvwxyz',
  information: 'Zahlung für Bestellung 12345 – danke schön',
});

describe('EPC QR code (EPC069-12)', () => {
  it.each([
    ['OGM in line 10', ogmPayload],
    ['UTF-8 text in line 11', textPayload],
  ])('PNG decodes back to the payload byte for byte (%s)', async (_, payload) => {
    const decoded = decodePng(await epcQrPng(payload));
    expect(decoded).not.toBeNull();
    expect(Buffer.from(decoded ?? []).equals(Buffer.from(bytes(payload)))).toBe(true);
  });

  it.each([
    ['OGM in line 10', ogmPayload],
    ['UTF-8 text in line 11', textPayload],
  ])('SVG decodes back to the payload byte for byte (%s)', async (_, payload) => {
    const svg = await epcQrSvg(payload);
    expect(svg).toContain('<svg');
    expect(Buffer.from(decodeQrSvg(svg) ?? []).toString('utf8')).toBe(payload);
  });

  it('uses error correction level M and stays at or below version 13', () => {
    const small = epcQrMatrix(ogmPayload);
    expect(small.errorCorrection).toBe('M');
    expect(small.size).toBe(small.version * 4 + 17);
    expect(epcQrMatrix(textPayload).version).toBeLessThanOrEqual(13);
  });

  it('carries the largest payload EPC069-12 allows (331 bytes) in version 13', () => {
    // 331 bytes of byte-mode data is exactly the capacity of version 13 at level M.
    let padded = `BCD\n002\n1\nSCT\n\n${'N'.repeat(70)}\nBE68539007547034\nEUR1.00\n\n\n`;
    while (bytes(padded).length < 331) padded += bytes(padded).length < 330 ? 'é' : 't';
    expect(bytes(padded).length).toBe(331);
    expect(epcQrMatrix(padded).version).toBe(13);
  });

  it('refuses a payload over 331 bytes and text that is not an EPC payload', async () => {
    const tooLong = `BCD\n002\n1\nSCT\n\n${'x'.repeat(400)}`;
    expect(() => epcQrMatrix(tooLong)).toThrow(expect.objectContaining({ code: 'PAYLOAD_TOO_LONG', field: 'payload' }));
    await expect(epcQrPng('hello')).rejects.toThrow(FactError);
    await expect(epcQrSvg('hello')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', field: 'payload' });
  });

  it('is deterministic: the same payload gives the same PNG bytes', async () => {
    expect(Buffer.from(await epcQrPng(ogmPayload)).equals(Buffer.from(await epcQrPng(ogmPayload)))).toBe(true);
  });
});
