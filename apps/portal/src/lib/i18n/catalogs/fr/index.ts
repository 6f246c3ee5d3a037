// French (fr-BE) interface texts, one file per area of the portal.
import type { Messages } from '../../messages.js';
import { common } from './common.js';
import { dunning } from './dunning.js';
import { factoring } from './factoring.js';
import { imports } from './imports.js';

export const fr: Messages = { ...common, ...dunning, ...imports, ...factoring };
