import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// What the browser tests (playground, statistics page) share: a real Chromium that can reach
// nothing but the test server, sessions that record any attempt to leave it, and artifacts.
// Debian's package (apt-get install -y chromium); CHROMIUM_PATH points elsewhere.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const IN_CI = process.env.CI === 'true';
const HAS_CHROMIUM = existsSync(CHROMIUM);

/**
 * `describe` when Chromium is there or in CI (where its absence must fail, not skip: the
 * beforeAll of `launchOfflineChromium` throws), `describe.skip` with a warning otherwise.
 */
export function describeInChromium(what: string): jest.Describe {
  if (HAS_CHROMIUM || IN_CI) return describe;
  console.warn(`Skipping the ${what} browser test: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
  return describe.skip;
}

/** Chromium in which no name resolves but the local ones: no way out even past the routes below. */
export async function launchOfflineChromium(what: string): Promise<Browser> {
  if (!HAS_CHROMIUM) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}, so the ${what} browser test cannot run in CI. Install it: apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
  });
}

/** Runs in every page before its own scripts (as text: the test's TypeScript knows no DOM). */
const RECORD_CSP_VIOLATIONS = `
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
`;

/** A browser tab's session, with what it tried to reach beyond the server and what went wrong. */
export interface Session {
  context: BrowserContext;
  page: Page;
  external: string[];
  pageErrors: string[];
}

/** A fresh browser profile (no stored state) that can reach nothing but the test server. */
export async function openOfflineSession(browser: Browser, options: { locale: string; viewport: { width: number; height: number } }): Promise<Session> {
  const context = await browser.newContext(options);
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
export async function expectSelfContained(session: Session): Promise<void> {
  const violations = await session.page.evaluate<string[]>('window.cspViolations');
  expect(session.external).toEqual([]);
  expect(violations).toEqual([]);
  expect(session.pageErrors).toEqual([]);
}

/** Keeps a screenshot in test-artifacts/ (gitignored); returns its path. */
export function saveArtifact(name: string, png: Buffer): string {
  const path = join(__dirname, '..', '..', 'test-artifacts', name);
  // Both database projects run a browser test at once: write aside, then rename, so the file is always whole.
  mkdirSync(join(path, '..'), { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, png);
  renameSync(partial, path);
  return path;
}
