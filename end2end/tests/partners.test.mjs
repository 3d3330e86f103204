// A partner signs up from the demo campaign's partner wall, uploads a logo, the campaign's
// owner approves the application in the studio, and the logo shows on the wall.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, openBrowser, hydrated, screenshot, emailTo, signIn, png } from './browser.mjs';

const SLUG = 'fil-rouge-geneve';
const ORG = `Atelier Lumière ${Date.now()}`;
const email = `lumiere.${Date.now()}@example.org`;
let partner;
let owner;

before(async () => {
  partner = await openBrowser();
  owner = await openBrowser();
});
after(async () => {
  await partner?.close();
  await owner?.close();
});

test('a partner signs up with a logo, the owner approves, the logo shows on the wall', async () => {
  const { page, problems } = partner;
  await page.goto(`${BASE}/campaigns/${SLUG}#partners`);
  await page.click('#become-partner');
  await page.waitForURL(/\/signin\?next=/);
  await page.click('a[href^="/signup"]');
  await hydrated(page);
  await page.fill('input[name="display_name"]', 'Zoé Python');
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', 'fil rouge du Léman');
  await page.click('#sign-up-form button[type="submit"]');
  await page.waitForURL(/\/partners\/join\?campaign=fil-rouge-geneve/);
  await hydrated(page);
  assert.equal(await page.inputValue('#field-contact_name'), 'Zoé Python');
  await page.fill('#field-organisation', ORG);
  await page.selectOption('#field-kind', 'in_kind');
  await page.fill('#field-message', 'Un local de 40 m² le samedi, pour les ateliers.');
  // an address the browser takes but the server refuses (not http): the error comes back in place
  await page.fill('#field-website', 'ftp://lumiere.example.ch');
  await page.click('#partner-form button[type="submit"]');
  await page.locator('#field-website-error', { hasText: 'https://' }).waitFor();
  assert.equal(await page.inputValue('#field-organisation'), ORG);
  await page.fill('#field-website', 'https://lumiere.example.ch');
  await page.click('#partner-form button[type="submit"]');
  await page.waitForURL(/\/me\/partners/);
  await page.locator('#partner-applied').waitFor();
  const card = page.locator('.partnership', { hasText: ORG });
  await card.locator('input[type="file"]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png(400, 160) });
  await card.locator('.upload-form button[type="submit"]').click();
  await page.locator('#partner-changed').waitFor();
  await page.locator('.partnership[data-status="applied"] img.partner-logo').waitFor();

  // the owner approves it in the studio
  const o = owner.page;
  await signIn(o, 'collectif@example.org');
  await o.goto(`${BASE}/studio`);
  await o.locator('.studio-item', { hasText: 'Fil Rouge' }).getByRole('link', { name: 'Modifier' }).first().click();
  await o.locator('.studio-nav a', { hasText: 'Partenaires' }).click();
  await o.waitForURL(/\/partners$/);
  await hydrated(o);
  const application = o.locator('.partner-application', { hasText: ORG });
  await application.locator('button[data-approve="true"]').click();
  await o.locator('#partner-reviewed').waitFor();
  await o.locator('.partner-application[data-status="approved"]', { hasText: ORG }).waitFor();
  await emailTo(email, 'maintenant partenaire');

  // on the wall, grouped by kind, with the logo
  await page.goto(`${BASE}/campaigns/${SLUG}#partners`);
  const logo = page.locator('#partners img.partner-logo', { has: page.locator(`xpath=self::*[@alt="${ORG}"]`) });
  await logo.waitFor();
  assert.ok(await logo.evaluate((img) => img.complete && img.naturalWidth > 0), 'the logo loads');
  await screenshot(page, 'partner-wall');
  assert.deepEqual(problems.filter((p) => !p.includes('404') && !p.includes('422')), []);
  assert.deepEqual(owner.problems, []);
});
