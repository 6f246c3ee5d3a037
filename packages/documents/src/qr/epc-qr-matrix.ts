import QRCode from 'qrcode';
import { fail } from '../errors.js';

/** The modules of a QR code: `size × size`, dark where `dark[row * size + col]` is 1. */
export interface QrMatrix {
  readonly size: number;
  /** QR version 1–40; an EPC code stays at 13 or below. */
  readonly version: number;
  readonly errorCorrection: 'M';
  readonly dark: Uint8Array;
}

/** EPC069-12: error correction level M, QR version at most 13 (331 bytes of byte-mode data at M). */
export const EPC_QR_CODE_RULES = {
  errorCorrectionLevel: 'M',
  maxVersion: 13,
  maxPayloadBytes: 331,
  source: 'EPC069-12 (reference.md §5: level M, version ≤ 13, payload ≤ 331 bytes)',
} as const;

/**
 * The segments qrcode should encode: the whole payload as one byte-mode segment, so the code
 * carries exactly the UTF-8 bytes of the payload (character set 1) and a banking app reads the
 * text back unchanged; `qrcode` would otherwise switch to numeric mode for runs of digits.
 */
export function epcSegments(payload: string): QRCode.QRCodeSegment[] {
  checkEpcPayload(payload);
  return [{ data: new TextEncoder().encode(payload), mode: 'byte' }];
}

/**
 * Checks that a text is an EPC payload (as `epcQrPayload` of `@fact/core` builds it): it starts
 * with the service tag `BCD` and is at most 331 bytes. Throws `INVALID_ARGUMENT` or
 * `PAYLOAD_TOO_LONG` (field `payload`).
 *
 * @example
 * ```ts
 * checkEpcPayload('BCD\n002\n1\nSCT\n\nFact BV\nBE71096123456769\nEUR12.34'); // ok
 * ```
 */
export function checkEpcPayload(payload: string): void {
  if (typeof payload !== 'string' || !payload.startsWith('BCD\n') && !payload.startsWith('BCD\r\n')) {
    fail('INVALID_ARGUMENT', 'payload', 'expected an EPC QR payload starting with "BCD" (build it with epcQrPayload)');
  }
  const bytes = new TextEncoder().encode(payload).length;
  if (bytes > EPC_QR_CODE_RULES.maxPayloadBytes) {
    fail('PAYLOAD_TOO_LONG', 'payload', `${bytes} bytes; EPC069-12 allows at most ${EPC_QR_CODE_RULES.maxPayloadBytes}`);
  }
}

/**
 * Encodes an EPC payload as a QR matrix with error correction level M, refusing a code above
 * version 13 (`PAYLOAD_TOO_LONG`). The PDF renderers draw this matrix as vector squares.
 *
 * @example
 * ```ts
 * const m = epcQrMatrix(epcQrPayload({ name: 'Fact BV', iban: 'BE71096123456769', amount: '12.34' }));
 * m.errorCorrection; // "M"
 * m.version <= 13;   // true
 * ```
 */
export function epcQrMatrix(payload: string): QrMatrix {
  const code = QRCode.create(epcSegments(payload), { errorCorrectionLevel: EPC_QR_CODE_RULES.errorCorrectionLevel });
  if (code.version > EPC_QR_CODE_RULES.maxVersion) {
    fail('PAYLOAD_TOO_LONG', 'payload', `needs QR version ${code.version}; EPC069-12 allows at most ${EPC_QR_CODE_RULES.maxVersion}`);
  }
  return { size: code.modules.size, version: code.version, errorCorrection: 'M', dark: Uint8Array.from(code.modules.data) };
}
