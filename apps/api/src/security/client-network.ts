import { isIP } from 'node:net';

/**
 * The network a client address stands for in every per-address count: an IPv4 address itself,
 * an IPv6 address as its /64 (one household or server gets a whole /64, so counting single
 * addresses would give it 2^64 tries). IPv4-mapped IPv6 is read as IPv4. Not an address: as given.
 */
export function clientNetwork(address: string): string {
  const plain = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
  if (mapped) return mapped[1]!;
  if (isIP(plain) !== 6) return address;
  return `${expandIpv6(plain).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, in lower case and without leading zeros. */
function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const toHex = (part: string): string[] => {
    // An embedded IPv4 tail (::ffff:1.2.3.4 forms other than the mapped one) is two groups.
    if (!part.includes('.')) return [part];
    const [a = 0, b = 0, c = 0, d = 0] = part.split('.').map(Number);
    return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
  };
  const left = groups(head).flatMap(toHex);
  const right = tail === undefined ? [] : groups(tail).flatMap(toHex);
  const zeros =
    tail === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16).toString(16));
}
