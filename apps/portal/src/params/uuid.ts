import type { ParamMatcher } from '@sveltejs/kit';

/** Record ids are UUIDs; anything else in the URL is a 404 before any lookup. */
export const match: ParamMatcher = (param) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(param);
