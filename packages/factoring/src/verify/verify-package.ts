import type { KeyObject } from 'node:crypto';
import { Dec, ZERO } from '@fact/core';
import { fail } from '../input/fail.js';
import { manifestSchemaV1, type ManifestV1 } from '../package/manifest-schema.js';
import { PACKAGE_FILES } from '../package/paths.js';
import { keyId, verifyBytes } from '../package/signing.js';
import { digestZip, type ZipEntryDigest } from './read-zip.js';

/** One thing wrong with a package, naming the file concerned. */
export type PackageProblem =
  | { readonly kind: 'unreadable'; readonly message: string }
  | { readonly kind: 'missing-file'; readonly path: string; readonly message: string }
  | { readonly kind: 'extra-file'; readonly path: string; readonly message: string }
  | { readonly kind: 'duplicate-file'; readonly path: string; readonly message: string }
  | { readonly kind: 'checksum-mismatch'; readonly path: string; readonly expected: string; readonly actual: string; readonly message: string }
  | { readonly kind: 'invalid-manifest'; readonly message: string }
  | { readonly kind: 'bad-signature'; readonly message: string }
  | { readonly kind: 'totals-mismatch'; readonly field: string; readonly message: string };

/** The verdict on a package: `ok` only when there are no problems. */
export interface PackageVerification {
  readonly ok: boolean;
  readonly problems: readonly PackageProblem[];
  /** The manifest when it could be read (even if the signature fails). */
  readonly manifest?: ManifestV1;
}

function checkTotals(m: ManifestV1): PackageProblem[] {
  const sum = (pick: (l: ManifestV1['invoices'][number]) => string) => m.invoices.reduce((s, l) => s.plus(pick(l)), ZERO).toFixed(2);
  const expected: [string, string, string][] = [
    ['outstanding', m.totals.outstanding, sum((l) => l.outstanding)],
    ['eligible', m.totals.eligible, sum((l) => l.eligibleAmount)],
    ['advance', m.totals.advance, sum((l) => l.advanceAmount)],
    ['fee', m.totals.fee, sum((l) => l.feeAmount)],
    ['payout', m.totals.payout, new Dec(m.totals.advance).minus(m.totals.fee).toFixed(2)],
  ];
  const problems: PackageProblem[] = expected
    .filter(([, stated, computed]) => stated !== computed)
    .map(([field, stated, computed]) => ({ kind: 'totals-mismatch', field: `totals.${field}`, message: `manifest.json: totals.${field} is ${stated} but the invoices add up to ${computed}` }));
  if (m.totals.invoiceCount !== m.invoices.length) {
    problems.push({ kind: 'totals-mismatch', field: 'totals.invoiceCount', message: `manifest.json: totals.invoiceCount is ${m.totals.invoiceCount} but it lists ${m.invoices.length} invoices` });
  }
  return problems;
}

function parseManifest(entry: ZipEntryDigest | undefined): { manifest?: ManifestV1; problem?: PackageProblem } {
  if (!entry?.content) return { problem: { kind: 'missing-file', path: PACKAGE_FILES.manifest, message: 'manifest.json: missing' } };
  let json: unknown;
  try {
    json = JSON.parse(entry.content.toString('utf8'));
  } catch (e) {
    return { problem: { kind: 'invalid-manifest', message: `manifest.json: not JSON (${(e as Error).message})` } };
  }
  const parsed = manifestSchemaV1.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: { kind: 'invalid-manifest', message: `manifest.json: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` } };
  }
  return { manifest: parsed.data };
}

/**
 * Checks a factoring package against the firm's public key: the manifest's Ed25519 signature,
 * the manifest against schema version 1, every file's SHA-256 and size against the manifest,
 * `sha256sums.txt` against the files, no missing, extra or duplicate file, and totals that add up.
 * Every problem names the file (`invoices/F-1.pdf: SHA-256 is …, the manifest says …`). A key
 * that is not a PEM public key throws `INVALID_ARGUMENT` (field `publicKey`).
 *
 * @example
 * ```ts
 * const v = await verifyFactoringPackage('B-42.zip', publicKeyPem);
 * if (!v.ok) for (const p of v.problems) console.error(p.message);
 * ```
 */
export async function verifyFactoringPackage(zipPath: string | Uint8Array, publicKey: string | KeyObject): Promise<PackageVerification> {
  try {
    keyId(publicKey);
  } catch (e) {
    fail('INVALID_ARGUMENT', 'publicKey', `not an Ed25519 public key in PEM form (${(e as Error).message})`);
  }
  let entries: ZipEntryDigest[];
  try {
    entries = await digestZip(zipPath, new Set([PACKAGE_FILES.manifest, PACKAGE_FILES.signature, PACKAGE_FILES.checksums]));
  } catch (e) {
    return { ok: false, problems: [{ kind: 'unreadable', message: `${typeof zipPath === 'string' ? zipPath : 'the package'}: not a readable ZIP (${(e as Error).message})` }] };
  }
  const problems: PackageProblem[] = [];
  const byPath = new Map<string, ZipEntryDigest>();
  for (const e of entries) {
    if (byPath.has(e.path)) problems.push({ kind: 'duplicate-file', path: e.path, message: `${e.path}: appears twice in the archive` });
    byPath.set(e.path, e);
  }
  const { manifest, problem } = parseManifest(byPath.get(PACKAGE_FILES.manifest));
  if (problem) problems.push(problem);

  const signature = byPath.get(PACKAGE_FILES.signature)?.content;
  const manifestBytes = byPath.get(PACKAGE_FILES.manifest)?.content;
  if (!signature) problems.push({ kind: 'missing-file', path: PACKAGE_FILES.signature, message: 'manifest.sig: missing, so the manifest cannot be trusted' });
  else if (manifestBytes && !verifyBytes(manifestBytes, signature.toString('utf8'), publicKey)) {
    const given = keyId(publicKey);
    const named = manifest?.signature.keyId;
    const why = named && named !== given ? `the manifest names key ${named}, the key given is ${given}` : 'the manifest or the signature was changed after signing';
    problems.push({ kind: 'bad-signature', message: `manifest.sig: the signature over manifest.json does not verify (${why})` });
  }

  if (manifest) {
    const listed = new Set<string>([PACKAGE_FILES.manifest, PACKAGE_FILES.signature, PACKAGE_FILES.checksums]);
    for (const f of manifest.files) {
      listed.add(f.path);
      const actual = byPath.get(f.path);
      if (!actual) problems.push({ kind: 'missing-file', path: f.path, message: `${f.path}: listed in the manifest but missing from the package` });
      else if (actual.sha256 !== f.sha256 || actual.bytes !== f.bytes) {
        problems.push({ kind: 'checksum-mismatch', path: f.path, expected: f.sha256, actual: actual.sha256, message: `${f.path}: SHA-256 is ${actual.sha256}, the manifest says ${f.sha256} (the file was changed)` });
      }
    }
    for (const e of entries) if (!listed.has(e.path)) problems.push({ kind: 'extra-file', path: e.path, message: `${e.path}: in the package but not in the manifest` });
    problems.push(...checkTotals(manifest));
  }

  const sums = byPath.get(PACKAGE_FILES.checksums)?.content;
  if (!sums) problems.push({ kind: 'missing-file', path: PACKAGE_FILES.checksums, message: 'sha256sums.txt: missing' });
  else {
    for (const line of sums.toString('utf8').split('\n').filter(Boolean)) {
      const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
      const actual = m ? byPath.get(m[2] ?? '') : undefined;
      if (m && actual && actual.sha256 !== m[1] && !problems.some((p) => 'path' in p && p.path === m[2])) {
        problems.push({ kind: 'checksum-mismatch', path: m[2] ?? '', expected: m[1] ?? '', actual: actual.sha256, message: `${m[2]}: SHA-256 is ${actual.sha256}, sha256sums.txt says ${m[1]}` });
      }
    }
  }
  return { ok: problems.length === 0, problems, ...(manifest ? { manifest } : {}) };
}

/**
 * The manifest of a package without checking it (the caller already trusts the bytes, e.g. a
 * stored package whose SHA-256 it recorded). Not a package, or no valid manifest: FactError
 * INVALID_ARGUMENT naming what is wrong.
 *
 * @example
 * ```ts
 * const manifest = await readPackageManifest(zipBytes);
 * manifest.signature.keyId; // the key that signed it
 * ```
 */
export async function readPackageManifest(source: string | Uint8Array): Promise<ManifestV1> {
  let entries: ZipEntryDigest[];
  try {
    entries = await digestZip(source, new Set([PACKAGE_FILES.manifest]));
  } catch (e) {
    return fail('INVALID_ARGUMENT', 'package', `not a readable ZIP (${(e as Error).message})`);
  }
  const { manifest, problem } = parseManifest(entries.find((e) => e.path === PACKAGE_FILES.manifest));
  if (!manifest) return fail('INVALID_ARGUMENT', 'package', problem?.message ?? 'no manifest');
  return manifest;
}
