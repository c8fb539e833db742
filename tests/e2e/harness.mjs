// Helpers for the browser tests: a throwaway PhoBien server with demo content and test accounts,
// headless Debian Chromium through playwright-core, and axe-core.
//
// This module imports only node built-ins at load time, so that portal.test.mjs can report a
// missing node_modules as a clear test failure instead of a module-resolution stack trace.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, accessSync, constants as fsConstants, mkdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test, before, after } from 'node:test';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const PHOBIEN_BIN = process.env.PHOBIEN_BIN || '/work/main/build/phobien';
export const CHROMIUM = process.env.PHOBIEN_CHROMIUM || '/usr/bin/chromium';
export const AXE_PATH = path.join(HERE, 'node_modules', 'axe-core', 'axe.min.js');
export const ARTIFACTS = path.join(HERE, 'test-results');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

// Everything the tests need that is not installed by this file; an empty list means ready.
export function prerequisiteProblems() {
  const problems = [];
  const modules = path.join(HERE, 'node_modules');
  for (const [dep, file] of [['playwright-core', 'package.json'], ['axe-core', 'axe.min.js']]) {
    if (!existsSync(path.join(modules, dep, file)))
      problems.push(`${path.join(modules, dep)} is missing: run \`npm ci\` in tests/e2e ` +
        '(scripts/install-deps does this when tests/e2e/node_modules is absent)');
  }
  if (!isExecutable(CHROMIUM))
    problems.push(`Chromium not found at ${CHROMIUM}: install Debian's chromium package (scripts/install-deps)`);
  if (!isExecutable(PHOBIEN_BIN))
    problems.push(`PhoBien binary not found at ${PHOBIEN_BIN}: build it or set PHOBIEN_BIN`);
  return problems;
}

function isExecutable(file) {
  try {
    accessSync(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// `phobien user add` reads the password from standard input; `unit`: the unit the account acts for.
export function createUser(dataDir, { email, role, name, unit, password }) {
  const args = ['user', 'add', '--data', dataDir, '--email', email, '--role', role];
  if (name) args.push('--name', name);
  if (unit) args.push('--unit', unit);
  const r = spawnSync(PHOBIEN_BIN, args, { input: `${password}\n`, encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0)
    throw new Error(`phobien user add ${email} failed (status ${r.status}, ${r.error ?? ''}):\n${r.stdout}${r.stderr}`);
}

// `phobien import` of files given as { name, content }, before the server starts.
export async function importDocuments(dataDir, documents) {
  if (!documents.length) return;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'phobien-e2e-docs-'));
  try {
    for (const d of documents) await writeFile(path.join(dir, d.name), d.content, 'utf8');
    const r = spawnSync(PHOBIEN_BIN, ['import', '--data', dataDir, dir], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`phobien import failed (status ${r.status}):\n${r.stdout}${r.stderr}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// `phobien import-units` of a province's tree ({"units": [{code, name, level, parent}]}).
export async function importUnitTree(dataDir, tree) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'phobien-e2e-tree-'));
  try {
    const file = path.join(dir, 'tree.json');
    await writeFile(file, JSON.stringify(tree), 'utf8');
    runPhobien(['import-units', '--data', dataDir, file]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Runs one `phobien` command (args after the binary, e.g. ['import-units', '--data', dir, file]),
// `env` adding PHOBIEN_* settings, and returns its standard output; throws with its output when
// it fails.
export function runPhobien(args, { input, env = {}, timeoutMs = 60_000 } = {}) {
  const r = spawnSync(PHOBIEN_BIN, args, { input, encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, ...env } });
  if (r.status !== 0)
    throw new Error(`phobien ${args.join(' ')} failed (status ${r.status}, ${r.error ?? ''}):\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

// Starts `phobien serve --demo` on a fresh data folder with the given accounts and documents;
// `env` adds PHOBIEN_* settings; `prepare(dataDir)`, when given, runs after the accounts and
// documents are in and before the server starts (e.g. more `phobien` commands through runPhobien).
// Returns { baseURL, dataDir, log(), stop() }.
export async function startServer({ users = [], documents = [], env = {}, timeoutMs = 20_000, prepare } = {}) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'phobien-e2e-'));
  let child;
  try {
    // The demo content is written by admin@localhost, which `serve` creates only on an empty
    // database: with accounts made beforehand it must exist too, or --demo seeds nothing.
    const accounts = users.some((u) => u.email === 'admin@localhost')
      ? users
      : [{ email: 'admin@localhost', role: 'admin', name: 'Quản trị viên', password: randomPassword() }, ...users];
    for (const u of accounts) createUser(dataDir, u);
    await importDocuments(dataDir, documents);
    if (prepare) await prepare(dataDir);

    const port = await freePort();
    const baseURL = `http://127.0.0.1:${port}`;
    let output = '';
    const proc = spawn(PHOBIEN_BIN, ['serve', '--demo', '--data', dataDir, '--listen', `127.0.0.1:${port}`], {
      env: { ...process.env, PHOBIEN_RATE_LIMIT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk) => {
      output += chunk;
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child = proc;
    proc.stdout.setEncoding('utf8').on('data', keep);
    proc.stderr.setEncoding('utf8').on('data', keep);
    let exitInfo = null;
    let stopping = false;
    const exited = new Promise((resolve) => proc.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      if (!stopping) output += `\n[harness] phobien serve exited unexpectedly: ${JSON.stringify(exitInfo)}\n`;
      resolve(exitInfo);
    }));
    const killOnExit = () => proc.kill('SIGKILL');
    process.once('exit', killOnExit);

    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (exitInfo)
        throw new Error(`phobien serve exited early (${JSON.stringify(exitInfo)}):\n${output}`);
      try {
        const res = await fetch(`${baseURL}/healthz`, { signal: AbortSignal.timeout(2_000) });
        if (res.status === 200) break;
      } catch { /* not listening yet */ }
      if (Date.now() > deadline)
        throw new Error(`phobien serve did not answer GET /healthz with 200 within ${timeoutMs} ms:\n${output}`);
      await Promise.race([new Promise((r) => setTimeout(r, 100)), exited]);
    }

    const server = {
      baseURL,
      dataDir,
      log: () => output,
      async stop() {
        process.removeListener('exit', killOnExit);
        stopping = true;
        if (!exitInfo) {
          proc.kill('SIGTERM');
          const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
          await exited;
          clearTimeout(timer);
        }
        await rm(dataDir, { recursive: true, force: true });
      },
    };
    child = null;
    return server;
  } catch (e) {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    throw e;
  }
}

export function randomPassword() {
  return `Thu-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
}

export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

// A context with short default timeouts: a missing element fails in seconds, not minutes.
export async function newContext(browser, server, options = {}) {
  const context = await browser.newContext({ baseURL: server.baseURL, locale: 'vi-VN', ...options });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  return context;
}

export async function logIn(page, email, password) {
  await page.goto('/dang-nhap');
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  // Back-office roles land on the dashboard.
  await page.waitForURL((url) => url.pathname === '/quan-tri');
}

// Runs axe-core on the page and returns the violations of impact serious or critical.
// The site's Content-Security-Policy forbids inline scripts: use a context with bypassCSP.
export async function seriousViolations(page) {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

// Runs axe-core on the page and returns every violation, whatever its impact; `tags` chooses the
// rules (default: those of WCAG 2.0 and 2.1, levels A and AA, as seriousViolations).
// Needs JavaScript and a context with bypassCSP, as seriousViolations.
export async function axeViolations(page, { tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } = {}) {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (values) => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, values ? { runOnly: { type: 'tag', values } } : {});
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  }, tags);
}

export function formatViolations(label, violations) {
  return violations
    .map((v) => `${label}: [${v.impact}] ${v.id}: ${v.help}\n` +
      v.targets.map((t) => `    ${t.target}\n      ${(t.summary || '').replace(/\n/g, '\n      ')}`).join('\n'))
    .join('\n');
}

// A phone as the no-JavaScript pages are tested on.
export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

// The page as the browser without JavaScript (`page`) shows it must fit 360 px; then the same HTML
// at the same URL in a JavaScript-enabled page (`checker`, a context with bypassCSP) must fit too
// and have no axe violation of any impact, with every rule axe runs by default. axe needs
// JavaScript: this is how pages without it, answers to POSTs included, are checked.
export async function checkPhonePage(page, checker, label) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${label}: no horizontal scrolling at 360 px without JavaScript (scrollWidth ${width})`);
  const url = page.url();
  const html = await page.content();
  const same = (u) => u.href === url;
  await checker.route(same, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  try {
    await checker.goto(url);
  } finally {
    await checker.unroute(same);
  }
  const widthJs = await checker.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(widthJs <= 360, `${label}: no horizontal scrolling at 360 px with JavaScript (scrollWidth ${widthJs})`);
  const found = await axeViolations(checker, { tags: null });
  assert.deepEqual(found, [], formatViolations(label, found));
}

// The two pages of a phone test, opened with withContexts' `open`: `page` without JavaScript, as
// the visitor uses it, and `checker` for axe; `checkPage(label)` checks the page (checkPhonePage)
// and adds its label to `checked`.
export async function openPhonePages(open) {
  const page = await (await open({ ...PHONE, javaScriptEnabled: false })).newPage();
  const checker = await (await open({ ...PHONE, bypassCSP: true })).newPage();
  const checked = [];
  const checkPage = async (label) => {
    checked.push(label);
    await checkPhonePage(page, checker, label);
  };
  return { page, checker, checked, checkPage };
}

// On a failing step: screenshots of the open pages and the server log's tail, for CI.
export async function saveDiagnostics(name, pages, server) {
  try {
    mkdirSync(ARTIFACTS, { recursive: true });
    const safe = name.replace(/[^\w.-]+/g, '_');
    for (const [i, page] of pages.entries()) {
      if (page && !page.isClosed())
        await page.screenshot({ path: path.join(ARTIFACTS, `${safe}-${i}.png`), fullPage: true, timeout: 5_000 })
          .catch(() => {});
    }
    if (server) console.error(`--- server log (tail) ---\n${server.log().slice(-6_000)}`);
    console.error(`screenshots in ${ARTIFACTS}`);
  } catch { /* diagnostics must never hide the real failure */ }
}

// Runs one test body with fresh contexts (`open(options)` makes one); on failure saves screenshots
// of their pages and the server log, and always closes them.
export async function withContexts(browser, server, name, body) {
  const contexts = [];
  const open = async (options) => {
    const c = await newContext(browser, server, options);
    contexts.push(c);
    return c;
  };
  try {
    await body(open);
  } catch (e) {
    await saveDiagnostics(name, contexts.flatMap((c) => c.pages()), server);
    throw e;
  } finally {
    for (const c of contexts) await c.close().catch(() => {});
  }
}

// Declares one test file's browser tests. Without the prerequisites it registers a single failing
// test that says what is missing: CI installs them, so they are never skipped silently. Otherwise
// one server (`startServer(options)`) and one browser serve all the file's tests: `define(env)`
// registers them; test bodies read env.server and env.browser (set before the first test) and may
// call env.withContexts(name, body).
export function browserTests(options, define) {
  const problems = prerequisiteProblems();
  if (problems.length) {
    test('browser-test prerequisites are installed', () => {
      assert.fail(`cannot run the browser tests:\n  - ${problems.join('\n  - ')}`);
    });
    return;
  }
  const env = {
    server: null,
    browser: null,
    withContexts: (name, body) => withContexts(env.browser, env.server, name, body),
  };
  before(async () => {
    env.server = await startServer(options);
    env.browser = await launchBrowser();
    console.log(`# ${PHOBIEN_BIN} at ${env.server.baseURL}, Chromium ${env.browser.version()}`);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  define(env);
}
