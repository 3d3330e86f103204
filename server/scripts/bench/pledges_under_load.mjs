// Pledges made while the pages are flooded: each of ACCOUNTS new accounts pledges three times
// (no reward, CHF 10) as a browser without JavaScript would, for as long as the flood lasts.
// Usage: node pledges_under_load.mjs <base url> <slug> <seconds>
const [base, slug, seconds] = process.argv.slice(2);
const ACCOUNTS = Number(process.env.ACCOUNTS ?? 20);
const run = Date.now().toString(36);
const form = (fields) => new URLSearchParams(fields).toString();

async function post(path, fields, cookie) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', origin: base, ...(cookie ? { cookie } : {}) },
    body: form(fields),
  });
  return res;
}

const accounts = [];
for (let i = 0; i < ACCOUNTS; i++) {
  const res = await post('/api/auth/sign-up', { display_name: `Bench ${i}`, email: `bench-${run}-${i}@example.org`, password: 'fil rouge du Léman' });
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  if (!cookie.includes('trame_session')) throw new Error(`sign-up ${i}: ${res.status}`);
  accounts.push(cookie);
}
process.stdout.write('ready\n');
const until = Date.now() + Number(seconds) * 1000;
const outcomes = {};
let n = 0;
for (const cookie of accounts) {
  for (let k = 0; k < 3 && Date.now() < until; k++) {
    const started = Date.now();
    const res = await post('/api/pledges/create', { 'pledge[slug]': slug, 'pledge[key]': `bench-${run}-${n++}`, 'pledge[form][currency]': 'CHF', 'pledge[form][extra]': '10' }, cookie);
    await res.arrayBuffer();
    const key = `${res.status}`;
    outcomes[key] = outcomes[key] ?? { count: 0, ms: [] };
    outcomes[key].count += 1;
    outcomes[key].ms.push(Date.now() - started);
  }
}
const total = Object.values(outcomes).reduce((s, o) => s + o.count, 0);
const ok = outcomes['200']?.count ?? 0;
const lines = Object.entries(outcomes).map(([status, o]) => {
  const ms = o.ms.sort((a, b) => a - b);
  return `HTTP ${status}: ${o.count} (median ${ms[Math.floor(ms.length / 2)]} ms, slowest ${ms[ms.length - 1]} ms)`;
});
console.log(`pledges during the flood: ${ok} of ${total} succeeded (${(100 * ok / Math.max(total, 1)).toFixed(1)} %); ${lines.join('; ')}`);
