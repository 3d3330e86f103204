// With JavaScript off, every page reads and the sign-in and pledge forms still submit and show
// their errors; a page without an island loads no JavaScript or wasm at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, openBrowser, screenshot } from './browser.mjs';

const SLUG = 'fil-rouge-geneve';
const PASSWORD = 'fil rouge du Léman';
let browser;

before(async () => { browser = await openBrowser({ javaScriptEnabled: false }); });
after(async () => { await browser?.close(); });

test('pages read without JavaScript', async () => {
  const { page } = browser;
  for (const path of ['/', `/campaigns/${SLUG}`, `/campaigns/${SLUG}?kind=workshop`, '/designers', '/signin']) {
    const response = await page.goto(`${BASE}${path}`);
    assert.equal(response.status(), 200, path);
    assert.notEqual((await page.locator('h1').first().innerText()).trim(), '', `${path} has a heading`);
  }
  await page.goto(`${BASE}/campaigns/${SLUG}`);
  assert.match(await page.locator('#raised').innerText(), /CHF/);
  assert.match(await page.locator('.countdown').innerText(), /jours/i, 'the countdown as rendered by the server');
  assert.equal(await page.locator('.reward-card').count(), 20);
  await screenshot(page, 'nojs-campaign');
});

test('a page without an island loads no JavaScript or wasm', async () => {
  const js = await openBrowser();
  try {
    const { page } = js;
    const scripts = [];
    page.on('request', (r) => { if (/\.(wasm|js)$/.test(new URL(r.url()).pathname)) scripts.push(r.url()); });
    await page.goto(`${BASE}/`);
    await page.goto(`${BASE}/designers`);
    assert.deepEqual(scripts, []);
    assert.equal(await page.locator('leptos-island').count(), 0);
  } finally {
    await js.close();
  }
});

test('sign-in shows its error, then signs in, without JavaScript', async () => {
  const { page } = browser;
  // an account to sign in with, made through the plain sign-up form
  const email = `nojs.${Date.now()}@example.org`;
  await page.goto(`${BASE}/signup`);
  await page.fill('input[name="display_name"]', 'Noé Sans-Script');
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('#sign-up-form button[type="submit"]');
  await page.waitForURL(`${BASE}/account`);
  await page.click('#sign-out-form button');
  await page.waitForURL(`${BASE}/`);

  await page.goto(`${BASE}/signin`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', 'pas le bon mot de passe');
  await page.click('#sign-in-form button[type="submit"]');
  await page.locator('#field-password-error', { hasText: 'incorrect' }).waitFor();
  assert.doesNotMatch(await page.content(), /^\s*\{/, 'a page, never a raw JSON body');
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('#sign-in-form button[type="submit"]');
  await page.waitForURL(`${BASE}/account`);
});

test('the pledge form shows its error, then pledges, without JavaScript', async () => {
  const { page } = browser;
  await page.goto(`${BASE}/campaigns/${SLUG}/pledge`);
  await page.fill('#field-extra', '1');
  await page.click('#pledge-submit');
  await page.locator('#field-extra-error', { hasText: 'minimum' }).waitFor();
  assert.equal(await page.locator('#field-extra').getAttribute('aria-invalid'), 'true');
  await page.fill('#field-extra', '25');
  await page.click('#pledge-submit');
  // the pledge exists and waits for a card (Stripe.js needs JavaScript: the page says so)
  await page.waitForURL(/\/pledges\/\d+\/pay$/);
  assert.match(await page.locator('#pay-terms').innerText(), /CHF\s25\.00/);
  await screenshot(page, 'nojs-pay');
});
