// The designer registry: a visitor filters by a practice with plain links, sees only designers
// who practise it, opens one and follows the link to the campaign they are part of. And a
// designer invited by a campaign's team claims their profile on a phone and keeps it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PASSWORD, openBrowser, hydrated, screenshot, emailTo, signIn } from './browser.mjs';

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

test('a team invites a designer, who claims the profile on a phone and edits it', async () => {
  const team = await openBrowser();
  const designer = `louise.${Date.now()}@example.org`;
  try {
    const p = team.page;
    await signIn(p, 'collectif@example.org');
    await p.goto(`${BASE}/studio`);
    await p.locator('.studio-item', { hasText: 'Fil Rouge' }).locator('a.button', { hasText: 'Modifier' }).click();
    await p.waitForURL(/\/studio\/campaigns\/\d+$/);
    await p.goto(`${p.url()}/designers`);
    await hydrated(p);
    // Margot keeps her own profile already; Louise is invited
    const margot = p.locator('.studio-designer', { hasText: 'Margot Rieder' });
    await margot.locator('text=profil tenu par la personne elle-même').waitFor();
    assert.equal(await margot.locator('summary', { hasText: 'Inviter à tenir son profil' }).count(), 0);
    const louise = p.locator('.studio-designer', { hasText: 'Louise Amsler' });
    await louise.locator('summary', { hasText: 'Inviter à tenir son profil' }).click();
    await louise.locator('input[type="email"]').fill(designer);
    await louise.locator('button', { hasText: 'Envoyer l’invitation' }).click();
    await p.locator('#designer-invited').waitFor();
    await p.locator('.studio-designer', { hasText: 'Louise Amsler' }).locator('.designer-invite', { hasText: designer }).waitFor();
    assert.deepEqual(team.problems.filter((x) => !x.includes('404')), []);
  } finally {
    await team.close();
  }

  const phone = await openBrowser({ phone: true, locale: 'de-CH' });
  try {
    const p = phone.page;
    const message = await emailTo(designer, '/designer-invites/');
    const link = message.match(/(http:\/\/\S+\/designer-invites\/[A-Za-z0-9_-]+)/)[1];
    await p.goto(link);
    await p.locator('.invite-page .lead', { hasText: 'Louise Amsler' }).waitFor();
    // no account yet: sign up from the link, and come back to it
    await p.locator('.invite-page a.button.secondary').click();
    await p.waitForURL(/\/signup/);
    await hydrated(p);
    await p.fill('input[name="display_name"]', 'Louise Amsler');
    await p.fill('input[name="email"]', designer);
    await p.fill('input[name="password"]', PASSWORD);
    await p.click('#sign-up-form button[type="submit"]');
    await p.waitForURL(/\/designer-invites\//);
    await p.click('#accept-claim-form button[type="submit"]');
    await p.waitForURL(/\/me\/designer\?done=claimed/);
    await p.locator('#designer-claimed').waitFor();
    await hydrated(p);

    // a mistake is named in place, what was typed stays; then it saves
    const bio = 'Ich nähe aus Restposten der Genfer Ateliers, seit 2016.';
    await p.fill('#my-designer-field-bio', bio);
    // a real address for the browser, not one a profile links to
    await p.fill('#my-designer-field-website', 'javascript:alert(1)');
    await p.click('#my-designer-form button[type="submit"]');
    await p.locator('#my-designer-field-website-error', { hasText: /.+/ }).waitFor();
    assert.equal(await p.inputValue('#my-designer-field-bio'), bio);
    await p.fill('#my-designer-field-website', 'https://louise.example.ch');
    await p.click('#my-designer-form button[type="submit"]');
    await p.locator('#designer-saved').waitFor();
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    await screenshot(p, 'my-designer-phone');

    // her public page says what she wrote
    await p.click('#my-designer-page');
    await p.waitForURL(/\/designers\/[a-z0-9-]+$/);
    await p.locator('text=seit 2016').waitFor();
    assert.deepEqual(phone.problems.filter((x) => !x.includes('404')), []);
  } finally {
    await phone.close();
  }
});
