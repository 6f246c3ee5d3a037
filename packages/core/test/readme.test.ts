// The README's examples are part of the documentation a developer learns from, so they must run
// and print what their comments say. Each ```ts block runs against the sources; the text after
// `// ` on a console.log line (or the comment lines right after a console.log without one) is
// the expected output.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const coreDir = resolve(import.meta.dirname, '..');
const readme = readFileSync(join(coreDir, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
const workDir = join(coreDir, 'test', '.readme-blocks');
const tsx = join(coreDir, 'node_modules', '.bin', 'tsx');

function expectedOutput(code: string): string[] {
  const lines = code.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.includes('console.log(')) continue;
    const trailing = /\);\s*\/\/ (.*)$/.exec(line);
    if (trailing) {
      out.push(trailing[1] ?? '');
      continue;
    }
    for (let j = i + 1; j < lines.length && /^\s*\/\/ /.test(lines[j] ?? ''); j++) {
      out.push((lines[j] ?? '').replace(/^\s*\/\/ /, ''));
    }
  }
  return out;
}

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('README examples', () => {
  it('has examples to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
  });

  it.each(blocks.map((code, i) => [i + 1, code] as const))('block %i prints what its comments say', (i, code) => {
    mkdirSync(workDir, { recursive: true });
    const file = join(workDir, `block-${i}.ts`);
    writeFileSync(file, code.replaceAll("from '@fact/core'", "from '../../src/index.js'"));
    const printed = execFileSync(tsx, [file], { cwd: coreDir, encoding: 'utf8' }).trimEnd().split('\n');
    expect(printed).toEqual(expectedOutput(code));
  });
});
