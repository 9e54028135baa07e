// Run Lighthouse (its Node API) on pages, each in a light and a dark colour scheme, in Debian's
// Chromium, and print the four category scores as JSON on stdout. Called by lighthouse.py
// (`make lighthouse`), which serves the site and prints the table.
//
//   CHROME_PATH=/usr/bin/chromium node lighthouse-run.mjs '{"runs": [{"url": "...", "scheme": "dark"}]}'
//
// Lighthouse has no colour-scheme setting, and it never touches emulated media (it emulates the
// screen, the user agent, the network and the CPU). So each run gets its own Puppeteer page with
// `prefers-color-scheme` emulated (Emulation.setEmulatedMedia) and Lighthouse navigates that page;
// after the run the page is asked which scheme it saw, and a mismatch is an error.

import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
// Headless, and quiet on a closed network (see tests/browser/conftest.py).
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const chromePath = process.env.CHROME_PATH;
if (!chromePath) {
  console.error('lighthouse-run: set CHROME_PATH to Chromium (/usr/bin/chromium)');
  process.exit(2);
}
const {runs} = JSON.parse(process.argv[2] ?? '{"runs": []}');

/** One Lighthouse run in its own Chromium (as the Lighthouse CLI does), so that nothing one run
 * left in the browser, such as a favicon already found missing, changes the next one. */
async function audit({url, scheme}) {
  // Every launch gets a fresh temporary profile (user-data dir).
  const browser = await puppeteer.launch({
    executablePath: chromePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    defaultViewport: null, // Lighthouse sets the screen (mobile form factor, its default)
  });
  try {
    const page = await browser.newPage();
    await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: scheme}]);
    const flags = {logLevel: 'error', output: 'json', onlyCategories: CATEGORIES};
    const {lhr} = await lighthouse(url, flags, undefined, page);
    if (lhr.runtimeError) {
      throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    }
    const seen = await page.evaluate(() =>
      matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
    if (seen !== scheme) {
      throw new Error(`${url}: asked for the ${scheme} scheme, the page saw ${seen}`);
    }
    const score = id => lhr.categories[id].score === null ?
      null : Math.round(lhr.categories[id].score * 100);
    return {
      url,
      scheme,
      scores: Object.fromEntries(CATEGORIES.map(id => [id, score(id)])),
      // the pass/fail audits that failed: what to look at in a full report
      failing: Object.values(lhr.audits)
        .filter(audit => audit.scoreDisplayMode === 'binary' && audit.score === 0)
        .map(audit => audit.id)
        .sort(),
      lighthouse: lhr.lighthouseVersion,
      formFactor: lhr.configSettings.formFactor,
      chromium: await browser.version(),
    };
  } finally {
    await browser.close();
  }
}

const results = [];
for (const run of runs) {
  results.push(await audit(run));
}
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
