import { fetchSource, SourceFetchError, charsetOf, DEFAULT_FETCH_LIMITS } from '../../../src/modules/sources/fetch-source';
import { startFeedServer, withEtag, type FeedServer } from './feed-server';

let feeds: FeedServer;
beforeAll(async () => {
  feeds = await startFeedServer();
});
afterAll(async () => {
  await feeds?.close();
});

const limits = { ...DEFAULT_FETCH_LIMITS, headersTimeoutMs: 500, timeoutMs: 1500, maxBytes: 1024 * 1024 };

describe('fetchSource', () => {
  it('reads a feed with its validators, and answers "not modified" when they still hold', async () => {
    feeds.route('/cal.ics', withEtag('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', '"v1"'));
    const first = await fetchSource(`${feeds.url}/cal.ics`, null, limits);
    expect(first).toMatchObject({ notModified: false, etag: '"v1"', lastModified: 'Wed, 19 Apr 2017 10:00:00 GMT', charset: 'utf-8' });
    expect(first.notModified === false && first.body.toString()).toMatch(/^BEGIN:VCALENDAR/);
    expect(await fetchSource(`${feeds.url}/cal.ics`, { etag: '"v1"', lastModified: null }, limits)).toEqual({ notModified: true });
  });

  it('sends Last-Modified back as If-Modified-Since', async () => {
    let seen: string | undefined;
    feeds.route('/since.csv', (req, res) => {
      seen = req.headers['if-modified-since'];
      res.writeHead(304).end();
    });
    expect(await fetchSource(`${feeds.url}/since.csv`, { etag: null, lastModified: 'Wed, 19 Apr 2017 10:00:00 GMT' }, limits)).toEqual({ notModified: true });
    expect(seen).toBe('Wed, 19 Apr 2017 10:00:00 GMT');
  });

  it('follows up to 5 redirects and refuses an endless chain with a clear message', async () => {
    feeds.route('/hop', (_req, res) => res.writeHead(302, { location: '/cal.ics' }).end());
    expect(await fetchSource(`${feeds.url}/hop`, null, limits)).toMatchObject({ notModified: false, url: `${feeds.url}/cal.ics` });
    feeds.route('/loop', (_req, res) => res.writeHead(301, { location: '/loop' }).end());
    await expect(fetchSource(`${feeds.url}/loop`, null, limits)).rejects.toThrow(/too many redirects: more than 5/);
    expect(feeds.hits.get('/loop')).toBe(6);
  });

  it('gives up on a server that does not answer in time', async () => {
    feeds.route('/slow', (_req, res) => {
      setTimeout(() => res.writeHead(200).end('late'), 3000).unref();
    });
    const started = Date.now();
    await expect(fetchSource(`${feeds.url}/slow`, null, limits)).rejects.toThrow(/did not answer within 500 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives up on a body that trickles past the total deadline', async () => {
    feeds.route('/trickle', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/calendar' });
      const timer = setInterval(() => res.write('X'), 100);
      res.on('close', () => clearInterval(timer));
    });
    await expect(fetchSource(`${feeds.url}/trickle`, null, limits)).rejects.toThrow(/did not answer completely within 1500 ms/);
  });

  it('stops reading a 200 MB body at the size limit without holding it', async () => {
    let sent = 0;
    feeds.route('/huge', (_req, res) => {
      // 200 MB announced by nothing (chunked), made lazily: each chunk only when the client reads on.
      res.writeHead(200, { 'content-type': 'text/csv' });
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      const pump = () => {
        while (sent < 200 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    });
    const heapBefore = process.memoryUsage().rss;
    await expect(fetchSource(`${feeds.url}/huge`, null, limits)).rejects.toThrow(/larger than the limit of 1 MB/);
    expect(sent).toBeLessThan(50 * 1024 * 1024);
    expect(process.memoryUsage().rss - heapBefore).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses a declared Content-Length above the limit before reading', async () => {
    feeds.route('/declared', (_req, res) => {
      res.writeHead(200, { 'content-length': String(200 * 1024 * 1024) });
      res.write('x');
    });
    await expect(fetchSource(`${feeds.url}/declared`, null, limits)).rejects.toThrow(/larger than the limit/);
  });

  it('reports an HTTP error status and an unreachable host as SourceFetchError', async () => {
    await expect(fetchSource(`${feeds.url}/missing`, null, limits)).rejects.toThrow(/answered HTTP 404/);
    await expect(fetchSource('http://127.0.0.1:1/x', null, limits)).rejects.toBeInstanceOf(SourceFetchError);
    await expect(fetchSource('file:///etc/passwd', null, limits)).rejects.toThrow(/only http and https/);
  });

  it('reads the charset of a Content-Type', () => {
    expect(charsetOf('text/csv; charset=Windows-1252')).toBe('windows-1252');
    expect(charsetOf('text/csv;charset="utf-8"')).toBe('utf-8');
    expect(charsetOf('text/csv')).toBeNull();
  });
});
