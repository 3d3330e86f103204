import zlib from 'node:zlib';
// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
export const SHOTS = process.env.SCREENSHOTS ?? path.join(os.tmpdir(), 'trame-e2e');

/** A fresh browser profile; collects page errors, console errors and failed requests. */
export async function openBrowser({ locale = 'fr-CH', javaScriptEnabled = true, phone = false } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'trame-profile-'));
  // Playwright refuses --user-data-dir in args: launchPersistentContext passes it itself.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    locale,
    javaScriptEnabled,
    // a phone: a narrow touch screen at the pixel density of most phones
    viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    isMobile: phone,
    hasTouch: phone,
    deviceScaleFactor: phone ? 3 : 1,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // 4xx answers (a refused password, say) are expected; Chromium logs them as console errors
  const expected4xx = /^Failed to load resource: the server responded with a status of 4\d\d/;
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected4xx.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => { if (r.status() >= 500) problems.push(`HTTP ${r.status()} ${r.url()}`); });
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the page's islands run (each sets the marker from an Effect); a page without an
 * island is complete as the server sent it and loads no wasm. */
export async function hydrated(page) {
  if (await page.locator('leptos-island').count() === 0) return;
  await page.waitForSelector('body[data-hydrated="true"]', { timeout: 30_000 });
}

export async function screenshot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** The newest email to `to` whose text contains `marker`, decoded from quoted-printable. */
export async function emailTo(to, marker) {
  for (let i = 0; i < 100; i++) {
    const found = fs.readdirSync(process.env.EMAIL_DIR)
      .filter((f) => f.endsWith('.eml'))
      .map((f) => fs.readFileSync(path.join(process.env.EMAIL_DIR, f), 'utf8'))
      .map((raw) => Buffer.from(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'))
      .find((text) => text.includes(`To: ${to}`) && text.includes(marker));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no email to ${to} containing ${marker}`);
}

export const PASSWORD = 'fil rouge du Léman';

/** Fills the pledge form's options (date, pickup point, answers) with the first choices offered. */
export async function fillOptions(page) {
  for (const select of await page.locator('.pledge-form select').all()) {
    const values = await select.locator('option:not([disabled])').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    await select.selectOption(values[0]);
  }
  for (const input of await page.locator('.pledge-form input[name*="[answers]"]').all()) await input.fill('M');
}

/** Chooses "create an account" in the pledge form and fills it. */
export async function signUpInline(page, name, email) {
  await page.check('input[name="pledge[account]"][value="signup"]');
  await page.fill('#field-display_name', name);
  await page.fill('#field-email', email);
  await page.fill('#field-password', PASSWORD);
}

/** Signs in on /signin. */
export async function signIn(page, email) {
  await page.goto(`${BASE}/signin`);
  await hydrated(page);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('#sign-in-form button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

/** Types a card into the (fake) Card Element and submits it. */
export async function payWithCard(page, number) {
  await page.waitForURL(/\/pledges\/\d+\/pay$/);
  await page.locator('#pay-box[data-ready="true"]').waitFor();
  const card = page.locator('#pay-box .card-element');
  await card.locator('input[placeholder="number"]').fill(number);
  await card.locator('input[placeholder="exp_month"]').fill('12');
  await card.locator('input[placeholder="exp_year"]').fill('34');
  await card.locator('input[placeholder="cvc"]').fill('123');
  await card.locator('input[placeholder="postal_code"]').fill('1204');
  await page.click('#pay-box .pay-button');
}

/** A PNG of `width` × `height` in a warm colour, made here (no image library needed). */
export function png(width, height) {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4); length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0); header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([190, 90, 60]))]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}
