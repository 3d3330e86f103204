// Help that is not money: a visitor offers four hours to the demo campaign's volunteer-hours
// need, the owner accepts the offer and marks it done in the studio, and the need's progress on
// the campaign page moves by four hours. The helper follows it on their account.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, openBrowser, hydrated, screenshot, emailTo, signIn } from './browser.mjs';

const NEED = 'Bénévoles pour trier et inventorier les tissus';
const helperEmail = `camille.${Date.now()}@example.org`;
let helper;
let owner;

before(async () => {
  helper = await openBrowser();
  owner = await openBrowser({ phone: true });
});
after(async () => {
  await helper?.close();
  await owner?.close();
});

/** The hours covered on the campaign page (`44 / 120 heures` → 44). */
async function covered(page) {
  // a fresh load: a `goto` to the address already shown (same #fragment) would not reload it
  await page.goto('about:blank');
  await page.goto(`${BASE}/campaigns/fil-rouge-geneve#needs`);
  const text = await page.locator('.need', { hasText: NEED }).locator('.need-progress').innerText();
  return Number(text.split('/')[0].trim());
}

test('a visitor offers four hours; the owner accepts and marks them done; the need moves', async () => {
  const { page, problems } = helper;
  const before = await covered(page);

  // signed out, the offer page sends to sign-in first
  await page.locator('.need', { hasText: NEED }).getByRole('link', { name: 'Proposer mon aide' }).click();
  await page.waitForURL(/\/signin\?next=/);
  await page.click('a[href^="/signup"]');
  await hydrated(page);
  await page.fill('input[name="display_name"]', 'Camille Favre');
  await page.fill('input[name="email"]', helperEmail);
  await page.fill('input[name="password"]', 'fil rouge du Léman');
  await page.click('#sign-up-form button[type="submit"]');
  await page.waitForURL(/\/needs\/\d+\/help$/);
  await hydrated(page);
  // a mistake comes back in place
  await page.fill('#field-quantity', '0');
  await page.evaluate(() => document.querySelector('#field-quantity').removeAttribute('min'));
  await page.click('#offer-form button[type="submit"]');
  await page.locator('#field-quantity-error', { hasText: 'nombre entier' }).waitFor();
  await page.fill('#field-quantity', '4');
  await page.fill('#field-message', 'Disponible le samedi après-midi.');
  await page.click('#offer-form button[type="submit"]');
  await page.waitForURL(/\/me\/help/);
  await page.locator('#offer-sent').waitFor();
  await page.locator('li[data-status="offered"]', { hasText: NEED }).waitFor();
  assert.equal(await covered(page), before, 'an offer counts once accepted');

  // the owner, on a phone: the studio's needs tab, then accept and mark done
  const o = owner.page;
  await signIn(o, 'collectif@example.org');
  await o.goto(`${BASE}/studio`);
  await o.locator('.studio-item', { hasText: 'Fil Rouge' }).getByRole('link', { name: 'Modifier' }).first().click();
  await o.locator('.studio-nav a', { hasText: 'Coups de main' }).click();
  await o.waitForURL(/\/needs$/);
  await hydrated(o);
  const offer = o.locator('.offer', { hasText: 'Camille Favre' });
  await offer.locator('button[data-step="accepted"]').click();
  await o.locator('#offer-answered').waitFor();
  await o.locator('.offer[data-status="accepted"]', { hasText: 'Camille Favre' }).waitFor();
  await o.locator('.offer', { hasText: 'Camille Favre' }).locator('button[data-step="done"]').click();
  await o.locator('.offer[data-status="done"]', { hasText: 'Camille Favre' }).waitFor();
  const overflow = await o.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the needs page is ${overflow}px wider than the phone`);
  await screenshot(o, 'studio-needs-phone');
  await emailTo(helperEmail, 'marqué votre aide');

  assert.equal(await covered(page), before + 4);
  await page.goto(`${BASE}/me/help`);
  await page.locator('li[data-status="done"]', { hasText: NEED }).waitFor();
  assert.deepEqual(problems.filter((p) => !p.includes('404') && !p.includes('422')), []);
  assert.deepEqual(owner.problems, []);
});
