import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

/** Functions of node:fs (and fs.promises) that change the file system. */
const WRITERS = [
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync',
  'rename', 'renameSync', 'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'copyFile', 'copyFileSync',
  'cp', 'cpSync', 'truncate', 'truncateSync', 'createWriteStream', 'symlink', 'symlinkSync', 'link', 'linkSync',
  'chmod', 'chmodSync', 'utimes', 'utimesSync', 'write', 'writeSync', 'writev', 'writevSync',
] as const;
const PROMISE_WRITERS = ['writeFile', 'appendFile', 'mkdir', 'mkdtemp', 'rename', 'unlink', 'rm', 'rmdir', 'copyFile', 'cp', 'truncate', 'symlink', 'link', 'chmod', 'utimes'] as const;

/** A watch on file-system writes, armed only around the code under test. */
export interface WriteWatch {
  /** Runs `fn` with the watch armed and returns its result. */
  during<T>(fn: () => T): T;
  /** The writes seen while armed: `fs.writeFileSync(/tmp/x)`. */
  readonly calls: readonly string[];
  /** Puts the original functions back. */
  restore(): void;
}

/**
 * Replaces the writing functions of node:fs and node:fs/promises with counting wrappers (and
 * updates the ES-module bindings with `syncBuiltinESMExports`, so `import { writeFileSync }`
 * sees them too). Writes still happen; they are recorded only while `during()` runs, so the
 * test runner's own files do not count. Opening a file for writing (`open` with a `w`/`a`
 * flag) counts as a write.
 *
 * @example
 * ```ts
 * const watch = watchFileWrites();
 * watch.during(() => parseUbl(bytes));
 * watch.restore();
 * expect(watch.calls).toEqual([]);
 * ```
 */
export function watchFileWrites(): WriteWatch {
  const calls: string[] = [];
  let armed = false;
  const restores: (() => void)[] = [];
  const wrap = (target: Record<string, unknown>, name: string, label: string, isWrite: (args: unknown[]) => boolean = () => true) => {
    const original = target[name];
    if (typeof original !== 'function') return;
    const wrapped = function (this: unknown, ...args: unknown[]) {
      if (armed && isWrite(args)) calls.push(`${label}(${String(args[0])})`);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
    target[name] = wrapped;
    restores.push(() => {
      target[name] = original;
    });
  };
  const writesFlag = (args: unknown[]) => typeof args[1] === 'string' && /[wa+]/.test(args[1]);
  const mutableFs = fs as unknown as Record<string, unknown>;
  const mutablePromises = fs.promises as unknown as Record<string, unknown>;
  for (const name of WRITERS) wrap(mutableFs, name, `fs.${name}`);
  for (const name of ['open', 'openSync']) wrap(mutableFs, name, `fs.${name}`, writesFlag);
  for (const name of [...PROMISE_WRITERS, 'open']) wrap(mutablePromises, name, `fs.promises.${name}`, name === 'open' ? writesFlag : () => true);
  syncBuiltinESMExports();
  return {
    during(fn) {
      armed = true;
      try {
        return fn();
      } finally {
        armed = false;
      }
    },
    calls,
    restore() {
      for (const undo of restores.reverse()) undo();
      syncBuiltinESMExports();
    },
  };
}
