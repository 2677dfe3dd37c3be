/**
 * This computer and the reader's own network, by host name. Two rules lean on it: sync may use
 * plain http only there (the password never crosses the internet in clear), and a feed read
 * from the internet may not redirect there (a public feed must not make Glossa read, and
 * import, a router's or an intranet's pages). Only literal addresses and local names are
 * recognised: a public name that resolves to a private address is beyond what an extension
 * can see.
 */

/**
 * Whether `hostname` is this computer or a private network: loopback (127/8, ::1, `localhost`),
 * RFC 1918 (10/8, 172.16/12, 192.168/16), link-local (169.254/16, fe80::/10), unique local
 * IPv6 (fc00::/7) and mDNS names (`*.local`). Only there may sync use plain http.
 */
export function isLocalNetworkHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true;
  if (host === '::1') return true;
  if (/^f[cd][0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host)) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!v4) return false;
  const [a, b] = [Number(v4[1]), Number(v4[2])];
  return (
    a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)
  );
}
