import { base } from '@fact/eslint-config';

export default base;
