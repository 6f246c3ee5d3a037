import { packageDownload } from '$lib/server/factoring-package.js';
import { requireRole } from '$lib/server/roles.js';
import type { RequestHandler } from './$types';

// The package of a batch addressed to the user's factor. Another factor's batch: 404.
export const GET: RequestHandler = async ({ locals, params }) => {
  requireRole(locals.user, 'factor');
  return packageDownload(locals.api, params);
};
