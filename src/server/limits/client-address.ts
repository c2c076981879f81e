import type { IncomingMessage } from 'node:http';

/**
 * The client's address for per-address rate limits: the socket's peer, or with
 * `trustedProxies` = n > 0 the address the n-th proxy from us saw (X-Forwarded-For is
 * appended to hop by hop, so our own proxy's entry is the last one). Without trusted
 * proxies the header is ignored: anyone can send it.
 */
export function clientAddress(req: IncomingMessage, trustedProxies: number): string {
  const peer = normalise(req.socket.remoteAddress ?? 'unknown');
  if (trustedProxies <= 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (hops.length === 0) return peer;
  return normalise(hops[Math.max(0, hops.length - trustedProxies)]);
}

/** IPv4 peers of a dual-stack socket appear as ::ffff:a.b.c.d; one client, one key. */
function normalise(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
