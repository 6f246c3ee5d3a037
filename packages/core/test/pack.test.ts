// Packs @fact/core as npm would publish it, installs the tarball in a scratch project outside
// the workspace, and uses it the way a developer would: from plain Node and from TypeScript.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const coreDir = resolve(import.meta.dirname, '..');
const tsc = resolve(coreDir, 'node_modules/.bin/tsc');
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'fact-core-consumer-'));
  execFileSync('pnpm', ['pack', '--pack-destination', scratch], { cwd: coreDir, stdio: 'pipe' });
  const tarball = readdirSync(scratch).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('pnpm pack produced no tarball');
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `./${tarball}`], {
    cwd: scratch,
    stdio: 'pipe',
  });
}, 240_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('@fact/core as an installed npm package', () => {
  it('ships only the built files, the README and its manifest', () => {
    const files = readdirSync(join(scratch, 'node_modules/@fact/core'));
    expect(files.sort()).toEqual(['README.md', 'dist', 'package.json']);
  });

  it('works from plain Node (ESM)', () => {
    writeFileSync(
      join(scratch, 'use.mjs'),
      [
        "import { money, allocate, addBusinessDays, FactError } from '@fact/core';",
        "const parts = allocate(money('100.00'), [1, 1, 1]).map((m) => m.toFixed(2));",
        "let code = '';",
        "try { money('12,50', 'unitPrice'); } catch (e) { code = e instanceof FactError ? e.code + ' ' + e.field : 'other'; }",
        "console.log(JSON.stringify({ parts, day: addBusinessDays('2025-07-18', 3, 'BE'), code }));",
      ].join('\n'),
    );
    const out = execFileSync('node', ['use.mjs'], { cwd: scratch, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({
      parts: ['33.34', '33.33', '33.33'],
      day: '2025-07-24',
      code: 'INVALID_AMOUNT unitPrice',
    });
  });

  it('type-checks from TypeScript with the published declarations', () => {
    writeFileSync(
      join(scratch, 'use.ts'),
      [
        "import { money, roundCents, type CalendarDate, type Money } from '@fact/core';",
        "const due: CalendarDate = '2025-03-15';",
        "const total: Money = roundCents(money('10.005'));",
        'export const line: string = `${due} ${total.toFixed(2)}`;',
        '// @ts-expect-error money() takes an amount, not a boolean',
        'money(true);',
      ].join('\n'),
    );
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, skipLibCheck: false },
        files: ['use.ts'],
      }),
    );
    const result = spawnSync(tsc, ['-p', 'tsconfig.json'], { cwd: scratch, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
