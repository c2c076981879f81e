import type { Browser, Locator, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { describeInChromium, expectSelfContained, launchOfflineChromium, openOfflineSession, saveArtifact, type Session } from '../helpers/offline-browser';

// A real Chromium opens the playground with the internet cut off: any request to a host
// other than this test server is aborted and recorded, and the test fails if there was one.
const TIMEOUT = 120_000;

// About one full CI run in ten, a GraphiQL interaction in the shared browser missed under
// load (both workers drive Chromium at once) and the test failed on a locator timeout.
// A failing attempt is logged and the test runs again, its assertions unchanged; the
// cause is still open (see the issue note).
jest.retryTimes(2, { logErrorsBeforeRetry: true });

/** An event of the article, in the by-category answer (titles in German: the browser asks for de-DE). */
const ARTICLE_EVENT = 'connect Dreiländereck: Veranstaltungsreihe Digitalisierung – erstmals trinational';

let server: TestServer;
let browser: Browser;

/** A fresh browser profile (no stored tabs) that can reach nothing but the test server. */
function openSession(): Promise<Session> {
  return openOfflineSession(browser, { locale: 'de-DE', viewport: { width: 1440, height: 900 } });
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

describeInChromium('playground')('the playground in Chromium with no internet', () => {
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchOfflineChromium('playground');
  }, TIMEOUT);

  // Closing Chromium took over 60 s once on a loaded 2-core machine: the hook gets the same
  // allowance as starting it.
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, TIMEOUT);

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

    saveArtifact('playground.png', await page.screenshot());
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
