import QRCode from 'qrcode';
import { EPC_QR_CODE_RULES, epcQrMatrix, epcSegments } from './epc-qr-matrix.js';

/** Size options of an EPC QR image. */
export interface EpcQrImageOptions {
  /** Quiet zone in modules; 4 is the QR standard minimum and the default. */
  readonly margin?: number;
  /** PNG only: pixels per module (default 8). */
  readonly scale?: number;
}

function qrOptions(payload: string, options: EpcQrImageOptions): QRCode.QRCodeRenderersOptions {
  const { version } = epcQrMatrix(payload); // refuses anything above version 13
  return {
    errorCorrectionLevel: EPC_QR_CODE_RULES.errorCorrectionLevel,
    version,
    margin: options.margin ?? 4,
    scale: options.scale ?? 8,
    color: { dark: '#000000ff', light: '#ffffffff' },
  };
}

/**
 * The EPC QR code ("scan to pay", GiroCode) of a payload as an SVG document: error correction
 * level M, version ≤ 13, byte mode (EPC069-12). Build the payload with `epcQrPayload` of
 * `@fact/core`. Throws `PAYLOAD_TOO_LONG` / `INVALID_ARGUMENT` (field `payload`).
 *
 * @example
 * ```ts
 * const svg = await epcQrSvg(epcQrPayload({ name: 'Fact BV', iban: 'BE71096123456769', amount: '12.34', reference: '+++240/2838/42818+++' }));
 * svg.startsWith('<svg'); // true
 * ```
 */
export async function epcQrSvg(payload: string, options: EpcQrImageOptions = {}): Promise<string> {
  return QRCode.toString(epcSegments(payload), { ...qrOptions(payload, options), type: 'svg' });
}

/**
 * The EPC QR code of a payload as PNG bytes (black on white, 8 pixels per module by default).
 *
 * @example
 * ```ts
 * const png = await epcQrPng(payload, { scale: 4 });
 * await writeFile('pay.png', png);
 * ```
 */
export async function epcQrPng(payload: string, options: EpcQrImageOptions = {}): Promise<Uint8Array> {
  const buffer = await QRCode.toBuffer(epcSegments(payload), { ...qrOptions(payload, options), type: 'png' });
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
