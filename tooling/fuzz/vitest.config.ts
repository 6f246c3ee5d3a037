import { factVitest } from '@fact/vitest-config';

export default factVitest();
