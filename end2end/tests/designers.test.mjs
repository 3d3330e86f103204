// The designer registry: a visitor filters by a practice with plain links, sees only designers
// who practise it, opens one and follows the link to the campaign they are part of.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, openBrowser, screenshot } from './browser.mjs';

let browser;
before(async () => { browser = await openBrowser({ phone: true }); });
after(async () => { await browser?.close(); });

test('a visitor finds a designer by practice and follows the link to the campaign', async () => {
  const { page, problems } = browser;
  await page.goto(`${BASE}/designers`);
  const all = await page.locator('.designer-card').count();
  const option = page.locator('#filter-practice a', { hasText: 'Surcyclage' });
  const count = Number(await option.locator('.count').innerText());
  await option.click();
  await page.waitForURL(/\/designers\?practice=upcycling$/);
  const cards = page.locator('.designer-card');
  assert.equal(await cards.count(), count, 'the count said how many would show');
  assert.ok(count > 0 && count < all, `${count} of ${all}`);
  for (const chips of await cards.locator('.chips').all()) {
    assert.match(await chips.innerText(), /Surcyclage/);
  }
  assert.equal(await page.locator('#filter-practice a[aria-current="true"]').count(), 1);
  await screenshot(page, 'designers-upcycling-phone');

  await cards.first().locator('h3 a').click();
  await page.waitForURL(/\/designers\/[a-z0-9-]+$/);
  const campaign = page.locator('.campaign-card a').first();
  const title = (await campaign.innerText()).trim();
  await campaign.click();
  await page.waitForURL(/\/campaigns\/[a-z0-9-]+$/);
  assert.equal((await page.locator('h1').innerText()).trim(), title);
  assert.deepEqual(problems, []);
});
