import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/test-server';

// A real Chromium opens the playground with the internet cut off: any request to a host
// other than this test server is aborted and recorded, and the test fails if there was one.
// Debian's package (apt-get install -y chromium); CHROMIUM_PATH points elsewhere.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const IN_CI = process.env.CI === 'true';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const SCREENSHOT = join(__dirname, '..', '..', 'test-artifacts', 'playground.png');
const TIMEOUT = 120_000;

// About one full CI run in ten, a GraphiQL interaction in the shared browser missed under
// load (both workers drive Chromium at once) and the test failed on a locator timeout.
// A failing attempt is logged and the test runs again, its assertions unchanged; the
// cause is still open (see the issue note).
jest.retryTimes(2, { logErrorsBeforeRetry: true });

/** An event of the article, in the by-category answer (titles in German: the browser asks for de-DE). */
const ARTICLE_EVENT = 'connect Dreiländereck: Veranstaltungsreihe Digitalisierung – erstmals trinational';

if (!HAS_CHROMIUM && !IN_CI) {
  console.warn(`Skipping the playground browser test: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
}

/** Runs in every page before its own scripts (as text: the test's TypeScript knows no DOM). */
const RECORD_CSP_VIOLATIONS = `
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
`;

/** A browser tab's session, with what it tried to reach beyond the server and what went wrong. */
interface Session {
  context: BrowserContext;
  page: Page;
  external: string[];
  pageErrors: string[];
}

let server: TestServer;
let browser: Browser;

/** A fresh browser profile (no stored tabs) that can reach nothing but the test server. */
async function openSession(): Promise<Session> {
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1440, height: 900 } });
  const session: Session = { context, page: undefined as unknown as Page, external: [], pageErrors: [] };
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    session.external.push(url.href);
    return route.abort('internetdisconnected');
  });
  await context.addInitScript({ content: RECORD_CSP_VIOLATIONS });
  session.page = await context.newPage();
  // Generous: in CI two browsers share 2 cores with the other test worker.
  session.page.setDefaultTimeout(60_000);
  session.page.on('pageerror', (err) => session.pageErrors.push(err.message));
  return session;
}

/** The session stayed on this server, broke no Content-Security-Policy rule and threw nothing. */
async function expectSelfContained(session: Session): Promise<void> {
  const violations = await session.page.evaluate<string[]>('window.cspViolations');
  expect(session.external).toEqual([]);
  expect(violations).toEqual([]);
  expect(session.pageErrors).toEqual([]);
}

function tab(page: Page, name: string): Locator {
  return page.getByRole('tab', { name });
}

function queryEditor(page: Page): Locator {
  return page.locator('.graphiql-query-editor .view-lines');
}

/** Waits until GraphiQL shows its tabs and the first example in the editor. */
async function waitForPlayground(page: Page): Promise<void> {
  await tab(page, 'EventsByCategory').waitFor();
  await queryEditor(page).filter({ hasText: 'query EventsByCategory' }).waitFor();
}

async function selectTab(page: Page, name: string): Promise<void> {
  await tab(page, name).getByRole('button', { name }).click();
  await page.locator('[role="tab"][aria-selected="true"]', { hasText: name }).waitFor();
  await queryEditor(page).filter({ hasText: `query ${name}` }).waitFor();
}

function saveScreenshot(png: Buffer): void {
  // Both database projects run this file at once: write aside, then rename, so the file is always whole.
  mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
  const partial = `${SCREENSHOT}.${process.pid}.partial`;
  writeFileSync(partial, png);
  renameSync(partial, SCREENSHOT);
}

(HAS_CHROMIUM || IN_CI ? describe : describe.skip)('the playground in Chromium with no internet', () => {
  beforeAll(async () => {
    if (!HAS_CHROMIUM) {
      throw new Error(`Chromium is not installed at ${CHROMIUM}, so the playground browser test cannot run in CI. Install it: apt-get install -y chromium`);
    }
    server = await startTestServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // No name resolves but the local ones: the browser has no way out even past the route below.
      args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
    });
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens at /, runs the by-category example and shows the Clusterwoche events', async () => {
    const session = await openSession();
    const { page } = session;
    await page.goto(`${server.url}/`);
    await waitForPlayground(page);
    expect(await page.getByRole('tab').allInnerTexts()).toEqual(['EventsByCategory', 'EventStats', 'PartnerSync', 'Search']);

    await selectTab(page, 'EventStats');
    await selectTab(page, 'EventsByCategory');
    await page.locator('.graphiql-editor-tool .view-lines').filter({ hasText: '"clusterwoche-2017"' }).waitFor();

    const answer = page.waitForResponse((r) => r.url() === `${server.url}/graphql` && r.request().method() === 'POST'
      && (r.request().postData() ?? '').includes('EventsByCategory'));
    await page.getByRole('button', { name: /Execute query/ }).click();
    const response = await answer;
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.errors).toBeUndefined();
    const groups = body.data.eventsByCategory as { category: string; events: { title: string }[] }[];
    expect(groups).toHaveLength(11);
    expect(groups.flatMap((g) => g.events.map((e) => e.title))).toContain(ARTICLE_EVENT);

    // The result pane shows the answer from its start: the first category and the first event's title.
    const result = page.locator('.graphiql-response .view-lines');
    await result.filter({ hasText: '"eventsByCategory"' }).waitFor();
    await result.filter({ hasText: `"category": "${groups[0].category}"` }).waitFor();
    await result.filter({ hasText: groups[0].events[0].title.split(' ').slice(0, 3).join(' ') }).waitFor();

    saveScreenshot(await page.screenshot());
    await expectSelfContained(session);
    await session.context.close();
  }, TIMEOUT);

  it('opens the schema documentation with the descriptions of the types', async () => {
    const session = await openSession();
    const { page } = session;
    await page.goto(`${server.url}/`);
    await waitForPlayground(page);
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Root Types').waitFor();
    await docs.getByRole('link', { name: 'Query', exact: true }).click();
    await docs.getByText('The read side of the cluster graph').waitFor();
    await docs.getByRole('link', { name: 'eventsByCategory', exact: true }).waitFor();
    await expectSelfContained(session);
    await session.context.close();
  }, TIMEOUT);

  it('serves the same playground at /graphql to a browser and runs examples from there', async () => {
    const session = await openSession();
    const { page } = session;
    const navigation = await page.goto(`${server.url}/graphql`);
    expect(navigation?.headers()['content-type']).toBe('text/html; charset=utf-8');
    await waitForPlayground(page);
    await selectTab(page, 'EventStats');
    const answer = page.waitForResponse((r) => r.url() === `${server.url}/graphql` && (r.request().postData() ?? '').includes('EventStats'));
    await queryEditor(page).click();
    await page.keyboard.press('Control+Enter');
    const body = await (await answer).json();
    expect(body.errors).toBeUndefined();
    expect(body.data.byCategoryAndMonth.length).toBeGreaterThan(0);
    await page.locator('.graphiql-response .view-lines').filter({ hasText: '"byCategoryAndMonth"' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/graphql');
    expect(new URL(page.url()).search).toBe('');
    await expectSelfContained(session);
    await session.context.close();
  }, TIMEOUT);
});
