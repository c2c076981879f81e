/** Error codes that mean "the database named by DATABASE_URL cannot be used as given". */
const CONNECTION_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset',
  '28P01': 'password authentication failed',
  '28000': 'authentication refused',
  '3D000': 'database does not exist',
  '57P03': 'the server is starting up or shutting down',
  SQLITE_CANTOPEN: 'cannot open the file',
  EACCES: 'permission denied',
  ENOENT: 'no such directory',
  EROFS: 'read-only file system',
  ENOTDIR: 'a part of the path is not a directory',
};

/** The URL without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  }
}

/**
 * One line saying why a database could not be opened, when the cause is the deployment's
 * (unreachable host, wrong password, missing database, unwritable SQLite path), or null
 * for anything else (a failing migration is a bug to show in full). Never the password.
 */
export function describeOpenFailure(err: unknown, url: string): string | null {
  const e = err as { code?: unknown; errors?: { code?: unknown }[]; message?: unknown };
  // An AggregateError (IPv4 and IPv6 both refused) carries the codes in `errors`.
  const code = typeof e?.code === 'string' ? e.code : typeof e?.errors?.[0]?.code === 'string' ? (e.errors[0].code as string) : '';
  const message = typeof e?.message === 'string' ? e.message : '';
  let reason = CONNECTION_CODES[code];
  if (!reason && /timeout/i.test(message) && /connect/i.test(message)) reason = 'connection timed out';
  if (!reason) return null;
  const kind = url.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
  const detail = message && !message.includes('\n') ? ` (${message})` : '';
  return `DATABASE_URL: cannot open ${kind} at ${redactedUrl(url)}: ${reason}${detail}`;
}
