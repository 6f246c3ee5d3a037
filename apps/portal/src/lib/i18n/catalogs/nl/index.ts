// Dutch interface texts: the reference catalogue, one file per area of the portal.
import { common } from './common.js';
import { dunning } from './dunning.js';
import { factoring } from './factoring.js';
import { imports } from './imports.js';

export const nl = { ...common, ...dunning, ...imports, ...factoring } as const;
