// Backers pledge in Chromium with Stripe.js (localstripe's fake, which simulates 3-D Secure):
// a limited reward with an inline sign-up, the campaign page updated, a cancel that gives the
// unit back; a card asking for authentication, completed and failed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, openBrowser, hydrated, screenshot, fillOptions, signUpInline, payWithCard } from './browser.mjs';

const SLUG = 'fil-rouge-geneve';
let browser;

before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });

/** CHF 16’897.50 → 16897.5 */
function amount(text) {
  return Number(text.replace(/[^0-9.,]/g, '').replace(/’/g, '').replace(',', '.'));
}

async function raised(page) {
  await page.goto(`${BASE}/campaigns/${SLUG}`);
  await hydrated(page);
  return amount(await page.locator('#raised').innerText());
}

/** Units left on a reward card: `7 restants sur 12` → 7. */
async function unitsLeft(page, tierId) {
  const text = await page.locator(`#reward-${tierId} .availability`).innerText();
  return Number(text.match(/(\d+)/)[1]);
}

test('a backer pledges for a limited reward, signing up inline, then cancels', async () => {
  const { page, problems } = browser;
  const before = await raised(page);
  // a limited reward that is still available, without time slots
  const card = page.locator('.reward-card:not(.is-soldout)', { has: page.locator('.availability', { hasText: 'restant' }) })
    .filter({ has: page.locator('a.choose-reward') }).first();
  const tierId = (await card.getAttribute('id')).replace('reward-', '');
  const left = await unitsLeft(page, tierId);
  const price = amount(await card.locator('.reward-price').innerText());
  await card.locator('a.choose-reward').click();
  await page.waitForURL(new RegExp(`/campaigns/${SLUG}/pledge\\?tier=${tierId}$`));
  await hydrated(page);
  await page.locator('#chosen-reward').waitFor();
  await fillOptions(page);
  assert.match(await page.locator('#pledge-terms').innerText(), /seulement si l’objectif est atteint/);
  await signUpInline(page, 'Camille Rochat', `camille.${Date.now()}@example.org`);
  await screenshot(page, 'pledge-form');
  await page.click('#pledge-submit');

  await page.waitForURL(/\/pledges\/\d+\/pay$/);
  const terms = await page.locator('#pay-terms').innerText();
  assert.match(terms, /Montant\u00a0: CHF/);
  assert.match(terms, /rien n’est débité/);
  await payWithCard(page, '4242424242424242');
  await page.waitForURL(/\/pledges\/\d+$/);
  await screenshot(page, 'pledge-confirmed');
  await page.locator('#pledge-result[data-status="active"]').waitFor();

  // the total grows by the price, plus what the partner's match fund adds
  const after = await raised(page);
  assert.ok(after >= before + price, `the new total: ${before} + ${price} → ${after}`);
  assert.equal(await unitsLeft(page, tierId), left - 1, 'one unit fewer');

  await page.goto(`${BASE}/me/pledges`);
  await hydrated(page);
  const item = page.locator('.pledge-item[data-status="active"]').first();
  await item.locator('button.danger').click();
  await page.locator('.pledge-item[data-status="cancelled"]').first().waitFor();
  assert.equal(await raised(page), before, 'the total is back');
  assert.equal(await unitsLeft(page, tierId), left, 'the unit came back');
  assert.deepEqual(problems, []);
});

test('a visitor watching the page sees a pledge made elsewhere without reloading', async () => {
  const watcher = await openBrowser();
  try {
    const { page: watching } = watcher;
    await watching.goto(`${BASE}/campaigns/${SLUG}`);
    await hydrated(watching);
    await watching.locator('.live-totals[data-open="true"]').waitFor({ state: 'attached' });
    await watching.evaluate(() => { window.notReloaded = true; });
    const before = amount(await watching.locator('#raised').innerText());
    const card = watching.locator('.reward-card:not(.is-soldout)', { has: watching.locator('.availability', { hasText: 'restant' }) })
      .filter({ has: watching.locator('a.choose-reward') }).first();
    const tierId = (await card.getAttribute('id')).replace('reward-', '');
    const left = await unitsLeft(watching, tierId);

    // another backer (the main browser, signed in) pledges for that reward
    const { page } = browser;
    await page.goto(`${BASE}/campaigns/${SLUG}/pledge?tier=${tierId}`);
    await hydrated(page);
    await fillOptions(page);
    await page.click('#pledge-submit');
    await payWithCard(page, '4242424242424242');
    await page.locator('#pledge-result[data-status="active"]').waitFor();

    await watching.waitForFunction((n) => document.querySelector(`#reward-${n.tierId} .availability`)?.innerText.match(/\d+/)?.[0] === String(n.left - 1),
      { tierId, left }, { timeout: 5_000 });
    await watching.waitForFunction((b) => Number(document.querySelector('#raised').innerText.replace(/[^0-9.]/g, '')) > b, before, { timeout: 5_000 });
    assert.equal(await watching.evaluate(() => window.notReloaded), true, 'the same page, not reloaded');
    assert.deepEqual(watcher.problems, []);
  } finally {
    await watcher.close();
  }
});

test('a card asking for authentication completes the pledge through 3-D Secure', async () => {
  const other = await openBrowser();
  try {
    const { page, problems } = other;
    await page.goto(`${BASE}/campaigns/${SLUG}`);
    await hydrated(page);
    await page.click('#back-project');
    await page.waitForURL(new RegExp(`/campaigns/${SLUG}/pledge$`));
    await hydrated(page);
    await page.fill('#field-extra', '20');
    await signUpInline(page, 'Jonas Weber', `jonas.${Date.now()}@example.org`);
    await page.click('#pledge-submit');
    await payWithCard(page, '4000002500003155');
    await page.getByRole('button', { name: 'Complete authentication' }).click();
    await page.waitForURL(/\/pledges\/\d+$/);
    await page.locator('#pledge-result[data-status="active"]').waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await other.close();
  }
});

test('failing the authentication leaves a clear message and no active pledge', async () => {
  const other = await openBrowser();
  try {
    const { page } = other;
    await page.goto(`${BASE}/campaigns/${SLUG}/pledge`);
    await hydrated(page);
    await page.fill('#field-extra', '15');
    await signUpInline(page, 'Ana Costa', `ana.${Date.now()}@example.org`);
    await page.click('#pledge-submit');
    await payWithCard(page, '4000002500003155');
    await page.getByRole('button', { name: 'Fail authentication' }).click();
    await page.locator('#pay-box[data-failed="true"]').waitFor();
    assert.match(await page.locator('#pay-box .pay-message').innerText(), /Rien n’a été débité/);
    assert.match(page.url(), /\/pledges\/\d+\/pay$/);
    await screenshot(page, 'pay-failed');
    await page.goto(`${BASE}/me/pledges`);
    await hydrated(page);
    assert.equal(await page.locator('.pledge-item').count(), 1);
    assert.equal(await page.locator('.pledge-item').getAttribute('data-status'), 'pending');
    // trying again with a new SetupIntent works
    await page.locator('.pledge-item a[href$="/pay"]').click();
    await payWithCard(page, '4242424242424242');
    await page.locator('#pledge-result[data-status="active"]').waitFor();
  } finally {
    await other.close();
  }
});

test('the form always shows, and sends, the reward in the address', async () => {
  const { page } = browser;
  await page.goto(`${BASE}/campaigns/${SLUG}`);
  await hydrated(page);
  const first = page.locator('.reward-card:not(.is-soldout) a.choose-reward').first();
  const firstId = (await first.getAttribute('href')).match(/tier=(\d+)/)[1];
  await first.click();
  await page.waitForURL(new RegExp(`tier=${firstId}$`));
  await hydrated(page);
  await page.locator(`#chosen-reward[data-tier="${firstId}"]`).waitFor();
  // another reward under "Other choices", with the mouse, then with the keyboard
  for (const how of ['mouse', 'keyboard']) {
    const other = page.locator('.other-rewards a[href*="tier="]').first();
    const otherId = (await other.getAttribute('href')).match(/tier=(\d+)/)[1];
    if (how === 'mouse') await other.click();
    else { await other.focus(); await page.keyboard.press('Enter'); }
    await page.waitForURL(new RegExp(`tier=${otherId}$`));
    await page.locator(`#chosen-reward[data-tier="${otherId}"]`).waitFor();
    assert.equal(await page.locator('#pledge-form input[name$="[tier]"]').inputValue(), otherId, how);
  }
  // "no reward": the form has no reward either
  await page.locator('.other-rewards a:not([href*="tier="])').first().click();
  await page.waitForURL(new RegExp(`/campaigns/${SLUG}/pledge$`));
  await page.locator('#chosen-reward').waitFor({ state: 'detached' });
  assert.equal(await page.locator('#pledge-form input[name$="[tier]"]').count(), 0);
  // an amount that is not one: the error is tied to the field
  await page.fill('#field-extra', 'beaucoup');
  await page.click('#pledge-submit');
  await page.locator('#field-extra[aria-invalid="true"]').waitFor();
  assert.equal(await page.locator('#field-extra').getAttribute('aria-describedby'), 'field-extra-error');
  assert.notEqual((await page.locator('#field-extra-error').innerText()).trim(), '');
});
