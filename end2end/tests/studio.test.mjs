// A designer collective's owner signs up, confirms the address from the email, starts a
// campaign in the studio and edits it: an error comes back in place, the draft stays private.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, openBrowser, hydrated, screenshot, emailTo } from './browser.mjs';

const email = `atelier.${Date.now()}@example.org`;
let browser;

before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

test('an owner confirms the address, starts a campaign and edits it', async () => {
  const { page, problems } = browser;
  await page.goto(`${BASE}/signup`);
  await hydrated(page);
  await page.fill('input[name="display_name"]', 'Atelier du Rhône');
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', 'fil rouge du Léman');
  await page.click('#sign-up-form button[type="submit"]');
  await page.waitForURL(`${BASE}/account`);

  // not yet confirmed: the studio says what to do first
  await page.locator('#nav-studio').click();
  await page.waitForURL(`${BASE}/studio`);
  await page.click('#start-campaign');
  await page.locator('#verify-first').waitFor();

  // the link in the email, then its button
  const message = await emailTo(email, 'verify-email?token=');
  const link = message.match(/(http:\/\/\S+verify-email\?token=[A-Za-z0-9_-]+)/)[1];
  await page.goto(link);
  await page.click('#verify-form button[type="submit"]');
  await page.waitForURL(`${BASE}/account`);

  await page.goto(`${BASE}/studio/new`);
  await hydrated(page);
  assert.equal(await page.locator('#verify-first').count(), 0);
  await page.fill('input[name="title"]', 'Atelier du Rhône — réparer ensemble');
  await page.click('#start-form button[type="submit"]');
  await page.waitForURL(/\/studio\/campaigns\/\d+$/);
  await hydrated(page);
  assert.equal(await page.inputValue('#field-slug'), 'atelier-du-rhone-reparer-ensemble');

  // a goal of zero: the error comes back in place, the story typed is kept
  await page.fill('#field-story', '## Notre atelier\n\nNous réparons **ensemble**.');
  await page.fill('#field-goal', '0');
  await page.click('#campaign-form button[type="submit"]');
  await page.locator('#field-goal-error', { hasText: 'objectif positif' }).waitFor();
  assert.match(await page.inputValue('#field-story'), /Nous réparons/);
  await page.fill('#field-goal', '12’000');
  await page.click('#campaign-form button[type="submit"]');
  await page.locator('#campaign-saved').waitFor();
  assert.equal(await page.inputValue('#field-goal'), '12000');
  assert.equal(await page.locator('#story-preview h2').innerText(), 'Notre atelier');
  await screenshot(page, 'studio-editor');

  // the list shows the draft and its next step; the public page does not exist yet
  await page.goto(`${BASE}/studio`);
  const item = page.locator('.studio-item[data-status="draft"]');
  assert.match(await item.innerText(), /Atelier du Rhône/);
  const response = await page.goto(`${BASE}/campaigns/atelier-du-rhone-reparer-ensemble`);
  assert.equal(response.status(), 404);
  assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
});
