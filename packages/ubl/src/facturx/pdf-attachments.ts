import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FacturXError } from './errors.js';

/** A file embedded in a PDF (the catalog's `EmbeddedFiles` name tree). */
export interface PdfAttachment {
  readonly name: string;
  readonly size: number;
  /** The decoded bytes, for `.xml` files within the size limit; null otherwise. */
  readonly content: Uint8Array | null;
}

/** Options of {@link pdfAttachments}. */
export interface PdfAttachmentOptions {
  /** Largest embedded XML handed back, in bytes. */
  readonly maxXmlBytes: number;
  /** Time limit for reading the PDF, in milliseconds. */
  readonly timeoutMs: number;
}

type WorkerAnswer =
  | { kind: 'ok'; files: { name: string; size: number; content: Uint8Array | null }[] }
  | { kind: 'encrypted' | 'unreadable'; message: string };

// pdf.js runs in a worker thread: a hostile PDF (a compression bomb, a pathological structure)
// costs that thread only, which is terminated at the time limit. pdf.js's own "fake worker" is
// loaded in the same thread (globalThis.pdfjsWorker), as its Node documentation describes.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
async function read() {
  globalThis.pdfjsWorker = await import(workerData.workerUrl);
  const { getDocument } = await import(workerData.libraryUrl);
  const task = getDocument({ data: workerData.bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    return { kind: e && e.name === 'PasswordException' ? 'encrypted' : 'unreadable', message: String((e && e.message) || e) };
  }
  const { info } = await doc.getMetadata();
  if (info && info.EncryptFilterName) return { kind: 'encrypted', message: 'the document is encrypted (' + info.EncryptFilterName + ')' };
  const found = (await doc.getAttachments()) || {};
  const files = Object.values(found).map((a) => {
    const size = a.content ? a.content.length : 0;
    const wanted = a.content && /\\.xml$/i.test(a.filename) && size <= workerData.maxXmlBytes;
    return { name: a.filename, size, content: wanted ? new Uint8Array(a.content) : null };
  });
  await task.destroy();
  return { kind: 'ok', files };
}
read().then(
  (answer) => parentPort.postMessage(answer, answer.files ? answer.files.filter((f) => f.content).map((f) => f.content.buffer) : []),
  (e) => parentPort.postMessage({ kind: 'unreadable', message: String((e && e.message) || e) }),
);
`;

let urls: { libraryUrl: string; workerUrl: string } | undefined;
function pdfjsUrls() {
  if (!urls) {
    const require = createRequire(import.meta.url);
    urls = {
      libraryUrl: pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href,
      workerUrl: pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href,
    };
  }
  return urls;
}

// At most two PDFs are read at once: each may hold a few hundred MiB until its time limit.
const MAX_PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function readInWorker(bytes: Uint8Array, options: PdfAttachmentOptions): Promise<WorkerAnswer> {
  return new Promise((resolve, reject) => {
    const copy = bytes.slice();
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { ...pdfjsUrls(), bytes: copy, maxXmlBytes: options.maxXmlBytes },
      transferList: [copy.buffer],
      resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 },
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => reject(new FacturXError('PDF_TIMEOUT', `reading the PDF took longer than ${options.timeoutMs} ms; it was stopped`))), options.timeoutMs);
    worker.once('message', (answer: WorkerAnswer) => finish(() => resolve(answer)));
    worker.once('error', (error) => finish(() => reject(new FacturXError('PDF_UNREADABLE', `the PDF could not be read (${error.message})`, { cause: error }))));
    worker.once('exit', (code) => finish(() => reject(new FacturXError('PDF_UNREADABLE', `the PDF reader stopped (exit code ${code})`))));
  });
}

/**
 * The files embedded in a PDF, read with pdf.js (Mozilla's PDF reader: repairs broken
 * cross-reference tables, decodes every stream filter) in a worker thread with a time limit.
 * An encrypted PDF is refused (`PDF_ENCRYPTED`), a broken one too (`PDF_UNREADABLE`).
 *
 * @example
 * ```ts
 * const files = await pdfAttachments(pdf, { maxXmlBytes: 20 * 1024 * 1024, timeoutMs: 5000 });
 * files.map((f) => f.name); // ["factur-x.xml"]
 * ```
 */
export async function pdfAttachments(bytes: Uint8Array, options: PdfAttachmentOptions): Promise<PdfAttachment[]> {
  const answer = await slot(() => readInWorker(bytes, options));
  if (answer.kind !== 'ok') {
    throw answer.kind === 'encrypted'
      ? new FacturXError('PDF_ENCRYPTED', `the PDF is encrypted or password protected, which PDF/A-3 (Factur-X) does not allow: ${answer.message}`)
      : new FacturXError('PDF_UNREADABLE', `the PDF could not be read: ${answer.message}`);
  }
  return answer.files.map((f) => ({ name: f.name, size: f.size, content: f.content }));
}
