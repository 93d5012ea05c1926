/** IPv4 and IPv6 addresses and CIDR blocks for the IpAddress/NotIpAddress operators. */

export interface IpNetwork {
  version: 4 | 6;
  network: bigint;
  prefixLength: number;
}

interface IpValue {
  version: 4 | 6;
  value: bigint;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseIpv4(text: string): bigint | undefined {
  const match = IPV4.exec(text);
  if (!match) return undefined;
  let value = 0n;
  for (let octetIndex = 1; octetIndex <= 4; octetIndex++) {
    const octet = Number(match[octetIndex]);
    if (octet > 255) return undefined;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (half: string): number[] | undefined => {
    if (half === '') return [];
    const groups: number[] = [];
    const pieces = half.split(':');
    for (let index = 0; index < pieces.length; index++) {
      const piece = pieces[index];
      if (index === pieces.length - 1 && piece.includes('.')) {
        const embedded = parseIpv4(piece);
        if (embedded === undefined) return undefined;
        groups.push(Number(embedded >> 16n), Number(embedded & 0xffffn));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
        groups.push(parseInt(piece, 16));
      } else {
        return undefined;
      }
    }
    return groups;
  };
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  return groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

function parseIp(text: string): IpValue | undefined {
  const ipv4 = parseIpv4(text);
  if (ipv4 !== undefined) return { version: 4, value: ipv4 };
  const ipv6 = parseIpv6(text);
  return ipv6 === undefined ? undefined : { version: 6, value: ipv6 };
}

/** Parses `203.0.113.0/24`, `2001:db8::/32` or a bare address (a single-address network). */
export function parseIpNetwork(text: string): IpNetwork | undefined {
  const [addressText, prefixText, ...rest] = text.trim().split('/');
  if (rest.length > 0) return undefined;
  const address = parseIp(addressText);
  if (!address) return undefined;
  const bits = address.version === 4 ? 32 : 128;
  const prefixLength = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefixLength >= 0 && prefixLength <= bits)) return undefined;
  const hostBits = BigInt(bits - prefixLength);
  return { version: address.version, network: (address.value >> hostBits) << hostBits, prefixLength };
}

export function ipInNetwork(ipText: string, network: IpNetwork): boolean {
  const ip = parseIp(ipText.trim());
  if (!ip || ip.version !== network.version) return false;
  const hostBits = BigInt((ip.version === 4 ? 32 : 128) - network.prefixLength);
  return (ip.value >> hostBits) << hostBits === network.network;
}
