import { load404 } from '$lib/server/errors.js';
import { requireRole } from '$lib/server/roles.js';
import type { PageServerLoad } from './$types';

/** One batch addressed to the user's factor; any other batch is a page that does not exist (404). */
export const load: PageServerLoad = async ({ locals, params }) => {
  requireRole(locals.user, 'factor');
  const batch = await load404(locals.api.factoring.batch({ companyId: params.companyId, batchId: params.batchId }));
  const key = batch.keyId ? await load404(locals.api.factoring.publicKey({ companyId: params.companyId, keyId: batch.keyId })) : null;
  return { companyId: params.companyId, batch, publicKeyPem: key?.publicKeyPem ?? null };
};
