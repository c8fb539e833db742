// Runs static/pow.js's solver under node on one challenge, once with its plain-JS SHA-256 and once
// through WebCrypto (what a browser without an optimising JS compiler uses), and prints
// "js=<nonce> webcrypto=<nonce>". Called by tests/js/pow_agreement_test.cpp, which checks both
// with the C++ verifier.
// Usage: node pow_solve.cjs STATIC_POW_JS CHALLENGE
'use strict';
const [powPath, challenge] = process.argv.slice(2);
const pow = require(powPath);
const { webcrypto } = require('node:crypto');

async function main() {
  const bits = pow.challengeBits(challenge);
  if (bits === null) throw new Error(`not a challenge: ${challenge}`);
  const js = await new Promise((resolve) => pow.solve(challenge, bits, null, Infinity, resolve));
  let viaWebcrypto = null;
  for (let from = 0; viaWebcrypto === null; from += 256)
    viaWebcrypto = await pow.subtleBatch(webcrypto.subtle, challenge, bits, from, 256);
  console.log(`js=${js} webcrypto=${viaWebcrypto}`);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
