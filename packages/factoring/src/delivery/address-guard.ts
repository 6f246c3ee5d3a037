// Keeps pushes to a factor's endpoint (a URL a user typed) away from the server's own network:
// loopback, private and link-local ranges (incl. the cloud metadata address 169.254.169.254),
// CGNAT, multicast and unspecified addresses are refused unless the operator allows private
// targets (FACT_PUSH_ALLOW_PRIVATE=1). Checked on the literal host and, at push time, on every
// address DNS returns, inside the `lookup` the connection uses, so the address checked is the
// address connected to (a DNS answer that changes between check and connect cannot slip past).
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

type Range = readonly [network: string, prefix: number];

/** The ranges refused, by the reason given. IPv4 ranges are also refused as IPv4-mapped IPv6 (::ffff:a.b.c.d). */
const BLOCKED: readonly { reason: string; v4?: readonly Range[]; v6?: readonly Range[] }[] = [
  { reason: 'loopback', v4: [['127.0.0.0', 8]], v6: [['::1', 128]] },
  { reason: 'unspecified', v4: [['0.0.0.0', 8]], v6: [['::', 128]] },
  { reason: 'private (RFC 1918)', v4: [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16]] },
  { reason: 'private (unique local fc00::/7)', v6: [['fc00::', 7]] },
  { reason: 'link-local (incl. cloud metadata 169.254.169.254)', v4: [['169.254.0.0', 16]], v6: [['fe80::', 10]] },
  { reason: 'shared address space (CGNAT 100.64.0.0/10)', v4: [['100.64.0.0', 10]] },
  { reason: 'multicast', v4: [['224.0.0.0', 4]], v6: [['ff00::', 8]] },
  { reason: 'reserved or broadcast', v4: [['240.0.0.0', 4]] },
];

const LISTS = BLOCKED.map(({ reason, v4 = [], v6 = [] }) => {
  const list = new BlockList();
  for (const [net, prefix] of v4) {
    list.addSubnet(net, prefix, 'ipv4');
    list.addSubnet(`::ffff:${net}`, 96 + prefix, 'ipv6');
  }
  for (const [net, prefix] of v6) list.addSubnet(net, prefix, 'ipv6');
  return { reason, list };
});

/**
 * Why an IP address may not be pushed to, or null when it is a public address. Not an IP: null.
 *
 * @example
 * ```ts
 * blockedAddressReason('169.254.169.254'); // "link-local (incl. cloud metadata 169.254.169.254)"
 * blockedAddressReason('::ffff:10.0.0.1'); // "private (RFC 1918)"
 * blockedAddressReason('93.184.216.34'); // null
 * ```
 */
export function blockedAddressReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) return null;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  return LISTS.find(({ list }) => list.check(bare, type))?.reason ?? null;
}

/** A push endpoint refused by the guard: names the URL, the address and why. */
export class BlockedTargetError extends Error {
  override readonly name = 'BlockedTargetError';
}

const HINT = 'set FACT_PUSH_ALLOW_PRIVATE=1 only if the factor really is on a private network';

/**
 * The configuration-time check of an endpoint URL (no DNS): why it is refused, or null. Refuses
 * what is not https, a literal IP in a blocked range, and names that are always local
 * (`localhost`, `*.localhost`). Names resolving to a blocked address are caught at push time.
 *
 * @example
 * ```ts
 * endpointUrlProblem('https://10.0.0.5/intake', { allowPrivate: false });
 * // "https://10.0.0.5/intake is refused: 10.0.0.5 is a private (RFC 1918) address (set FACT_PUSH_ALLOW_PRIVATE=1 …)"
 * ```
 */
export function endpointUrlProblem(url: string, options: { allowPrivate: boolean }): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${url} is not a URL`;
  }
  if (parsed.protocol !== 'https:') return `${url} is refused: only https:// endpoints are allowed`;
  if (parsed.username || parsed.password) return `${url} is refused: credentials do not belong in the URL (the push is signed with the shared secret)`;
  if (options.allowPrivate) return null;
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return `${url} is refused: ${host} is a loopback name (${HINT})`;
  const reason = blockedAddressReason(host);
  return reason ? `${url} is refused: ${host} is a ${reason} address (${HINT})` : null;
}

/**
 * A `lookup` for node:https that resolves the host as usual, then refuses the connection when any
 * address returned is blocked; the connection goes to the addresses checked here.
 *
 * @example
 * ```ts
 * https.request(url, { lookup: guardedLookup(url.href) });
 * ```
 */
export function guardedLookup(url: string, base: LookupFunction = dnsLookup as LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    base(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = (Array.isArray(addresses) ? addresses : [{ address: addresses, family: isIP(addresses) }]) as LookupAddress[];
      if (list.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      for (const { address } of list) {
        const reason = blockedAddressReason(address);
        if (reason) return callback(new BlockedTargetError(`push to ${url} refused: ${hostname} resolves to ${address}, a ${reason} address (${HINT})`), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/**
 * The push-time check of a literal IP host (node does not call `lookup` for those): the refusal, or null.
 *
 * @example
 * ```ts
 * literalTargetProblem(new URL('https://127.0.0.1:8443/x')); // "push to https://127.0.0.1:8443/x refused: …loopback…"
 * ```
 */
export function literalTargetProblem(url: URL): string | null {
  const reason = blockedAddressReason(url.hostname);
  return reason ? `push to ${url.href} refused: ${url.hostname.replace(/^\[|\]$/g, '')} is a ${reason} address (${HINT})` : null;
}
