// The registry of legal reporters and propagandists (/quan-tri/bao-cao-vien), the activity log
// (/quan-tri/hoat-dong), commendations (/quan-tri/khen-thuong) and the follow-up of plans
// (/quan-tri/ke-hoach) on a 360 px phone with JavaScript turned off, against a real `phobien serve`
// with PHOBIEN_PROVINCE=46 whose data folder holds a small tree (Thành phố Huế, its Sở Tư pháp and
// a ward, `phobien import-units`), the city's approver and the ward's reporter (`phobien user add
// --unit`).
//
//   1. the approver adds a propagandist of the ward with a level that does not fit (422, named in
//      Vietnamese, what was typed kept), corrects it, and finds the person by a name typed without
//      diacritics; records a training on their record;
//   2. the ward's reporter records an activity the propagandist led, sends a bad number of
//      participants first (422), then the right one, finds it in the log, and proposes the propagandist for a commendation, shown with the figures of what they led;
//   3. the propagandist's record lists the activity; the registry downloads as Excel;
//   4. the approver follows a plan (imported with `phobien import-plan`): its overdue task stands
//      out, progress is reported done only with evidence (a link and a PDF, downloaded again),
//      and an interim review is recorded;
//   5. the admin corrects the plan: a task's deadline, a new task (refused without a deadline first);
//      awards the ward's proposal, and the public page (/ton-vinh) honours the propagandist; adds
//      a word to the citizen vocabulary and reads the report of answers that fell short.
// Every page must fit 360 px and pass axe-core (harness.mjs checkPhonePage).
// Run: PHOBIEN_BIN=… node --test outreach.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { browserTests, createUser, importUnitTree, logIn, runPhobien, randomPassword, openPhonePages } from './harness.mjs';

const CITY = { code: '46', name: 'Thành phố Huế' };
const WARD = { code: '19753', name: 'Phường Thuận Hóa' };
const TREE = {
  units: [
    { code: CITY.code, name: CITY.name, level: 'province' },
    { code: '46-STP', name: 'Sở Tư pháp', level: 'agency', parent: CITY.code },
    { code: WARD.code, name: WARD.name, level: 'commune', parent: CITY.code },
  ],
};
const APPROVER = { email: 'lanhdao.hue@example.vn', role: 'approver', name: 'Hoàng Văn Duyệt', unit: CITY.code, password: randomPassword() };
const REPORTER = { email: 'tuphap.thuanhoa@example.vn', role: 'reporter', name: 'Lê Thị Báo Cáo', unit: WARD.code, password: randomPassword() };
// Taken for admin@localhost so that --demo adds nothing to the tree (see reports.test.mjs).
const ADMIN = { email: 'quantri.hue@example.vn', role: 'admin', name: 'Trần Quản Trị', password: randomPassword() };
const PLACEHOLDER = { email: 'admin@localhost', role: 'citizen', name: 'Không dùng', password: randomPassword() };
const PERSON = 'Phan Thị Ngọc Ánh';
// A blank one-page PDF with a correct cross-reference table, written by the author "Nguyễn Văn A".
const ONE_PAGE_PDF = (() => {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>', '<< /Author (Nguyen Van A) >>'];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => { const at = pdf.length; pdf += `${i + 1} 0 obj\n${body}\nendobj\n`; return at; });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return `${pdf}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
})();
const ACTIVITY = 'Hưởng ứng Ngày Pháp luật Việt Nam tại tổ dân phố 5';


// A plan with one task for the Department of Justice, past its deadline.
const PLAN = {
  code: '7/KH-UBND', title: 'Kế hoạch phổ biến pháp luật trên môi trường số', issued_on: '2026-01-05',
  tasks: [{ area: 'Cổng thông tin', title: 'Xây dựng chuyên mục hỏi đáp pháp luật', lead: '-STP', deadline: '2026-03-31' }],
};

async function prepare(dataDir) {
  await importUnitTree(dataDir, TREE);
  createUser(dataDir, APPROVER);
  createUser(dataDir, REPORTER);
  createUser(dataDir, ADMIN);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'phobien-e2e-plan-'));
  try {
    await writeFile(path.join(dir, 'plan.json'), JSON.stringify(PLAN), 'utf8');
    runPhobien(['import-plan', '--data', dataDir, path.join(dir, 'plan.json')], { env: { PHOBIEN_PROVINCE: CITY.code } });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

browserTests({ prepare, users: [PLACEHOLDER], env: { PHOBIEN_PROVINCE: CITY.code } }, (env) => {
  test('on a 360 px phone without JavaScript: add a propagandist, record an activity they led, find both; every page fits and passes axe', async () => {
    await env.withContexts('outreach-phone', async (open) => {
      const checked = [];
      async function browserOf(user, who) {
        const pages = await openPhonePages(open);
        const page = pages.page;
        const checkPage = async (label) => {
          checked.push(`${who}: ${label}`);
          await pages.checkPage(`${who}: ${label}`);
        };
        await logIn(page, user.email, user.password);
        return { page, checkPage };
      }
      // Clicks a submit button and returns the status of the answer to its POST.
      const submit = async (page, name) => {
        const [answer] = await Promise.all([
          page.waitForResponse((r) => r.request().method() === 'POST'),
          page.getByRole('button', { name, exact: true }).click(),
        ]);
        await page.waitForLoadState('load');
        return answer.status();
      };

      // 1. The approver adds a propagandist of the ward.
      const approver = await browserOf(APPROVER, 'approver');
      {
        const { page, checkPage } = approver;
        await page.getByRole('link', { name: 'Báo cáo viên, tuyên truyền viên' }).first().click();
        await page.getByRole('heading', { level: 1, name: 'Báo cáo viên, tuyên truyền viên pháp luật' }).waitFor();
        await checkPage('empty registry');
        await page.getByRole('link', { name: 'Thêm người vào danh sách' }).click();
        await page.getByLabel('Họ và tên', { exact: true }).fill(PERSON);
        await page.getByLabel('Loại', { exact: true }).selectOption({ label: 'Tuyên truyền viên pháp luật' });
        await page.getByLabel('Cấp công nhận', { exact: true }).selectOption({ label: 'Cấp tỉnh' });
        await page.getByLabel('Đơn vị', { exact: true }).selectOption(WARD.code);
        await page.getByLabel('Số quyết định công nhận').fill('35/QĐ-UBND');
        await page.getByLabel('Ngày quyết định').fill('2025-04-01');
        await page.getByLabel('Lĩnh vực pháp luật phụ trách').fill('Hôn nhân và gia đình');
        await checkPage('new person form');
        assert.equal(await submit(page, 'Lưu vào danh sách'), 422);
        await page.getByText('Tuyên truyền viên pháp luật được công nhận ở cấp xã.').waitFor();
        assert.equal(await page.getByLabel('Họ và tên', { exact: true }).inputValue(), PERSON, 'what was typed comes back');
        await checkPage('refused person form');
        await page.getByLabel('Cấp công nhận', { exact: true }).selectOption({ label: 'Cấp xã' });
        assert.equal(await submit(page, 'Lưu vào danh sách'), 303);
        await page.getByRole('heading', { level: 1, name: PERSON }).waitFor();
        await checkPage('person record');
        await page.getByLabel('Tên khóa tập huấn, bồi dưỡng').fill('Tập huấn kỹ năng tuyên truyền pháp luật');
        await page.getByLabel('Ngày tập huấn').fill('2026-05-20');
        assert.equal(await submit(page, 'Ghi nhận'), 303);
        await page.getByText('Tập huấn kỹ năng tuyên truyền pháp luật').waitFor();
        // Found by a name typed without diacritics.
        await page.goto('/quan-tri/bao-cao-vien');
        await page.getByRole('searchbox', { name: 'Họ và tên (có dấu hoặc không dấu)' }).fill('ngoc anh');
        await page.getByRole('button', { name: 'Tìm', exact: true }).click();
        await page.getByRole('link', { name: PERSON }).waitFor();
        await checkPage('registry search without diacritics');
      }

      // 2. The ward's reporter records an activity the propagandist led.
      const reporter = await browserOf(REPORTER, 'reporter');
      {
        const { page, checkPage } = reporter;
        await page.goto('/quan-tri/hoat-dong/moi');
        await page.getByLabel('Tên hoạt động').fill(ACTIVITY);
        await page.getByLabel('Loại hoạt động').selectOption({ label: 'Ngày Pháp luật' });
        await page.getByLabel('Ngày tổ chức').fill('2026-11-09');
        await page.getByLabel('Địa điểm').fill('Nhà văn hóa tổ dân phố 5');
        await page.getByLabel('Số người tham dự').fill('khoảng 100');
        await page.getByRole('checkbox', { name: `${PERSON} (Tuyên truyền viên pháp luật)` }).check();
        await checkPage('new activity form');
        assert.equal(await submit(page, 'Lưu hoạt động'), 422);
        await page.getByText('Số người tham dự là số nguyên từ 0 đến 10.000.000.').waitFor();
        await checkPage('refused activity form');
        await page.getByLabel('Số người tham dự').fill('120');
        assert.equal(await submit(page, 'Lưu hoạt động'), 303);
        await page.getByRole('heading', { level: 1, name: ACTIVITY }).waitFor();
        await checkPage('activity');
        await page.goto('/quan-tri/hoat-dong');
        await page.getByRole('link', { name: ACTIVITY }).waitFor();
        await checkPage('activity log');
        // The ward proposes the propagandist for a commendation; the line shows what they led.
        await page.goto('/quan-tri/khen-thuong');
        await page.getByLabel('Tập thể, cá nhân được đề nghị').selectOption({ label: `Cá nhân: ${PERSON} (Tuyên truyền viên pháp luật)` });
        await page.getByLabel('Hình thức khen thưởng').fill('Giấy khen của Chủ tịch UBND phường');
        await page.getByLabel('Thành tích', { exact: true }).fill('Tổ chức hưởng ứng Ngày Pháp luật thu hút đông người dân tham gia.');
        await page.getByLabel('Lập thành tích từ ngày').fill('2026-11-01');
        await page.getByLabel('Đến ngày').fill('2026-11-30');
        assert.equal(await submit(page, 'Gửi đề nghị'), 303);
        await page.getByText('1 hoạt động phổ biến pháp luật, 120 lượt người tham dự').waitFor();
        await checkPage('commendation proposed');
      }

      // 3. The record lists the activity; the registry downloads as Excel.
      {
        const { page, checkPage } = approver;
        await page.goto('/quan-tri/bao-cao-vien');
        await page.getByRole('link', { name: PERSON }).click();
        await page.getByRole('link', { name: ACTIVITY }).waitFor();
        await checkPage('person record with an activity');
        const download = await page.request.get('/quan-tri/bao-cao-vien/tai-ve.xlsx');
        assert.equal(download.status(), 200);
        assert.match(download.headers()['content-type'], /spreadsheetml/);
      }
      // 4. The approver follows the plan: the overdue task stands out; progress reported with evidence.
      {
        const { page, checkPage } = approver;
        await page.goto('/quan-tri/ke-hoach');
        await checkPage('plans');
        await page.getByRole('link', { name: PLAN.code }).click();
        await page.getByText('1 nhiệm vụ quá hạn').waitFor();
        await checkPage('plan with an overdue task');
        await page.getByRole('link', { name: `1. ${PLAN.tasks[0].title}` }).click();
        await page.getByLabel('Tình trạng').selectOption({ label: 'Đã hoàn thành' });
        await page.getByLabel('Kết quả thực hiện').fill('Chuyên mục hỏi đáp pháp luật đã hoạt động.');
        assert.equal(await submit(page, 'Gửi báo cáo tiến độ'), 422, 'done needs evidence');
        await page.getByText('Báo cáo hoàn thành cần minh chứng').first().waitFor();
        await checkPage('progress report refused');
        await page.getByLabel('Đường dẫn minh chứng (văn bản, trang đã đăng)').fill('https://pbgdpl.example.gov.vn/hoi-dap');
        // The report of the task, a one-page PDF, goes with it as a file.
        await page.getByLabel(/^Tệp minh chứng/).setInputFiles({ name: 'Báo cáo kết quả.pdf', mimeType: 'application/pdf', buffer: Buffer.from(ONE_PAGE_PDF) });
        assert.equal(await submit(page, 'Gửi báo cáo tiến độ'), 303);
        await page.getByText('Đã ghi nhận báo cáo tiến độ.').waitFor();
        const file = page.getByRole('link', { name: 'Báo cáo kết quả.pdf' });
        const downloaded = await page.request.get(await file.getAttribute('href'));
        assert.equal(downloaded.status(), 200);
        assert.equal(downloaded.headers()['content-type'], 'application/pdf');
        await checkPage('task with its progress and a file');
        // An interim review of the Department of Justice, on the plan's page.
        await page.getByRole('link', { name: PLAN.code }).click();
        await page.getByLabel('Hình thức').selectOption({ label: 'Sơ kết' });
        await page.getByLabel('Đơn vị được kiểm tra, đánh giá').selectOption('46-STP');
        await page.getByLabel('Kết quả', { exact: true }).fill('Chuyên mục hỏi đáp đã hoạt động, còn chậm 6 tháng so với thời hạn.');
        await page.getByLabel('Xếp loại').selectOption({ label: 'Khá' });
        assert.equal(await submit(page, 'Ghi nhận'), 303);
        await page.getByText('Đã ghi nhận kết quả kiểm tra, đánh giá.').waitFor();
        await checkPage('plan with a review');
      }
      // 5. The admin corrects the plan: a task's deadline moves, a task is added.
      {
        const { page, checkPage } = await browserOf(ADMIN, 'admin');
        await page.goto('/quan-tri/ke-hoach');
        await page.getByRole('link', { name: PLAN.code }).click();
        await page.getByRole('link', { name: `1. ${PLAN.tasks[0].title}` }).click();
        await page.getByRole('link', { name: 'Sửa nhiệm vụ' }).click();
        await checkPage('task form');
        await page.getByLabel('Thời hạn').fill('2027-06-30');
        assert.equal(await submit(page, 'Lưu nhiệm vụ'), 303);
        await page.getByText('Đã lưu nhiệm vụ.').waitFor();
        await page.getByText('30/06/2027').waitFor();
        await page.getByRole('link', { name: PLAN.code }).click();
        await page.getByRole('link', { name: 'Thêm nhiệm vụ' }).click();
        await page.getByLabel('Tên nhiệm vụ').fill('Số hóa tủ sách pháp luật của phường');
        await page.getByLabel('Đơn vị chủ trì').selectOption(WARD.code);
        assert.equal(await submit(page, 'Thêm nhiệm vụ'), 422, 'a task needs a deadline');
        await page.getByText('Thời hạn phải là một ngày (năm-tháng-ngày).').waitFor();
        await checkPage('new task refused');
        await page.getByLabel('Thời hạn').fill('2027-12-31');
        assert.equal(await submit(page, 'Thêm nhiệm vụ'), 303);
        await page.getByRole('heading', { level: 1, name: 'Số hóa tủ sách pháp luật của phường' }).waitFor();
        await page.getByRole('link', { name: PLAN.code }).click();
        await checkPage('plan corrected');
        // The ward's proposal is awarded; the public page honours the propagandist.
        await page.goto('/quan-tri/khen-thuong');
        await page.getByLabel('Số quyết định khen thưởng').fill('120/QĐ-UBND');
        assert.equal(await submit(page, 'Khen thưởng'), 303);
        await page.goto('/ton-vinh');
        await page.getByRole('heading', { level: 2, name: PERSON }).waitFor();
        await page.getByText('Quyết định số 120/QĐ-UBND').waitFor();
        await checkPage('public honours');
        // The admin teaches search a word citizens use, and reads where automated answers fall short.
        await page.goto('/quan-tri/tu-dien');
        await page.getByLabel('Từ thường dùng').fill('ngả lưng');
        await page.getByLabel('Thuật ngữ pháp luật').fill('chỗ ở hợp pháp; nơi cư trú');
        assert.equal(await submit(page, 'Thêm mục từ'), 303);
        await page.getByText('→ chỗ ở hợp pháp; nơi cư trú').waitFor();
        await checkPage('citizen vocabulary');
        await page.getByRole('link', { name: 'Gợi ý bổ sung từ các câu hỏi đã được trả lời' }).click();
        await page.getByRole('heading', { level: 1, name: 'Gợi ý bổ sung từ điển' }).waitFor();
        await checkPage('vocabulary suggestions');
        await page.goto('/quan-tri/hoi-dap-tu-dong');
        await page.getByRole('heading', { level: 2, name: 'Câu hỏi thường gặp chưa được trả lời tốt' }).waitFor();
        await checkPage('answers that fell short');
      }
      assert.equal(checked.length, 23, `pages checked:\n  ${checked.join('\n  ')}`);
    });
  });
});
