import { error } from '@sveltejs/kit';
import { isApiFailure, translate } from '$lib/server/errors.js';
import { requireRole } from '$lib/server/roles.js';
import type { RequestHandler } from './$types';

// The signed package of a batch addressed to the user's factor (checked by the API against its
// recorded SHA-256 before it is handed out). Another factor's batch: 404.
export const GET: RequestHandler = async ({ locals, params }) => {
  requireRole(locals.user, 'factor');
  let pkg;
  try {
    pkg = await locals.api.factoring.download({ companyId: params.companyId, batchId: params.batchId });
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
};
