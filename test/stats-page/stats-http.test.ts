import { startTestServer, type TestServer } from '../helpers/test-server';
import { buildStatsPage } from './build-stats-page';

let server: TestServer;

beforeAll(async () => {
  buildStatsPage();
  server = await startTestServer({ env: { RATE_LIMIT_PUBLIC_PER_MIN: '100000' } });
}, 120_000);

afterAll(async () => {
  await server?.close();
});

async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers });
}

/** The config block the page's script reads. */
function config(html: string): { lang: string; filter: Record<string, unknown>; words: Record<string, string> } {
  const json = /<script type="application\/json" id="stats-config">([\s\S]*?)<\/script>/.exec(html);
  if (!json) throw new Error('the page has no #stats-config block');
  return JSON.parse(json[1]);
}

describe('GET /stats', () => {
  it('serves the page with a strict Content-Security-Policy and only files of this server', async () => {
    const r = await get('/stats?campaign=clusterwoche-2017&region=DE1');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:|\*|blob:|'unsafe-/);
    const html = await r.text();
    expect(html).not.toMatch(/\b(?:src|href)="(?:[a-z]+:(?!,)|\/)/); // relative URLs only (data:, for the icon)
    expect(html).not.toMatch(/<script>(?!<)/); // no inline script to allow
    const urls = [...html.matchAll(/\b(?:src|href)="(stats\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.sort()).toEqual([expect.stringMatching(/^stats\/[0-9a-f]{16}\/stats\.css$/), expect.stringMatching(/^stats\/[0-9a-f]{16}\/stats\.js$/)]);
    expect(config(html).filter).toEqual({ campaign: 'clusterwoche-2017', region: 'DE1' });
  });

  it('serves the bundled script (with Chart.js) and stylesheet, cacheable for good and gzip-compressed on request', async () => {
    const html = await (await get('/stats')).text();
    const script = /src="(stats\/[^"]+\.js)"/.exec(html)![1];
    const r = await get(`/${script}`, { 'accept-encoding': 'identity' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = await r.text();
    expect(body).toContain('Chart.js'); // its licence comment, kept by the bundler
    expect(body).toContain('StatsByCategory');
    const zipped = await fetch(`${server.url}/${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip'); // fetch unzips it
    expect(await zipped.text()).toBe(body);
  });

  it('answers 404 for a file of another version', async () => {
    const r = await get('/stats/0000000000000000/stats.js');
    expect(r.status).toBe(404);
    await r.body?.cancel();
  });

  it('answers 400 with the feed\'s own message wherever the feed does: an unknown region or campaign, a malformed country or organiser', async () => {
    for (const query of ['region=XX9', 'region=DE999', 'campaign=no-such-campaign', 'country=DEU', 'organizer=bm90LWFuLWlk', `region=${'Q'.repeat(5_000)}`]) {
      const feed = await get(`/feeds/events.ics?${query}`);
      const stats = await get(`/stats?${query}`);
      const message = await feed.text();
      expect([query, feed.status]).toEqual([query, 400]);
      expect([query, stats.status, await stats.text()]).toEqual([query, 400, message]);
      expect(stats.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(message.length).toBeLessThan(200);
    }
    const known = await get('/stats?region=de1&campaign=clusterwoche-2017&country=ch');
    expect(known.status).toBe(200);
    await known.body?.cancel();
  });

  it('takes the feeds\' parameters and answers 400 for a bad one, naming it', async () => {
    for (const [query, word] of [['bogus=1', 'bogus'], ['category=PARTY', 'PARTY'], ['from=yesterday', 'from'], ['lang=it', 'lang']]) {
      const r = await get(`/stats?${query}`);
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await r.text()).toContain(word);
    }
    const ok = await get('/stats?category=workshop,conference&from=2017-04-20&to=2017-04-29&country=DE&lang=fr');
    expect(ok.status).toBe(200);
    const page = config(await ok.text());
    expect(page.lang).toBe('FR');
    expect(page.filter).toEqual({
      country: 'DE', categories: ['WORKSHOP', 'CONFERENCE'],
      startsFrom: '2017-04-19T22:00:00.000Z', startsBefore: '2017-04-28T22:00:00.000Z',
    });
    expect(page.words.title).toBe('Statistiques des événements');
  });

  it('speaks the language of lang=, else of Accept-Language, else German', async () => {
    expect(config(await (await get('/stats')).text()).lang).toBe('DE');
    expect(config(await (await get('/stats', { 'accept-language': 'fr-CH, de;q=0.5' })).text()).lang).toBe('FR');
    expect(config(await (await get('/stats?lang=en', { 'accept-language': 'fr' })).text()).lang).toBe('EN');
  });

  it('refuses other methods', async () => {
    const r = await fetch(`${server.url}/stats`, { method: 'POST' });
    expect(r.status).toBe(405);
    await r.body?.cancel();
  });

  it('is linked from the playground', async () => {
    const r = await get('/', { accept: 'text/html' });
    expect(await r.text()).toMatch(/<a class="cg-stats-link" href="stats">/);
  });
});
