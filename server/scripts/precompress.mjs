// Writes .br (quality 11; 6 past 4 MB) and .gz (level 9) copies of the site's text and wasm assets, so the
// server sends them compressed without compressing on every request (tower-http's ServeDir
// picks the copy the browser accepts). Usage: node precompress.mjs target/site/pkg
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2];
const compressible = /\.(wasm|js|css|svg|json|txt|html)$/;
// a debug build's wasm is ten times larger: a quicker brotli level keeps `make test` short
const quality = (size) => (size > 4_000_000 ? 6 : 11);
let raw = 0, br = 0, gz = 0;
for (const name of readdirSync(dir)) {
  const path = join(dir, name);
  if (!statSync(path).isFile() || !compressible.test(name)) continue;
  const bytes = readFileSync(path);
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: quality(bytes.length), [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
  const gzip = gzipSync(bytes, { level: 9 });
  writeFileSync(`${path}.br`, brotli);
  writeFileSync(`${path}.gz`, gzip);
  raw += bytes.length; br += brotli.length; gz += gzip.length;
}
console.log(`precompressed ${dir}: ${raw} bytes raw, ${gz} gzip, ${br} brotli`);
