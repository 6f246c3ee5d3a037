import { packageDownload } from '$lib/server/factoring-package.js';
import type { RequestHandler } from './$types';

// The package of one of the company's factoring batches, as the factor receives it.
export const GET: RequestHandler = ({ locals, params }) => packageDownload(locals.api, params);
