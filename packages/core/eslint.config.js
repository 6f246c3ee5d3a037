import { core } from '@fact/eslint-config';

export default core;
