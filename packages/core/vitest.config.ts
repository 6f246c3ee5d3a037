import { factVitest } from '@fact/vitest-config';

export default factVitest({
  test: {
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.test.ts', 'src/**/test-support/**'],
      thresholds: { lines: 95 },
    },
  },
});
