import { base } from '@fact/eslint-config';

export default [...base, { ignores: ['build/**', '.svelte-kit/**', '**/*.svelte', 'test-results/**'] }];
