// A render thread of `renderPool`: receives render jobs, answers with the PDFs (their memory is
// transferred, not copied) or the error.
import { parentPort } from 'node:worker_threads';
import { renderJob, type RenderJob } from './renderer.js';

/** A Uint8Array that owns its whole ArrayBuffer, so the buffer can be transferred. */
function own(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

parentPort!.on('message', (msg: { id: number; job: RenderJob }) => {
  renderJob(msg.job).then(
    (result) => {
      if (!result.ok) return parentPort!.postMessage({ id: msg.id, result });
      const owned = { ...result, letterPdf: own(result.letterPdf), invoicePdfs: result.invoicePdfs.map(own) };
      parentPort!.postMessage({ id: msg.id, result: owned }, [owned.letterPdf.buffer as ArrayBuffer, ...owned.invoicePdfs.map((p) => p.buffer as ArrayBuffer)]);
    },
    (e: Error & { code?: string }) => parentPort!.postMessage({ id: msg.id, error: { message: e.message, code: e.code } }),
  );
});
