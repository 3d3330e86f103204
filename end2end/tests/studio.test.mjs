// A designer collective's owner signs up, confirms the address from the email, starts a
// campaign in the studio and edits it: an error comes back in place, the draft stays private.
// Then rewards (a limited one with a question, a workshop with two time slots), the review
// (an admin approves), the home page, a backer booking a slot, and the price lock.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, openBrowser, hydrated, screenshot, emailTo, fillOptions, signUpInline, signIn, payWithCard, png,
} from './browser.mjs';

const email = `atelier.${Date.now()}@example.org`;
let browser;
/** The new campaign's editor, made by the first test. */
let editor;

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
  editor = page.url();
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

/** `2026-12-02T14:05` in Geneva's time, `minutes` from now (as datetime-local inputs take it). */
function genevaInput(minutes) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Zurich', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + minutes * 60_000));
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

const TITLE = 'Atelier du Rhône — réparer ensemble';
const SLUG = 'atelier-du-rhone-reparer-ensemble';

/** Saves the reward form on screen and waits for the editor of the saved reward. */
async function saveReward(page) {
  await page.click('#reward-form button[type="submit"]');
  await page.locator('#reward-saved').waitFor();
  await hydrated(page);
}

test('the owner adds rewards and submits; an admin approves; a backer books a slot', async () => {
  const { page, problems } = browser;
  assert.ok(editor, 'the first test made the campaign');
  // ready for the review: a summary, and a start already passed so it opens once approved
  await page.goto(editor);
  await hydrated(page);
  await page.fill('#field-summary', 'Un atelier où l’on répare ses vêtements ensemble.');
  await page.fill('#field-starts_at', genevaInput(-60));
  await page.fill('#field-ends_at', genevaInput(60 * 24 * 20));
  await page.click('#campaign-form button[type="submit"]');
  await page.locator('#campaign-saved').waitFor();

  // the hero picture: a document is refused, a picture is taken
  await page.setInputFiles('#image-file', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('%PDF-1.7 not a picture') });
  await page.click('#image-form button[type="submit"]');
  await page.locator('#image-error', { hasText: 'n’est pas une image' }).waitFor();
  await page.setInputFiles('#image-file', { name: 'atelier.png', mimeType: 'image/png', buffer: png(1200, 675) });
  await page.fill('#image-alt', 'L’atelier et ses machines à coudre');
  await page.click('#image-form button[type="submit"]');
  await page.locator('#image-uploaded').waitFor();
  assert.equal(await page.locator('.image-list img').count(), 1);

  // a limited reward with a question
  await page.click('.studio-nav a[href$="/rewards"]');
  await page.click('#new-reward');
  await hydrated(page);
  await page.fill('#field-title', 'Sac à dos réparé');
  await page.fill('#field-price', '60');
  await page.fill('#field-quantity_limit', '5');
  await page.click('#reward-form button[type="submit"]');
  await page.waitForURL(/\/rewards\/\d+\?done=saved$/);
  await page.locator('#reward-saved').waitFor();

  // a workshop with two time slots; a slot ending before it starts is refused in place
  await page.goto(`${editor}/rewards/new`);
  await hydrated(page);
  await page.fill('#field-title', 'Atelier de réparation');
  await page.selectOption('#field-kind', 'workshop');
  await page.selectOption('#field-fulfilment', 'in_person');
  await page.fill('#field-price', '35');
  await saveReward(page);
  // a question for its backers
  await page.fill('#question-field-prompt', 'Niveau');
  await page.fill('#question-field-choices', 'Débutant·e\nConfirmé·e');
  await page.click('#question-form button[type="submit"]');
  await page.locator('.question-list li', { hasText: 'Niveau' }).waitFor();
  await hydrated(page);
  await page.fill('#new-slot-field-starts_at', genevaInput(60 * 24 * 10));
  await page.fill('#new-slot-field-ends_at', genevaInput(60 * 24 * 10 - 60));
  await page.click('#new-slot-form button[type="submit"]');
  await page.locator('#new-slot-field-ends_at-error', { hasText: 'suivre le début' }).waitFor();
  for (const [added, days] of [10, 17].entries()) {
    await page.fill('#new-slot-field-starts_at', genevaInput(60 * 24 * days));
    await page.fill('#new-slot-field-ends_at', genevaInput(60 * 24 * days + 120));
    await page.fill('#new-slot-field-capacity', '6');
    await page.click('#new-slot-form button[type="submit"]');
    // the page comes back with one slot more
    await page.locator('.slot-row').nth(added).waitFor();
    await page.locator('#reward-changed').waitFor();
    await hydrated(page);
  }
  assert.equal(await page.locator('.slot-row').count(), 2);
  await screenshot(page, 'studio-reward');
  const workshop = page.url().match(/\/rewards\/(\d+)/)[1];

  // the list, in order
  await page.click('.studio-nav a[href$="/rewards"]');
  const titles = await page.locator('.studio-reward h2 a').allInnerTexts();
  assert.deepEqual(titles, ['Sac à dos réparé', 'Atelier de réparation']);

  // submitted for review
  await page.goto(editor);
  await hydrated(page);
  await page.click('#submit-form button[type="submit"]');
  await page.locator('#submitted-notice').waitFor();

  // the admin approves it from the review queue
  const admin = await openBrowser();
  try {
    await signIn(admin.page, 'admin@example.org');
    await admin.page.click('#nav-review');
    await admin.page.waitForURL(`${BASE}/admin/review`);
    const entry = admin.page.locator('.studio-item', { hasText: TITLE });
    await entry.locator('form[id^="approve-"] button').click();
    await admin.page.locator('#campaign-approved').waitFor();
    assert.equal(await admin.page.locator('.studio-item', { hasText: TITLE }).count(), 0);
    assert.deepEqual(admin.problems, []);
  } finally {
    await admin.close();
  }
  await emailTo(email, 'approuvée');

  // live: on the home page; a backer books the workshop's first slot
  const backerEmail = `lea.${Date.now()}@example.org`;
  let checkIn;
  const backer = await openBrowser();
  try {
    await backer.page.goto(`${BASE}/`);
    await backer.page.locator('a', { hasText: TITLE }).first().waitFor();
    await backer.page.goto(`${BASE}/campaigns/${SLUG}`);
    const hero = backer.page.locator('img.hero-image');
    assert.equal(await hero.getAttribute('alt'), 'L’atelier et ses machines à coudre');
    assert.match(await hero.getAttribute('srcset'), /480w.*960w.*1200w|480w.*960w/);
    await backer.page.goto(`${BASE}/campaigns/${SLUG}/pledge?tier=${workshop}`);
    await hydrated(backer.page);
    await fillOptions(backer.page);
    await signUpInline(backer.page, 'Léa Bron', backerEmail);
    await backer.page.click('#pledge-submit');
    await payWithCard(backer.page, '4242424242424242');
    await backer.page.locator('#pledge-result[data-status="active"]').waitFor();
    // the ticket: a calendar file and the check-in code
    await backer.page.locator('a[href$="/calendar.ics"]').waitFor();
    checkIn = await backer.page.locator('#checkin-link').getAttribute('href');
    assert.deepEqual(backer.problems, []);
  } finally {
    await backer.close();
  }

  // the owner may still describe the workshop, but its price is fixed now that it has a backer
  await page.goto(`${editor}/rewards/${workshop}`);
  await hydrated(page);
  await page.locator('#price-locked').waitFor();
  assert.equal(await page.locator('#field-price').getAttribute('readonly'), '');
  assert.equal(await page.locator(`.slot-row[data-booked="1"]`).count(), 1);
  await page.fill('#field-description', 'Apportez un vêtement à réparer.');
  await page.click('#reward-form button[type="submit"]');
  await page.locator('#reward-saved').waitFor();
  const publicPage = await page.goto(`${BASE}/campaigns/${SLUG}`);
  assert.equal(publicPage.status(), 200);
  await page.locator('.reward-card', { hasText: 'Apportez un vêtement à réparer.' }).waitFor();

  // an update, previewed, published: on the campaign page, and emailed to the backer
  await page.goto(`${editor}/updates`);
  await hydrated(page);
  await page.fill('#new-update-field-title', 'Le premier atelier est complet');
  await page.fill('#new-update-field-body', 'Merci\u00a0! Un **second** créneau ouvre bientôt.');
  await page.click('#new-update-form button[type="submit"]');
  await page.locator('#update-saved').waitFor();
  await page.locator('.studio-update .update-preview strong', { hasText: 'second' }).waitFor();
  await page.locator('.studio-update form[id^="publish-"] button').click();
  await page.locator('#update-published').waitFor();
  await page.goto(`${BASE}/campaigns/${SLUG}#updates`);
  await page.locator('#updates h3', { hasText: 'Le premier atelier est complet' }).waitFor();
  await emailTo(backerEmail, 'Le premier atelier est complet');

  // the backers export has the backer's row with the answer
  const csv = await page.request.get(`${editor}/backers.csv`);
  assert.equal(csv.status(), 200);
  const row = (await csv.text()).split('\n').find((line) => line.includes('Léa Bron'));
  assert.ok(row?.includes('Niveau: Débutant·e'), row);
  // at the workshop, the owner scans the backer's code: checked in, and on the attendee list
  await page.goto(`${BASE}${checkIn}`);
  await page.locator('#check-in[data-state="done"]').waitFor();
  await page.goto(`${editor}/dashboard`);
  await page.locator('.attendees li[data-checked-in="true"]', { hasText: 'Léa Bron' }).waitFor({ state: 'attached' });
  await screenshot(page, 'studio-dashboard');
  assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
});

test('on a phone, a teammate invited by email joins and translates the campaign into English', async () => {
  const { page, problems } = browser;
  const mate = `noe.${Date.now()}@example.org`;
  await page.goto(`${editor}/team`);
  await hydrated(page);
  await page.fill('#field-email', mate);
  await page.selectOption('#field-role', 'editor');
  await page.click('#invite-form button[type="submit"]');
  await page.locator('#invite-sent').waitFor();
  await page.locator('#team-invites li', { hasText: mate }).waitFor();

  const phone = await openBrowser({ phone: true, locale: 'en-GB' });
  try {
    const p = phone.page;
    await p.goto(`${BASE}/signup`);
    await hydrated(p);
    await p.fill('input[name="display_name"]', 'Noé Keller');
    await p.fill('input[name="email"]', mate);
    await p.fill('input[name="password"]', 'fil rouge du Léman');
    await p.click('#sign-up-form button[type="submit"]');
    await p.waitForURL(`${BASE}/account`);
    // the link in the invitation (in French: the inviter's language, the address has no account yet)
    const message = await emailTo(mate, '/invites/');
    const link = message.match(/(http:\/\/\S+\/invites\/[A-Za-z0-9_-]+)/)[1];
    await p.goto(link);
    await p.locator('.invite-page .lead', { hasText: 'Atelier du Rhône' }).waitFor();
    await p.click('#accept-invite-form button[type="submit"]');
    await p.locator('#joined-team').waitFor();

    // the translations tab, in English; the campaign is written in French
    await p.locator('.studio-nav a', { hasText: 'Translations' }).click();
    await p.waitForURL(/\/translations\?lang=en/);
    await hydrated(p);
    await p.fill('#field-title', 'Rhône workshop — mending together');
    await p.fill('#field-summary', 'A workshop where we mend clothes together.');
    await p.click('#campaign-texts-form button[type="submit"]');
    await p.locator('#translation-saved').waitFor();
    assert.equal(await p.inputValue('#field-title'), 'Rhône workshop — mending together');
    // nothing wider than the phone's screen
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    await screenshot(p, 'studio-translations-phone');

    // English readers see the translation, French readers the original
    await p.goto(`${BASE}/campaigns/${SLUG}`);
    assert.equal(await p.locator('h1').innerText(), 'Rhône workshop — mending together');
    assert.deepEqual(phone.problems.filter((x) => !x.includes('404')), []);
  } finally {
    await phone.close();
  }
  await page.goto(`${BASE}/campaigns/${SLUG}`);
  assert.equal(await page.locator('h1').innerText(), TITLE);
  assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
});
