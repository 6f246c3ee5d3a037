import { factVitest } from '@fact/vitest-config';
export default factVitest();
//# sourceMappingURL=vitest.config.js.map