// Writes .br (quality 11; 6 past 4 MB) and .gz (level 9) copies of the site's text and wasm
// assets, so the server sends them compressed without compressing on every request (tower-http's
// ServeDir picks the copy the browser accepts). Copies newer than their file are kept: the same
// rule the server applies at start-up (server/src/assets.rs), which deletes older ones.
// Usage: node precompress.mjs target/site/pkg
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2];
const compressible = /\.(wasm|js|css|svg|json|txt|html)$/;
// a debug build's wasm is ten times larger: a quicker brotli level keeps `make test` short
const quality = (size) => (size > 4_000_000 ? 6 : 11);
const fresh = (copy, built) => existsSync(copy) && statSync(copy).mtimeMs >= built;
let raw = 0, br = 0, gz = 0, kept = 0;
for (const name of readdirSync(dir)) {
  const path = join(dir, name);
  const stat = statSync(path);
  if (!stat.isFile() || !compressible.test(name)) continue;
  raw += stat.size;
  if (fresh(`${path}.br`, stat.mtimeMs) && fresh(`${path}.gz`, stat.mtimeMs)) {
    br += statSync(`${path}.br`).size;
    gz += statSync(`${path}.gz`).size;
    kept += 1;
    continue;
  }
  const bytes = readFileSync(path);
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: quality(bytes.length), [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
  const gzip = gzipSync(bytes, { level: 9 });
  writeFileSync(`${path}.br`, brotli);
  writeFileSync(`${path}.gz`, gzip);
  br += brotli.length; gz += gzip.length;
}
console.log(`precompressed ${dir}: ${raw} bytes raw, ${gz} gzip, ${br} brotli (${kept} files already up to date)`);
