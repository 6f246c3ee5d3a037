// Test helpers: read a QR code back with a real decoder (jsQR), from a PNG or from our SVG.
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Decodes RGBA pixels; returns the raw bytes the code carries, or null. */
export function decodeRgba(rgba: Uint8ClampedArray, width: number, height: number): Uint8Array | null {
  const result = jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' });
  return result ? Uint8Array.from(result.binaryData) : null;
}

/** Decodes a PNG image. */
export function decodePng(png: Uint8Array): Uint8Array | null {
  const image = PNG.sync.read(Buffer.from(png));
  return decodeRgba(new Uint8ClampedArray(image.data), image.width, image.height);
}

/**
 * Rasterises the SVG that `qrcode` writes (a white rect and one path of horizontal runs:
 * `M x y.5 h n m dx dy …`) at `scale` pixels per unit and decodes it. Refuses any other command,
 * so a change of the SVG shape fails the test instead of passing silently.
 */
export function decodeQrSvg(svg: string, scale = 6): Uint8Array | null {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const path = /<path[^>]*stroke="#000000"[^>]*d="([^"]+)"/.exec(svg);
  if (!viewBox || !path?.[1]) throw new Error('unexpected SVG shape');
  const units = Number(viewBox[1]);
  const size = units * scale;
  const rgba = new Uint8ClampedArray(size * size * 4).fill(255);
  let x = 0;
  let y = 0;
  for (const [, command, args] of path[1].matchAll(/([MmHh])([^MmHh]*)/g)) {
    const n = (args ?? '').trim().split(/[\s,]+/).map(Number);
    if (command === 'M' || command === 'm') {
      const [dx = 0, dy = 0] = n;
      x = command === 'M' ? dx : x + dx;
      y = command === 'M' ? dy : y + dy;
    } else if (command === 'h') {
      const [len = 0] = n;
      const row = Math.floor(y);
      for (let px = x * scale; px < (x + len) * scale; px++) {
        for (let py = row * scale; py < (row + 1) * scale; py++) rgba.fill(0, (py * size + px) * 4, (py * size + px) * 4 + 3);
      }
      x += len;
    } else {
      throw new Error(`unexpected SVG path command ${command}`);
    }
  }
  return decodeRgba(rgba, size, size);
}
