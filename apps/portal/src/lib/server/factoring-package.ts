import { error } from '@sveltejs/kit';
import type { Api } from './api.js';
import { isApiFailure, translate } from './errors.js';

/**
 * The signed package of a factoring batch as a download: the ZIP the factor receives, checked by
 * the API against its recorded SHA-256 before it is handed out. Another tenant's batch is a 404
 * (the API's NOT_FOUND); a package that no longer matches its checksum is a 409.
 *
 * @example
 * ```ts
 * export const GET: RequestHandler = ({ locals, params }) => packageDownload(locals.api, params);
 * ```
 */
export async function packageDownload(api: Api, params: { companyId: string; batchId: string }): Promise<Response> {
  let pkg;
  try {
    pkg = await api.factoring.download({ companyId: params.companyId, batchId: params.batchId });
  } catch (e) {
    if (isApiFailure(e) && e.code === 'PRECONDITION_FAILED') error(409, e.message);
    throw translate(e);
  }
  const bytes = Buffer.from(pkg.contentBase64, 'base64');
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': pkg.mediaType,
      'content-length': String(bytes.length),
      'content-disposition': `attachment; filename="${pkg.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      'x-content-sha256': pkg.sha256,
      'cache-control': 'private, no-store',
    },
  });
}
