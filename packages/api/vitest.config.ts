import { factVitest } from '@fact/vitest-config';

const config = factVitest();

export default config;
