import { execFileSync } from 'child_process';
import { existsSync } from 'fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/**
 * Headless Chromium as the tests drive it: Debian's `chromium` package (never a browser
 * download), through playwright-core, seeing only the loopback test server.
 */

/** Debian's binary; `CHROMIUM=/path/to/chrome` runs the tests with another Chromium. */
export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

/**
 * What the run needs from the machine, checked before anything is built, each with the
 * command that installs it: the browser, and a font with Chinese glyphs (without one the
 * numbers render as boxes and the screenshots show nothing a visitor would see).
 */
export function missingPrerequisites(): string[] {
  const missing: string[] = [];
  if (!existsSync(chromiumPath)) {
    missing.push(`No Chromium at ${chromiumPath}: install Debian's, \`apt-get install -y chromium\`, or set CHROMIUM to a Chromium or Chrome executable.`);
  }
  let families: string | undefined;
  try {
    families = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  } catch {
    // No fontconfig (not Linux): the system's own fonts cover Chinese.
  }
  if (families !== undefined && families.trim() === '') {
    missing.push('No font with Chinese glyphs: install one, `apt-get install -y fonts-wqy-microhei`.');
  }
  return missing;
}

/**
 * Flags known to work in this sandbox: no sandbox (CI runs as root), no GPU, and none of
 * Chromium's own background traffic (updates, sync, QUIC probes), which would only try the
 * closed network. Playwright gives every launch a new, empty profile folder.
 */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: ARGS });
}

/** A visitor's screen: a phone at 375 px (touch, 2× pixels, honouring the page's viewport meta), a desktop at 1280 px. */
export function screenFor(width: number): BrowserContextOptions {
  return width < 768
    ? { viewport: { width, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
    : { viewport: { width, height: 800 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false };
}

/** The page that stands in for an outside site a link opens (nothing is fetched from outside). */
const OUTSIDE = '<!doctype html><meta charset="utf-8"><title>outside</title><p>An outside page; the test does not fetch it.</p>';

/**
 * A browser context of a visitor with a screen `width` CSS px wide that loads only from
 * `origin`. Navigations elsewhere (a visitor clicking the filing links) get a stand-in page,
 * so the new tab's URL can be read; other outside requests (a theme's CDN scripts and
 * fonts) fail as they do offline.
 */
export async function openContext(browser: Browser, origin: string, width: number): Promise<BrowserContext> {
  const context = await browser.newContext({ ...screenFor(width), locale: 'zh-CN', timezoneId: 'Asia/Shanghai', serviceWorkers: 'block' });
  await context.route('**/*', route => {
    const request = route.request();
    if (new URL(request.url()).origin === origin) return route.continue();
    if (request.isNavigationRequest()) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: OUTSIDE });
    return route.abort('internetdisconnected');
  });
  return context;
}

/**
 * Scrolls to the very bottom as a visitor does and waits until the page is still: the
 * scroll handled, transitions it started (a theme's back-to-top buttons fading in) finished,
 * web fonts and the filing icon loaded or failed.
 */
export async function scrollToBottom(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise(done => requestAnimationFrame(() => done(undefined)));
    await document.fonts.ready;
    window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });
    await frame();
    await frame();
    const finite = document.getAnimations().filter(a => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)));
    const settled = Promise.all(finite.map(a => a.finished.catch(() => undefined)));
    await Promise.race([settled, new Promise(done => setTimeout(done, 3000))]);
    // Content that loaded late may have made the page taller: end up at the real bottom.
    window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });
    await frame();
  });
  await page.waitForFunction(
    () => [...document.querySelectorAll<HTMLImageElement>('.hexo-beian-icon')].every(img => img.complete),
    undefined,
    { timeout: 5000 }
  ).catch(() => undefined); // an icon that never loads is reported by the icon test
}
