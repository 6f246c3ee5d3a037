// Builds the crash child into one ES module with esbuild (the one tsx itself runs on), so each of
// the hundred-odd killed processes starts in about a second instead of transpiling the workspace
// sources again. Workspace packages (@fact/*, their TypeScript sources) are bundled; every npm
// package stays external, imported from its resolved absolute path (native modules, font files).
import { builtinModules, createRequire } from 'node:module';

interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<unknown>;
}
interface ResolveArgs {
  path: string;
  resolveDir: string;
  kind: string;
  pluginData?: unknown;
}
interface PluginBuild {
  onResolve(options: { filter: RegExp }, cb: (args: ResolveArgs) => Promise<{ path: string; external: boolean } | undefined>): void;
  resolve(path: string, options: { resolveDir: string; kind: string; pluginData: unknown }): Promise<{ path: string }>;
}

/**
 * Bundles `entry` to `outfile`.
 *
 * @example
 * ```ts
 * await bundleChild(new URL('./child.ts', import.meta.url).pathname, '/tmp/x/child.mjs');
 * ```
 */
export async function bundleChild(entry: string, outfile: string): Promise<void> {
  const esbuild = createRequire(createRequire(import.meta.url).resolve('tsx'))('esbuild') as EsbuildLike;
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@fact/source'],
    logLevel: 'error',
    plugins: [
      {
        name: 'npm-packages-external',
        setup(b: PluginBuild) {
          b.onResolve({ filter: /^[^./]/ }, async (a) => {
            if (a.path.startsWith('@fact/') || a.pluginData === 'inner') return undefined;
            if (a.path.startsWith('node:') || builtinModules.includes(a.path)) return { path: a.path, external: true };
            const resolved = await b.resolve(a.path, { resolveDir: a.resolveDir, kind: a.kind, pluginData: 'inner' });
            return { path: resolved.path, external: true };
          });
        },
      },
    ],
  });
}
