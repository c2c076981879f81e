// A source URL may carry the credentials of a partner's feed (`https://user:pass@host/…`):
// sync sends them as HTTP basic auth, and nothing it prints, logs or stores in a message
// shows them.

/** The URL with any `user:pass@` replaced by `***@`; text that is no URL is masked the same way where it looks like one. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username === '' && parsed.password === '') return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/^([a-z][a-z0-9+.-]*:\/\/)/i, '$1***@');
  } catch {
    return maskUrlsIn(url);
  }
}

/** A message with the credentials of every URL in it masked (errors of fetch quote the URL they failed on). */
export function maskUrlsIn(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"']*@/gi, '$1***@');
}

/** The URL without its credentials, and the Authorization header they make (null without credentials). */
export function splitCredentials(url: URL): { url: URL; authorization: string | null } {
  if (url.username === '' && url.password === '') return { url, authorization: null };
  const bare = new URL(url.toString());
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  bare.username = '';
  bare.password = '';
  return { url: bare, authorization: `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}` };
}
