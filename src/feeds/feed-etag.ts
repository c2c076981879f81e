import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Role, type Viewer } from '../shared/viewer';
import type { Language } from '../shared/i18n';
import type { FeedQuery } from './feed-query';
import type { EventFeedSource } from './event-feed-source';

/** The caching headers of one feed or export response. */
export interface FeedValidators {
  etag: string;
  cacheControl: string;
}

/**
 * A weak ETag from everything the body depends on: the format, who asks (the role, and an
 * editor's organiser: they see that organiser's unpublished events), the parsed query
 * parameters (so `?category=A&region=B` and `?region=B&category=A` are one entity), the
 * language, and the selection's version (count and latest updated_at, one aggregate
 * statement; see EventExportService.version). Weak because the bytes are not compared:
 * two renderings of one version are equivalent, and a feed is streamed, so no strong
 * validator could be known before the body is written.
 *
 * That statement was preferred to a global data-version counter bumped by every write: it
 * needs no new table or Redis, cannot be missed by a write path, holds across instances
 * on one database, and a write elsewhere does not invalidate every feed.
 *
 * Public feeds may be stored by anyone for `maxAge` seconds; keyed ones only by the
 * client, revalidating each time (the 304 costs two indexed statements, no rendering).
 */
export async function feedValidators(
  format: string, viewer: Viewer, query: FeedQuery, lang: Language, source: EventFeedSource, maxAge: number,
): Promise<FeedValidators> {
  const { count, lastChange } = await source.version();
  const identity = stableJson({ format, role: viewer.role, organizer: viewer.organizerId, filter: query.filter, lang, count, lastChange });
  const etag = `W/"${createHash('sha256').update(identity).digest('base64url').slice(0, 32)}"`;
  const cacheControl = viewer.role === Role.PUBLIC ? `public, max-age=${maxAge}` : 'private, no-cache';
  return { etag, cacheControl };
}

/** True when the request's If-None-Match names `etag` (weak comparison, RFC 9110 13.1.2) or is `*`. */
export function notModified(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/** JSON with object keys sorted, so equal values give equal text. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
    : v));
}
