// A visitor finds the demo campaign, watches the countdown, filters rewards and switches language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, openBrowser, hydrated, screenshot } from './browser.mjs';

const SLUG = 'fil-rouge-geneve';
let browser;

before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

test('home lists live campaigns and leads to the campaign page', async () => {
  const { page } = browser;
  const response = await page.goto(BASE);
  assert.equal(response.status(), 200);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  const card = page.locator('.campaign-card', { hasText: 'Fil Rouge' });
  await card.waitFor();
  await screenshot(page, 'home');
  await hydrated(page);
  await card.locator('h3 a').click();
  await page.waitForURL(`**/campaigns/${SLUG}`);
  assert.match(await page.locator('h1').innerText(), /Fil Rouge/);
  assert.match(await page.locator('#goal').innerText(), /CHF 25’000/);
});

test('the browser gets the page compressed, and its hashed wasm compressed and immutable', async () => {
  // a browser with an empty cache: a cached wasm would come back as a bodiless 304
  const fresh = await openBrowser();
  const { page } = fresh;
  const assets = [];
  page.on('response', (r) => { if (r.url().includes('/pkg/')) assets.push(r); });
  const response = await page.goto(`${BASE}/campaigns/${SLUG}`);
  assert.equal(response.headers()['content-encoding'], 'br', 'Chromium accepts brotli: the page is sent so');
  await hydrated(page);
  const wasm = assets.find((r) => r.url().endsWith('.wasm'));
  assert.ok(wasm, 'the page loads its wasm (the countdown is an island)');
  assert.match(wasm.url(), /\/pkg\/trame\.[A-Za-z0-9_-]{22}\.wasm$/, 'a name with its content hash');
  const headers = await wasm.allHeaders();
  assert.equal(headers['content-encoding'], 'br', 'the precompressed copy is sent');
  assert.equal(headers['cache-control'], 'public, max-age=31536000, immutable');
  const css = assets.find((r) => r.url().endsWith('.css'));
  assert.match(css.url(), /\/pkg\/trame\.[A-Za-z0-9_-]{22}\.css$/);
  assert.equal((await css.allHeaders())['cache-control'], 'public, max-age=31536000, immutable');
  await fresh.close();
});

test('the countdown ticks once its island runs', async () => {
  const { page } = browser;
  await page.goto(`${BASE}/campaigns/${SLUG}`);
  await hydrated(page);
  const countdown = page.locator('.countdown');
  const first = await countdown.innerText();
  assert.match(first, /jours/i);
  await page.waitForFunction(
    (before) => document.querySelector('.countdown')?.innerText !== before,
    first,
    { timeout: 5_000 },
  );
  await screenshot(page, 'campaign');
});

test('rewards can be filtered by kind', async () => {
  const { page } = browser;
  await page.goto(`${BASE}/campaigns/${SLUG}`);
  await hydrated(page);
  const cards = page.locator('.reward-card');
  const total = await cards.count();
  assert.equal(total, 20, 'the demo campaign has twenty rewards');

  const workshops = page.locator('.filter-option[data-kind="workshop"]');
  const expected = Number(await workshops.locator('.count').innerText());
  assert.ok(expected > 0 && expected < total);
  await workshops.click();
  await page.waitForFunction((n) => document.querySelectorAll('.reward-card').length === n, expected);
  const kinds = await cards.evaluateAll((els) => els.map((e) => e.dataset.kind));
  assert.deepEqual([...new Set(kinds)], ['workshop']);
  assert.match(page.url(), /kind=workshop/);
  assert.equal(await workshops.getAttribute('aria-current'), 'true');
  await screenshot(page, 'rewards-workshops');

  await page.locator('.filter-option[data-kind="all"]').click();
  await page.waitForFunction((n) => document.querySelectorAll('.reward-card').length === n, total);
});

test('switching to English translates the page and is remembered', async () => {
  const { page } = browser;
  await page.goto(`${BASE}/campaigns/${SLUG}`);
  await hydrated(page);
  assert.equal(await page.locator('#rewards-heading').innerText(), 'Contreparties');
  await page.locator('.lang-switch button[value="en"]').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(page.url(), new RegExp(`/campaigns/${SLUG}$`), 'back on the same page');
  assert.equal(await page.locator('#rewards-heading').innerText(), 'Rewards');
  await screenshot(page, 'campaign-en');

  // remembered on the next visit
  await page.goto(`${BASE}/designers`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('h1').innerText(), 'Designer registry');

  await page.locator('.lang-switch button[value="fr"]').click();
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
});

test('no errors in the browser console', () => {
  assert.deepEqual(browser.problems, []);
});
