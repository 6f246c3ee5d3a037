// Every public export carries TSDoc with an @example: it is how a developer learns the library.
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const entry = join(resolve(import.meta.dirname, '..'), 'src', 'index.ts');

function exportsWithoutExample(): string[] {
  const program = ts.createProgram([entry], { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022 });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error('index.ts not found');
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error('index.ts is not a module');
  const missing: string[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const tags = symbol.getJsDocTags(checker);
    const docs = ts.displayPartsToString(symbol.getDocumentationComment(checker));
    if (!tags.some((t) => t.name === 'example') || docs.trim() === '') missing.push(exported.getName());
  }
  return missing.sort();
}

describe('public API documentation', () => {
  it('documents every export with a description and an @example', () => {
    expect(exportsWithoutExample()).toEqual([]);
  }, 60_000);
});
