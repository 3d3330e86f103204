// 2,000 (STREAMS) live-totals streams open on one server process: the memory they take and the
// time from a change's commit to its arrival at the last client.
// Usage: node streams.mjs <base url> <slug> <server pid> <psql command that changes the campaign>
import http from 'node:http';
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const [base, slug, pid, change] = process.argv.slice(2);
const STREAMS = Number(process.env.STREAMS ?? 2000);
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
const rss = () => Number(fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) * 1024;

function open() {
  return new Promise((resolve, reject) => {
    const client = { messages: 0, waiters: [] };
    const req = http.get(`${base}/campaigns/${slug}/live?lang=fr`, { agent }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`));
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!event.split('\n').some((l) => l.startsWith('data:'))) continue;
          client.messages += 1;
          client.last = process.hrtime.bigint();
          if (client.messages === 1) resolve(client);
          client.waiters.splice(0).forEach((w) => w());
        }
      });
    });
    req.on('error', reject);
    client.req = req;
  });
}

const before = rss();
const clients = [];
for (let i = 0; i < STREAMS; i += 100) {
  clients.push(...await Promise.all(Array.from({ length: Math.min(100, STREAMS - i) }, open)));
}
await new Promise((r) => setTimeout(r, 500));
const after = rss();
const arrived = Promise.all(clients.map((c) => new Promise((resolve) => { c.waiters.push(resolve); })));
execSync(change, { stdio: 'ignore' });
const committed = process.hrtime.bigint();
await arrived;
const delays = clients.map((c) => Number(c.last - committed) / 1e6).sort((a, b) => a - b);
console.log(`streams open: ${clients.length}`);
console.log(`server memory: ${(before / 1048576).toFixed(1)} MiB before, ${(after / 1048576).toFixed(1)} MiB with them: ${((after - before) / clients.length / 1024).toFixed(1)} KiB per stream`);
console.log(`commit to client: median ${delays[Math.floor(delays.length / 2)].toFixed(1)} ms, last ${delays[delays.length - 1].toFixed(1)} ms (psql returned after the commit: slightly under)`);
clients.forEach((c) => c.req.destroy());
process.exit(0);
