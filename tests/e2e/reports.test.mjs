// The PBGDPL reports (/quan-tri/bao-cao) on a 360 px phone with JavaScript turned off, against a
// real `phobien serve` with PHOBIEN_PROVINCE=46 whose data folder is prepared with the command line
// first: a four-unit organisation tree (Thành phố Huế, its Sở Tư pháp and two wards, imported with
// `phobien import-units`), a reporter of Phường Thuận Hóa and an approver of the city (`phobien user
// add --unit`), and an administrator.
//
// The whole workflow of one report, each person in a browser of their own:
//   1. the administrator opens the period 2026-H2 with the form «Mở kỳ báo cáo»;
//   2. the reporter sends figures where «Trong đó: hội nghị, lớp tập huấn» exceeds its total: the
//      answer (422) names the problem in Vietnamese and keeps what was typed; the reporter corrects
//      it, typing one figure with the keyboard, and sends the report with «Lưu và gửi duyệt»;
//   3. the approver returns it («Trả lại để sửa») with a reason;
//   4. the reporter sees «Bị trả lại» and the reason, corrects a figure and sends it again;
//   5. the approver approves it («Duyệt số liệu»); the report is «Đã duyệt», no longer editable, and
//      the period's overview counts 1/4 units approved and rolls up the approved figures (1.200);
//   6. a machine client reads them with an API token (`phobien token add`), in the exchange format,
//      checked against docs/schemas/stats-exchange.schema.json with ajv.
//
// Every page of the way (login pages and dashboards included, and the answers to POSTs) must fit
// 360 px (no horizontal scrolling) and have no axe-core violation of any impact, with every rule
// axe runs by default: harness.mjs checkPhonePage, which serves each page's HTML, as the browser
// without JavaScript got it, again at its own URL to a JavaScript-enabled page of the same size.
//
// Why the administrator is made after the server starts: the harness runs `phobien serve --demo`,
// and with PHOBIEN_PROVINCE set and an administrator present, --demo adds six demo agencies to the
// province's tree (app/reporting_demo.cpp). Without an administrator at start-up it adds nothing,
// so the tree stays the four units imported here.
// Run: PHOBIEN_BIN=… node --test reports.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';
import { browserTests, createUser, importUnitTree, runPhobien, randomPassword, openPhonePages } from './harness.mjs';

const PERIOD = '2026-H2';
const PERIODS_URL = '/quan-tri/bao-cao';
const OVERVIEW_URL = `${PERIODS_URL}/${PERIOD}`;
const CITY = { code: '46', name: 'Thành phố Huế' };
const WARD = { code: '19753', name: 'Phường Thuận Hóa' };
const REPORT_URL = `${OVERVIEW_URL}/${WARD.code}`;
const TREE = {
  units: [
    { code: CITY.code, name: CITY.name, level: 'province' },
    { code: '46-STP', name: 'Sở Tư pháp', level: 'agency', parent: CITY.code },
    { code: WARD.code, name: WARD.name, level: 'commune', parent: CITY.code },
    { code: '19774', name: 'Phường Phú Xuân', level: 'commune', parent: CITY.code },
  ],
};
// The overview's order: the city, then its agencies, then its wards by name.
const UNIT_NAMES = ['Thành phố Huế', 'Sở Tư pháp', 'Phường Phú Xuân', WARD.name];

const ADMIN = { email: 'quantri@example.vn', role: 'admin', name: 'Quản trị báo cáo', password: randomPassword() };
const REPORTER = { email: 'tuphap.thuanhoa@example.vn', role: 'reporter', name: 'Lê Thị Báo Cáo', unit: WARD.code, password: randomPassword() };
const APPROVER = { email: 'lanhdao.hue@example.vn', role: 'approver', name: 'Hoàng Văn Duyệt', unit: CITY.code, password: randomPassword() };
// Taken by the harness for admin@localhost (it adds an administrator of that name otherwise): an
// account that is not an administrator, never used.
const PLACEHOLDER = { email: 'admin@localhost', role: 'citizen', name: 'Không dùng', password: randomPassword() };

// The indicators the test fills, by their labels (without the unit of measure).
const TOTAL = 'Số cuộc tuyên truyền, phổ biến pháp luật trực tiếp';
const PART = 'Trong đó: hội nghị, lớp tập huấn, bồi dưỡng';
const PEOPLE = 'Số lượt người tham dự';
const REASON = 'Số lượt người tham dự chưa khớp với biên bản các buổi tuyên truyền, đề nghị kiểm tra lại.';

// Fills the data folder before the server starts, as an operator would: the tree, then the
// accounts that act for its units.
async function prepare(dataDir) {
  await importUnitTree(dataDir, TREE);
  createUser(dataDir, REPORTER);
  createUser(dataDir, APPROVER);
}

browserTests({ prepare, users: [PLACEHOLDER], env: { PHOBIEN_PROVINCE: CITY.code } }, (env) => {

  test('on a 360 px phone without JavaScript: open a period, enter, return, correct, approve a report; every page fits and passes axe', async () => {
    // Once the server is up, not before: see the header.
    createUser(env.server.dataDir, ADMIN);

    await env.withContexts('reports-phone', async (open) => {
      const checked = [];

      // One person's browser: the page without JavaScript, checked (fits 360 px, passes axe) with
      // labels that name the person.
      async function browserOf(user, who) {
        const pages = await openPhonePages(open);
        const page = pages.page;
        const checkPage = async (label) => {
          checked.push(`${who}: ${label}`);
          await pages.checkPage(`${who}: ${label}`);
        };
        // Logs in from /dang-nhap; back-office roles land on the dashboard.
        const logIn = async () => {
          await page.goto('/dang-nhap');
          await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
          await checkPage('login page');
          await page.getByLabel('E-mail', { exact: true }).fill(user.email);
          await page.getByLabel('Mật khẩu', { exact: true }).fill(user.password);
          await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
          await page.waitForURL((u) => u.pathname === '/quan-tri');
          await checkPage('dashboard');
        };
        return { page, checkPage, logIn };
      }

      // Helpers on a page of a unit's report.
      const statusOf = (page) => page.locator('main strong.report-status').innerText();
      const figure = (page, label) => page.getByRole('textbox', { name: label });
      // The overview's line of a unit: [name, status].
      const overviewLines = async (page) => {
        const rows = await page.locator('table.report-units tbody tr').all();
        const lines = [];
        for (const row of rows)
          lines.push([(await row.locator('th').innerText()).trim(), (await row.locator('td').innerText()).trim()]);
        return lines;
      };
      // The figure shown in a read-only table (a report's figures, a roll-up) for the indicator
      // named `label`.
      const shown = async (page, label) =>
        (await page.locator('table.figures tbody tr', { has: page.getByRole('rowheader', { name: label, exact: true }) })
          .first().locator('td.number').innerText()).trim();
      // Clicks a submit button and returns the status of the answer to its POST.
      const submit = async (page, name) => {
        const [answer] = await Promise.all([
          page.waitForResponse((r) => r.request().method() === 'POST'),
          page.getByRole('button', { name, exact: true }).click(),
        ]);
        await page.waitForLoadState();
        return answer.status();
      };

      const admin = await browserOf(ADMIN, 'admin');
      const reporter = await browserOf(REPORTER, 'reporter');
      const approver = await browserOf(APPROVER, 'approver');

      // 1. The administrator opens the period 2026-H2.
      await admin.logIn();
      {
        const { page, checkPage } = admin;
        await page.goto(PERIODS_URL);
        await page.getByRole('heading', { level: 1, name: 'Báo cáo thống kê phổ biến, giáo dục pháp luật' }).waitFor();
        await page.getByText('Chưa có kỳ báo cáo nào được mở.').waitFor();
        await page.getByRole('heading', { level: 2, name: 'Mở kỳ báo cáo' }).waitFor();
        await checkPage('periods, none open');
        await page.getByRole('textbox', { name: 'Mã kỳ báo cáo' }).fill(PERIOD);
        await page.getByLabel(/^Hạn nộp báo cáo/).fill('2027-01-15');
        await page.getByRole('button', { name: 'Mở kỳ báo cáo', exact: true }).click();
        await page.waitForURL((u) => u.pathname === OVERVIEW_URL);
        await page.getByRole('heading', { level: 1, name: new RegExp(`: ${CITY.name}$`) }).waitFor();
        assert.match(await page.locator('main').innerText(), /Hạn nộp: 15\/01\/2027/, 'the deadline chosen');
        assert.deepEqual(await overviewLines(page), UNIT_NAMES.map((n) => [n, 'Chưa nhập']),
          'the four units of the tree, none reported yet');
        assert.match(await page.locator('main').innerText(), /0\/4 đơn vị đã được duyệt/);
        await checkPage('period overview, just opened');
      }

      // 2. The reporter: an invalid report first, then a valid one, sent for approval.
      await reporter.logIn();
      {
        const { page, checkPage } = reporter;
        await page.goto(REPORT_URL);
        await page.getByRole('heading', { level: 1, name: new RegExp(`^Báo cáo .*: ${WARD.name}$`) }).waitFor();
        assert.equal(await statusOf(page), 'Chưa nhập');
        for (const label of [TOTAL, PART, PEOPLE]) await figure(page, label).waitFor();
        await page.getByRole('button', { name: 'Lưu nháp', exact: true }).waitFor();
        await checkPage('new report form');

        await figure(page, TOTAL).fill('3');
        await figure(page, PART).fill('5');
        await figure(page, PEOPLE).fill('150');
        assert.equal(await submit(page, 'Lưu và gửi duyệt'), 422, 'invalid figures are refused with 422');
        await page.getByRole('heading', { level: 1, name: new RegExp(`: ${WARD.name}$`) }).waitFor();
        const part = figure(page, PART);
        assert.equal(await part.getAttribute('aria-invalid'), 'true', 'the wrong figure is marked invalid');
        const error = (await page.locator('#err-TT_TAP_HUAN').innerText()).trim();
        assert.match(error, /\(5\) không được lớn hơn «Số cuộc tuyên truyền, phổ biến pháp luật trực tiếp» \(3\)/);
        assert.match(await part.getAttribute('aria-describedby'), /\berr-TT_TAP_HUAN\b/, 'the error is tied to its field');
        assert.deepEqual([await figure(page, TOTAL).inputValue(), await part.inputValue(), await figure(page, PEOPLE).inputValue()],
          ['3', '5', '150'], 'what was typed is kept');
        assert.equal(await statusOf(page), 'Chưa nhập', 'nothing was stored');
        await checkPage('report form with errors (422)');

        // The total typed with the keyboard; Tab goes on to its «Trong đó» line.
        await figure(page, TOTAL).focus();
        await page.keyboard.press('Control+A');
        await page.keyboard.type('12');
        await page.keyboard.press('Tab');
        assert.ok(await part.evaluate((el) => document.activeElement === el), 'Tab moves from the total to «Trong đó»');
        await page.keyboard.press('Control+A');
        await page.keyboard.type('5');
        await figure(page, PEOPLE).fill('1150');
        await page.getByRole('textbox', { name: 'Ghi chú, giải trình (nếu có)' }).fill('Số liệu 6 tháng cuối năm 2026 của phường.');
        assert.equal(await submit(page, 'Lưu và gửi duyệt'), 303, 'a valid report is sent, then the page reloaded');
        await page.waitForURL((u) => u.pathname === REPORT_URL && u.searchParams.has('da-gui'));
        await page.getByRole('status').filter({ hasText: 'Đã gửi báo cáo để duyệt.' }).waitFor();
        assert.equal(await statusOf(page), 'Chờ duyệt');
        assert.equal(await page.getByRole('button', { name: 'Lưu và gửi duyệt' }).count(), 0, 'a submitted report is not editable');
        await checkPage('report sent for approval');
      }

      // 3. The approver finds it in the overview and returns it with a reason.
      await approver.logIn();
      {
        const { page, checkPage } = approver;
        await page.goto(OVERVIEW_URL);
        await page.getByRole('heading', { level: 1, name: new RegExp(`: ${CITY.name}$`) }).waitFor();
        assert.deepEqual(await overviewLines(page),
          UNIT_NAMES.map((n) => [n, n === WARD.name ? 'Chờ duyệt' : 'Chưa nhập']));
        await checkPage('period overview, one report waiting');
        await page.locator('table.report-units').getByRole('link', { name: WARD.name, exact: true }).click();
        await page.waitForURL((u) => u.pathname === REPORT_URL);
        assert.equal(await statusOf(page), 'Chờ duyệt');
        assert.equal(await shown(page, PEOPLE), '1.150', 'the figures sent, dots between thousands');
        await page.getByRole('button', { name: 'Duyệt số liệu', exact: true }).waitFor();
        await checkPage('report waiting for approval');
        await page.getByRole('textbox', { name: /^Lý do trả lại/ }).fill(REASON);
        assert.equal(await submit(page, 'Trả lại để sửa'), 303);
        await page.waitForURL((u) => u.pathname === REPORT_URL && u.searchParams.has('da-duyet'));
        await page.getByRole('status').filter({ hasText: 'Đã ghi nhận quyết định về báo cáo.' }).waitFor();
        assert.equal(await statusOf(page), 'Bị trả lại');
        assert.equal(await page.getByRole('button', { name: 'Duyệt số liệu' }).count(), 0, 'nothing left to decide');
        await checkPage('report returned');
      }

      // 4. The reporter reads the reason, corrects the number of people and sends it again.
      {
        const { page, checkPage } = reporter;
        await page.goto(REPORT_URL);
        assert.equal(await statusOf(page), 'Bị trả lại');
        await page.getByRole('status').filter({ hasText: `Ý kiến của người duyệt khi trả lại: ${REASON}` }).waitFor();
        assert.equal(await figure(page, PEOPLE).inputValue(), '1150', 'the returned figures, editable again');
        await checkPage('returned report form');
        await figure(page, PEOPLE).fill('1200');
        assert.equal(await submit(page, 'Lưu và gửi duyệt'), 303);
        await page.waitForURL((u) => u.pathname === REPORT_URL && u.searchParams.has('da-gui'));
        await page.getByRole('status').filter({ hasText: 'Đã gửi báo cáo để duyệt.' }).waitFor();
        assert.equal(await statusOf(page), 'Chờ duyệt');
        await checkPage('corrected report sent again');
      }

      // 5. The approver approves it; the overview rolls up the approved figures.
      {
        const { page, checkPage } = approver;
        await page.goto(REPORT_URL);
        assert.equal(await statusOf(page), 'Chờ duyệt');
        assert.equal(await shown(page, PEOPLE), '1.200', 'the corrected figure');
        await checkPage('corrected report waiting for approval');
        assert.equal(await submit(page, 'Duyệt số liệu'), 303);
        await page.waitForURL((u) => u.pathname === REPORT_URL && u.searchParams.has('da-duyet'));
        await page.getByRole('status').filter({ hasText: 'Đã ghi nhận quyết định về báo cáo.' }).waitFor();
        assert.equal(await statusOf(page), 'Đã duyệt');
        assert.equal(await page.getByRole('button', { name: 'Trả lại để sửa' }).count(), 0, 'nothing left to decide');
        await checkPage('report approved');

        await page.getByRole('navigation', { name: 'Đường dẫn' }).getByRole('link').last().click();
        await page.waitForURL((u) => u.pathname === OVERVIEW_URL);
        assert.deepEqual(await overviewLines(page),
          UNIT_NAMES.map((n) => [n, n === WARD.name ? 'Đã duyệt' : 'Chưa nhập']));
        assert.match(await page.locator('main').innerText(), /1\/4 đơn vị đã được duyệt/);
        await page.getByRole('heading', { level: 2, name: 'Tổng hợp số liệu đã duyệt' }).waitFor();
        assert.equal(await shown(page, TOTAL), '12');
        assert.equal(await shown(page, PART), '5');
        assert.equal(await shown(page, PEOPLE), '1.200', 'the approved figure, dots between thousands');
        await checkPage('period overview, one report approved');
      }

      // 6. The reporter's report is approved and can no longer be changed.
      {
        const { page, checkPage } = reporter;
        await page.goto(REPORT_URL);
        assert.equal(await statusOf(page), 'Đã duyệt');
        assert.equal(await page.getByRole('button', { name: 'Lưu nháp' }).count(), 0, 'an approved report is not editable');
        assert.equal(await shown(page, PEOPLE), '1.200');
        await checkPage('approved report');
      }

      // 7. The administrator's other pages of the reports: the catalogue of indicators with one
      //    indicator's form, and the organisation tree with one unit's accounts.
      {
        const { page, checkPage } = admin;
        await page.goto('/quan-tri/chi-tieu');
        await page.getByRole('heading', { level: 1, name: 'Danh mục chỉ tiêu thống kê PBGDPL' }).waitFor();
        await checkPage('indicator catalogue');
        await page.getByRole('link', { name: TOTAL }).click();
        await page.getByRole('textbox', { name: 'Tên chỉ tiêu' }).waitFor();
        await checkPage('one indicator');
        await page.goto('/quan-tri/don-vi');
        await page.getByRole('link', { name: WARD.name }).click();
        await page.getByRole('heading', { level: 1, name: WARD.name }).waitFor();
        assert.match(await page.locator('main').innerText(), new RegExp(REPORTER.email.replace(/\./g, '\\.')));
        await checkPage('one unit with its accounts');
        await page.goto('/quan-tri/don-vi');
        await checkPage('organisation tree');
      }

      // 8. A machine client (the ministry's system) reads the approved figures with an API token,
      //    in the exchange format, valid against docs/schemas/stats-exchange.schema.json.
      {
        const api = `${env.server.baseURL}/api/v1/stats/reports?period=${PERIOD}`;
        assert.equal((await fetch(api)).status, 401, 'no token, no figures');
        const printed = runPhobien(['token', 'add', '--data', env.server.dataDir, '--unit', CITY.code, '--scope', 'stats:read']);
        const token = printed.match(/pbt_[A-Za-z0-9_-]+/)?.[0];
        assert.ok(token, printed);
        const response = await fetch(api, { headers: { Authorization: `Bearer ${token}` } });
        assert.equal(response.status, 200);
        const doc = await response.json();
        const schema = JSON.parse(await readFile(new URL('../../docs/schemas/stats-exchange.schema.json', import.meta.url), 'utf8'));
        const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
        assert.ok(validate(doc), JSON.stringify(validate.errors, null, 2));
        assert.equal(doc.report_key, `${CITY.code}:${PERIOD}:${CITY.code}`);
        assert.equal(doc.figures.TT_LUOT_NGUOI, 1200);
        assert.deepEqual(doc.coverage, { units: 4, approved: 1 });
        assert.equal(doc.units_below.find((u) => u.code === WARD.code).figures.TT_SO_CUOC, 12);
        // A document that breaks the format is caught by the schema (the check can fail).
        assert.equal(validate({ ...doc, figures: { TT_SO_CUOC: -1 } }), false);

        // 9. The same document sent upwards to a receiving installation (this one plays the
        //    ministry): stored once however often it arrives, listed with the sums.
        const submit = runPhobien(['token', 'add', '--data', env.server.dataDir, '--unit', CITY.code, '--scope', 'stats:submit']);
        const submitToken = submit.match(/pbt_[A-Za-z0-9_-]+/)?.[0];
        assert.ok(submitToken, submit);
        const send = () => fetch(`${env.server.baseURL}/api/v1/stats/exchange`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${submitToken}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(doc),
        });
        const first = await send();
        assert.equal(first.status, 201, await first.text());
        const second = await send();
        assert.equal(second.status, 200);
        assert.equal((await second.json()).status, 'unchanged');
      }
      {
        const { page, checkPage } = admin;
        await page.goto(OVERVIEW_URL);
        await page.getByRole('heading', { level: 2, name: 'Gửi báo cáo lên cấp trên' }).waitFor();
        await checkPage('period overview with sending upwards');
        await page.getByRole('link', { name: 'Xem biểu đồ' }).click();
        await page.getByRole('img', { name: /^Biểu đồ thanh: Số cuộc tuyên truyền/ }).waitFor();
        await page.getByRole('img', { name: /^Biểu đồ cột: .* qua các kỳ báo cáo/ }).waitFor();
        await checkPage('charts by unit and over the periods');
        await page.goto('/quan-tri/bao-cao-nhan');
        await page.getByRole('link', { name: '6 tháng cuối năm 2026' }).click();
        await page.getByRole('heading', { level: 1 }).filter({ hasText: 'báo cáo nhận từ các tỉnh, thành phố' }).waitFor();
        assert.match(await page.locator('main').innerText(), /Đã nhận báo cáo của 1 tỉnh, thành phố/);
        await checkPage('reports received from provinces');
      }

      assert.equal(checked.length, 27, `pages checked:\n  ${checked.join('\n  ')}`);
    });
  });
});
