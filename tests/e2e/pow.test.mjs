// static/pow.js in headless Chromium, on a fixture page that includes the real anti-spam partial
// (templates/partials/antispam_fields.mustache) under the site's Content-Security-Policy. It needs
// no PhoBien server: the challenges are well-formed but unsigned, and node checks the nonces.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { test, before, after } from 'node:test';

import { CHROMIUM, HERE, launchBrowser, prerequisiteProblems, seriousViolations, formatViolations } from './harness.mjs';

const ROOT = path.resolve(HERE, '..', '..');
// As in src/web/site.cpp: no inline script, workers only from this origin.
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; " +
  "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
const WORKING = 'Đang kiểm tra chống thư rác…';

function challenge(bits) {
  return `v1.${Math.floor(Date.now() / 1000)}.${bits}.${randomBytes(8).toString('hex')}.${randomBytes(32).toString('hex')}`;
}

function zeroBits(text) {
  const digest = createHash('sha256').update(text).digest();
  let n = 0;
  for (const byte of digest) {
    if (byte !== 0) return n + Math.clz32(byte) - 24;
    n += 8;
  }
  return n;
}

function smallestNonce(ch, bits) {
  for (let n = 0; ; n++) if (zeroBits(`${ch}:${n}`) >= bits) return String(n);
}

// The partial with its two values filled in (it uses only {{var}} and one section).
function antispamFields(ch) {
  return readFileSync(path.join(ROOT, 'templates/partials/antispam_fields.mustache'), 'utf8')
    .replace(/\{\{![\s\S]*?\}\}\n?/, '')
    .replace(/\{\{[#/](form_token|pow_challenge)\}\}/g, '')
    .replace(/\{\{form_token\}\}/g, 'f1.1.0123456789abcdef.00')
    .replace(/\{\{pow_challenge\}\}/g, ch);
}

function formPage(ch) {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Gửi câu hỏi</title></head>
<body><main><h1>Gửi câu hỏi</h1>
<form method="post" action="/gui" data-pow-challenge>
<label for="question">Câu hỏi của bạn</label>
<textarea id="question" name="question" rows="3"></textarea>
${antispamFields(ch)}
<button type="submit">Gửi câu hỏi</button>
</form></main></body></html>`;
}

const env = { server: null, baseURL: '', browser: null, posts: [] };

function startFixtureServer() {
  const pow = readFileSync(path.join(ROOT, 'static/pow.js'));
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      const url = new URL(req.url, 'http://x');
      if (url.pathname === '/static/pow.js') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        return res.end(pow);
      }
      if (url.pathname === '/form') {
        const ch = url.searchParams.get('challenge') || challenge(Number(url.searchParams.get('bits') || 12));
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP });
        return res.end(formPage(ch));
      }
      if (url.pathname === '/gui' && req.method === 'POST') {
        let body = '';
        req.setEncoding('utf8').on('data', (c) => { body += c; }).on('end', () => {
          env.posts.push(Object.fromEntries(new URLSearchParams(body)));
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP });
          res.end('<!doctype html><html lang="vi"><title>Đã gửi</title><p>Đã gửi</p></html>');
        });
        return;
      }
      res.writeHead(404).end();
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function newPage(options = {}) {
  const context = await env.browser.newContext({ baseURL: env.baseURL, locale: 'vi-VN', ...options });
  context.setDefaultTimeout(30_000);
  return { context, page: await context.newPage() };
}

// Never skipped silently: CI installs Chromium and node_modules. This file needs no PhoBien binary.
const problems = prerequisiteProblems().filter((p) => !p.includes('PhoBien binary'));
if (problems.length) {
  test('browser-test prerequisites are installed', () => {
    assert.fail(`cannot run the browser tests:\n  - ${problems.join('\n  - ')}`);
  });
} else {
  before(async () => {
    env.server = await startFixtureServer();
    env.baseURL = `http://127.0.0.1:${env.server.address().port}`;
    env.browser = await launchBrowser();
    console.log(`# ${CHROMIUM} ${env.browser.version()}, fixture at ${env.baseURL}`);
  });

  after(async () => {
    await env.browser?.close();
    await new Promise((r) => env.server?.close(r) ?? r());
  });

  test('the button waits, with a spoken status, until a Web Worker has found the nonce', async () => {
    const bits = 18;
    const ch = challenge(bits);
    const { context, page } = await newPage();
    try {
      const workers = [];
      page.on('worker', (w) => workers.push(w.url()));
      // Every change of the status line, with the button's state at that moment, however fast.
      // Every change of the status line, with the button's state at that moment, however fast:
      // pow.js is deferred, so it runs before DOMContentLoaded; watch the document from the start.
      await page.addInitScript(() => {
        window.__states = [];
        new MutationObserver(() => {
          const status = document.querySelector('[data-pow-status]');
          const last = window.__states.at(-1);
          if (!status || !status.textContent || (last && last.text === status.textContent)) return;
          window.__states.push({
            text: status.textContent, hidden: status.hidden,
            disabled: document.querySelector('button[type="submit"]').disabled,
            busy: status.closest('form').getAttribute('aria-busy'),
          });
        }).observe(document, { childList: true, characterData: true, subtree: true });
      });
      const started = Date.now();
      await page.goto(`/form?challenge=${ch}`);
      const button = page.getByRole('button', { name: 'Gửi câu hỏi' });
      const status = page.getByRole('status');
      await page.waitForFunction(() => document.querySelector('input[name="pow_nonce"]').value !== '');
      console.log(`# ${bits} bits solved in ${Date.now() - started} ms (page load included)`);
      const states = await page.evaluate(() => window.__states);
      assert.deepEqual(states.map((s) => s.text), [WORKING, 'Đã kiểm tra xong, bạn có thể gửi.']);
      assert.deepEqual(states[0], { text: WORKING, hidden: false, disabled: true, busy: 'true' },
        'submit is disabled while solving');
      assert.equal(await status.getAttribute('aria-live'), 'polite');
      const form = page.locator('form');
      assert.equal(await button.isDisabled(), false);
      assert.equal(await form.getAttribute('aria-busy'), null);
      assert.match(await status.textContent(), /bạn có thể gửi/);
      assert.equal(await page.inputValue('input[name="pow_nonce"]'), smallestNonce(ch, bits));
      assert.deepEqual(workers.map((u) => new URL(u).pathname), ['/static/pow.js']);
      // pow.js times both ways on the spot and keeps the faster: usually plain JS, but on a busy
      // machine (CI runs tests side by side) the timing may pick webcrypto. Either is correct:
      // the nonce above is checked either way.
      assert.ok(['js', 'webcrypto'].includes(await form.getAttribute('data-pow-method')));

      await page.getByLabel('Câu hỏi của bạn').fill('Tôi muốn hỏi về thủ tục đăng ký kết hôn.');
      await button.click();
      await page.waitForURL('**/gui');
      const posted = env.posts.at(-1);
      assert.equal(posted.pow_challenge, ch);
      assert.ok(zeroBits(`${ch}:${posted.pow_nonce}`) >= bits);
      assert.equal(posted.form_token, 'f1.1.0123456789abcdef.00');
    } finally {
      await context.close();
    }
  });

  test('without Worker and crypto.subtle the page solves in slices and stays responsive', async () => {
    const bits = 19;
    const ch = challenge(bits);
    const { context, page } = await newPage();
    try {
      // As on an old browser, on a plain-HTTP LAN address (no crypto.subtle) with workers blocked.
      await page.addInitScript(() => {
        window.Worker = undefined;
        Object.defineProperty(window.crypto, 'subtle', { value: undefined });
        // The longest gap between timer ticks while the page works: a frozen page would show seconds
        // (the bound leaves room for a busy CI machine; slices themselves take about 100 ms).
        window.__maxGap = 0;
        let last = performance.now();
        const tick = () => {
          const now = performance.now();
          window.__maxGap = Math.max(window.__maxGap, now - last);
          last = now;
          if (!document.querySelector('input[name="pow_nonce"]')?.value) setTimeout(tick, 10);
        };
        setTimeout(tick, 10);
      });
      const started = Date.now();
      await page.goto(`/form?challenge=${ch}`);
      await page.waitForFunction(() => document.querySelector('input[name="pow_nonce"]').value !== '', null,
        { timeout: 60_000 });
      const maxGap = await page.evaluate(() => window.__maxGap);
      console.log(`# ${bits} bits on the page thread in ${Date.now() - started} ms, longest pause ${Math.round(maxGap)} ms`);
      assert.equal(await page.inputValue('input[name="pow_nonce"]'), smallestNonce(ch, bits));
      assert.equal(await page.locator('form').getAttribute('data-pow-method'), 'js');
      assert.ok(maxGap < 1500, `the page froze for ${Math.round(maxGap)} ms`);
    } finally {
      await context.close();
    }
  });

  test('where JS runs without its optimising compiler, the solver switches to webcrypto', async () => {
    // Lockdown-style modes turn the JIT off: plain-JS SHA-256 then runs ~5x slower than webcrypto.
    const { chromium } = await import('playwright-core');
    const jitless = await chromium.launch({
      executablePath: CHROMIUM, headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--js-flags=--jitless'],
    });
    try {
      const bits = 14;
      // A challenge whose answer lies past the first timing slice (30 ms of slow JS, some
      // hundreds of nonces), so that the choice between the two ways is made.
      let ch;
      do ch = challenge(bits); while (Number(smallestNonce(ch, bits)) < 4000);
      const page = await (await jitless.newContext({ baseURL: env.baseURL })).newPage();
      await page.goto(`/form?challenge=${ch}`);
      await page.waitForFunction(() => document.querySelector('input[name="pow_nonce"]').value !== '', null,
        { timeout: 60_000 });
      assert.equal(await page.inputValue('input[name="pow_nonce"]'), smallestNonce(ch, bits));
      assert.equal(await page.locator('form').getAttribute('data-pow-method'), 'webcrypto');
    } finally {
      await jitless.close();
    }
  });

  test('without JavaScript the page says that anonymous questions need it, or a login', async () => {
    const { context, page } = await newPage({ javaScriptEnabled: false });
    try {
      await page.goto('/form');
      // Playwright's text and role locators skip <noscript>: check that its content is shown.
      const notice = page.locator('noscript p');
      assert.equal(await notice.isVisible(), true);
      assert.match(await notice.textContent(), /^Cần bật JavaScript để gửi câu hỏi khi chưa đăng nhập/);
      assert.equal(await page.locator('noscript a').getAttribute('href'), '/dang-nhap');
      assert.equal(await page.getByRole('status').count(), 0, 'the status line stays hidden');
    } finally {
      await context.close();
    }
  });

  test('the form has no serious accessibility problem while it works', async () => {
    // axe is injected as a script: this context bypasses the CSP.
    const { context, page } = await newPage({ bypassCSP: true });
    try {
      await page.goto(`/form?bits=26`);  // solving outlasts the check
      await page.getByRole('status').filter({ hasText: WORKING }).waitFor();
      const violations = await seriousViolations(page);
      assert.deepEqual(violations, [], formatViolations('pow form', violations));
    } finally {
      await context.close();
    }
  });
}
