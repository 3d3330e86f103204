// A person signs up, signs out, signs in, forgets the password and resets it with the emailed link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, openBrowser, hydrated, screenshot, emailTo } from './browser.mjs';

const email = `lea.${Date.now()}@example.org`;
let browser;

before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

async function fill(page, fields) {
  for (const [name, value] of Object.entries(fields)) await page.fill(`input[name="${name}"]`, value);
}

async function signOut(page) {
  await page.goto(`${BASE}/account`);
  await hydrated(page);
  await page.click('#sign-out-form button');
  await page.waitForURL(`${BASE}/`);
  await page.locator('.account-link', { hasText: 'Se connecter' }).waitFor();
}

test('sign up, sign out and sign in again', async () => {
  const { page } = browser;
  await page.goto(`${BASE}/signup`);
  await hydrated(page);
  await fill(page, { display_name: 'Léa Morand', email, password: 'court' });
  await page.click('#sign-up-form button[type="submit"]');
  await page.locator('#field-password-error', { hasText: '10 caractères' }).waitFor();
  // the error came back in place (the form's island): what was typed is still there
  assert.equal(await page.inputValue('input[name="email"]'), email);
  assert.equal(await page.inputValue('input[name="display_name"]'), 'Léa Morand');
  await fill(page, { password: 'fil rouge du Léman' });
  await page.click('#sign-up-form button[type="submit"]');
  await page.waitForURL(`${BASE}/account`);
  assert.equal(await page.locator('#account-email').innerText(), email);
  await screenshot(page, 'account');
  const welcome = await emailTo(email, 'Bienvenue sur Trame');
  assert.match(welcome, /Bonjour Léa Morand,/);

  await signOut(page);
  await page.goto(`${BASE}/signin`);
  await hydrated(page);
  await fill(page, { email, password: 'pas le bon mot de passe' });
  await page.click('#sign-in-form button[type="submit"]');
  await page.locator('#field-password-error', { hasText: 'incorrect' }).waitFor();
  await fill(page, { password: 'fil rouge du Léman' });
  await page.click('#sign-in-form button[type="submit"]');
  await page.waitForURL(`${BASE}/account`);
});

test('a forgotten password is reset with the emailed link', async () => {
  const { page } = browser;
  await signOut(page);
  await page.goto(`${BASE}/forgot-password`);
  await hydrated(page);
  await fill(page, { email });
  await page.click('#forgot-form button[type="submit"]');
  await page.locator('.notice', { hasText: 'un lien vient de lui être envoyé' }).waitFor();

  const message = await emailTo(email, 'reset-password?token=');
  const link = message.match(/(http:\/\/\S+reset-password\?token=[A-Za-z0-9_-]+)/)[1];
  await page.goto(link);
  await hydrated(page);
  await fill(page, { password: 'une nouvelle phrase secrète' });
  await page.click('#reset-form button[type="submit"]');
  await page.waitForURL(`${BASE}/account`);

  // the link worked once: a second use is refused with a clear message
  await signOut(page);
  await page.goto(link);
  await hydrated(page);
  await fill(page, { password: 'encore une autre phrase' });
  await page.click('#reset-form button[type="submit"]');
  await page.locator('.form-error', { hasText: 'plus valable' }).waitFor();

  await page.goto(`${BASE}/signin`);
  await hydrated(page);
  await fill(page, { email, password: 'une nouvelle phrase secrète' });
  await page.click('#sign-in-form button[type="submit"]');
  await page.waitForURL(`${BASE}/account`);
});

test('no errors in the browser console', () => {
  assert.deepEqual(browser.problems, []);
});
