import type { IncomingMessage, ServerResponse } from 'node:http';
import { BadUserInputError } from '../shared/errors';
import { languageFromAcceptHeader } from '../shared/i18n';
import { parseFeedQuery, type FeedQuery } from '../feeds/feed-query';
import { STATS_ASSET_PREFIX, StatsNotBuiltError, statsAssets } from './stats-assets';
import { STATS_CSP, statsPage } from './stats-page';
import { serveHashedAsset } from '../shared/static-assets';

/**
 * Serves `GET /stats` (the statistics page) and `/stats/<version>/<file>` (its script and
 * stylesheet, from memory). Answers false, having sent nothing, for any other path. The
 * page takes the feeds' query parameters, checked by the feeds' parser and then by
 * `checkFilter` (the feeds' own check against the database: unknown region, campaign, …):
 * a bad one is a 400 in plain text, as for /feeds/events.ics. The page holds no data: its
 * script fetches everything from /graphql, with the user's API key if they give one.
 */
export async function serveStatsPage(
  req: IncomingMessage, res: ServerResponse, path: string, checkFilter: (query: FeedQuery) => Promise<void>,
): Promise<boolean> {
  if (path !== '/stats' && !path.startsWith(STATS_ASSET_PREFIX)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    plain(res, 405, 'Only GET and HEAD are supported here.', { allow: 'GET, HEAD' });
    return true;
  }
  try {
    if (path === '/stats') await servePage(req, res, checkFilter);
    else await serveHashedAsset(req, res, path, statsAssets());
  } catch (err) {
    if (!(err instanceof StatsNotBuiltError)) throw err;
    plain(res, 503, `The statistics page is not built: ${err.message}.`);
  }
  return true;
}

async function servePage(req: IncomingMessage, res: ServerResponse, checkFilter: (query: FeedQuery) => Promise<void>): Promise<void> {
  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  let html: string;
  try {
    const query = parseFeedQuery(params);
    await checkFilter(query);
    html = statsPage(query, query.lang ?? languageFromAcceptHeader(req.headers['accept-language']), params);
  } catch (err) {
    if (!(err instanceof BadUserInputError)) throw err;
    plain(res, 400, err.message);
    return;
  }
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-cache',
    'content-security-policy': STATS_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    vary: 'accept-language',
  });
  res.end(req.method === 'HEAD' ? undefined : html);
}

function plain(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(`${message}\n`);
}
