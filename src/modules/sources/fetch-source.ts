import { parseMediaType } from '../../shared/media-type';
import { quote } from '../../shared/quote';
import { maskUrl, maskUrlsIn, splitCredentials } from './source-url';

/** Limits of one pull; tests shorten them. */
export interface FetchLimits {
  /** Until the response's headers arrive (connecting included), ms. */
  headersTimeoutMs: number;
  /** For the whole pull, body included, ms. */
  timeoutMs: number;
  /** Largest body read, bytes; a larger one is refused while streaming, never held whole. */
  maxBytes: number;
  /** Redirects followed before giving up. */
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  headersTimeoutMs: 15_000,
  timeoutMs: 60_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
};

/** What a source's server said last time: sent back so an unchanged feed costs a 304. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

/** A pull: the body and its validators, or "not modified". */
export type Fetched =
  | { notModified: true }
  | { notModified: false; body: Buffer; charset: string | null; etag: string | null; lastModified: string | null; url: string };

/** A pull that failed; the message says why in words an operator acts on. */
export class SourceFetchError extends Error {
  override name = 'SourceFetchError';
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Pulls a source over HTTP(S) with node's fetch (undici): conditional (If-None-Match /
 * If-Modified-Since from `validators`), redirects followed by hand so they are counted,
 * the body streamed and refused as soon as it passes the size limit, everything under a
 * deadline. Credentials in the URL (`https://user:pass@host/…`) are sent as HTTP basic
 * auth, to the URL's own origin only (a redirect elsewhere does not get them), and never
 * appear in a message. Throws SourceFetchError for every way it can fail.
 */
export async function fetchSource(
  url: string, validators: Validators | null, limits: FetchLimits = DEFAULT_FETCH_LIMITS,
): Promise<Fetched> {
  const deadline = new AbortController();
  const total = setTimeout(() => deadline.abort(), limits.timeoutMs);
  const shown = maskUrl(url);
  try {
    const first = splitCredentials(new URL(checkedUrl(url)));
    let current = first.url.toString();
    const credentialsFor = (target: string) => (new URL(target).origin === first.url.origin ? first.authorization : null);
    for (let redirects = 0; ; redirects += 1) {
      const response = await headersOf(current, validators, limits, deadline.signal, credentialsFor(current));
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location) throw new SourceFetchError(`${current} answered ${response.status} without a Location to follow`);
        const next = maskUrl(new URL(location, current).toString());
        if (redirects >= limits.maxRedirects) {
          throw new SourceFetchError(`too many redirects: more than ${limits.maxRedirects}, last to ${next}`);
        }
        current = splitCredentials(new URL(checkedUrl(new URL(location, current).toString()))).url.toString();
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        return { notModified: true };
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel();
        throw new SourceFetchError(`${current} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      const body = await bodyOf(response, limits, current);
      return {
        notModified: false,
        body,
        charset: charsetOf(response.headers.get('content-type')),
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
        url: current,
      };
    }
  } catch (err) {
    if (err instanceof SourceFetchError) throw err;
    if (deadline.signal.aborted) throw new SourceFetchError(`${shown} did not answer completely within ${seconds(limits.timeoutMs)}`);
    throw new SourceFetchError(`${shown} could not be read: ${maskUrlsIn(causeOf(err))}`);
  } finally {
    clearTimeout(total);
  }
}

function checkedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SourceFetchError(`${quote(maskUrlsIn(url))} is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new SourceFetchError(`only http and https are pulled, not ${parsed.protocol}`);
  return parsed.toString();
}

async function headersOf(
  url: string, validators: Validators | null, limits: FetchLimits, total: AbortSignal, authorization: string | null,
): Promise<Response> {
  const headers: Record<string, string> = { 'user-agent': 'clustergraph-sync', accept: 'text/calendar, text/csv, application/json, */*;q=0.5' };
  if (authorization) headers.authorization = authorization;
  if (validators?.etag) headers['if-none-match'] = validators.etag;
  if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
  const first = new AbortController();
  const timer = setTimeout(() => first.abort(), limits.headersTimeoutMs);
  try {
    return await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.any([total, first.signal]) });
  } catch (err) {
    if (first.signal.aborted && !total.aborted) throw new SourceFetchError(`${url} did not answer within ${seconds(limits.headersTimeoutMs)}`);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

async function bodyOf(response: Response, limits: FetchLimits, url: string): Promise<Buffer> {
  const tooLarge = () => new SourceFetchError(`${url} is larger than the limit of ${megabytes(limits.maxBytes)}; nothing was imported`);
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limits.maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

/** The charset parameter of a Content-Type, lower case, or null. */
export function charsetOf(contentType: string | null): string | null {
  return parseMediaType(contentType)?.parameters.get('charset')?.toLowerCase() ?? null;
}

function causeOf(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${bytes} bytes`;
}
