/**
 * This computer and the reader's own network, by host name. Two rules lean on it: sync may use
 * plain http only there (the password never crosses the internet in clear), and a page read
 * from the internet (a feed, its redirects, an article's images) may not lead there (a public
 * feed must not make Glossa read, and import, a router's or an intranet's pages). Only literal
 * addresses and local names are recognised: a public name that resolves to a private address is
 * beyond what an extension can see. Host names come from `URL`, which has already turned every
 * spelling of an IPv4 address (`0x7f.1`, `2130706433`) into dotted decimal and compressed IPv6.
 */

/** Name endings that only ever mean a local network (RFC 6761, 6762, 8375; ICANN's `.internal`; common router defaults). */
const LOCAL_SUFFIXES = ['.localhost', '.local', '.internal', '.home.arpa', '.lan', '.home', '.corp', '.intranet'];

/**
 * Whether `hostname` is this computer or a private network: loopback and "this host" (127/8,
 * 0/8, ::1, ::, `localhost`), RFC 1918 (10/8, 172.16/12, 192.168/16), shared address space
 * (100.64/10: carrier NAT and mesh VPNs), link-local (169.254/16, fe80::/10), unique local IPv6
 * (fc00::/7), IPv4 written as IPv6 (::ffff:a.b.c.d), single-label names (`router`, `nas`: an
 * intranet's, since no public site has one) and local name endings. A trailing dot changes
 * nothing (`localhost.` is `localhost`).
 */
export function isLocalNetworkHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (host.includes(':')) return isLocalIPv6(host);
  const v4 = ipv4(host);
  if (v4) return isLocalIPv4(v4);
  if (host === '' || !host.includes('.')) return true;
  return LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

/** The four bytes of a dotted-decimal address, or null. */
function ipv4(host: string): number[] | null {
  const parts = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!parts) return null;
  const bytes = parts.slice(1).map(Number);
  return bytes.every((b) => b <= 255) ? bytes : null;
}

function isLocalIPv4([a = 0, b = 0]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a dotted IPv4 tail read), or null. */
function ipv6Groups(host: string): number[] | null {
  let text = host;
  const tail = /(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(text);
  if (tail?.[1]) {
    const v4 = ipv4(tail[1]);
    if (!v4) return null;
    const [a = 0, b = 0, c = 0, d = 0] = v4;
    text = `${text.slice(0, -tail[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const read = (s: string | undefined) => (s ? s.split(':') : []);
  const head = read(halves[0]);
  const rest = read(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill('0'), ...rest];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => Number.parseInt(g, 16));
}

function isLocalIPv6(host: string): boolean {
  const g = ipv6Groups(host);
  if (!g) return false;
  const [first = 0] = g;
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
  // :: and ::1.
  if (zeros(7) && (g[7] === 0 || g[7] === 1)) return true;
  if ((first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80) return true;
  // IPv4-mapped (::ffff:a.b.c.d) and the old IPv4-compatible form (::a.b.c.d).
  if (zeros(5) && (g[5] === 0xffff || g[5] === 0)) {
    const [hi = 0, lo = 0] = g.slice(6);
    return isLocalIPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  }
  return false;
}
