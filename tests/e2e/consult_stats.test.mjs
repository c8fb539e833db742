// Browser tests for the consultation statistics page: accessibility (axe-core) on a desktop and
// a phone, and the Excel download. Run: node --test consult_stats.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserTests, logIn, randomPassword, seriousViolations, formatViolations } from './harness.mjs';

const REPORTER = { email: 'thongke@test.local', role: 'reporter', name: 'Cán Bộ Thống Kê', password: randomPassword() };

browserTests({ users: [REPORTER] }, (env) => {
  test('statistics page has no serious axe-core violations and fits a phone', async () => {
    await withPage({ bypassCSP: true }, async (page) => {
      const report = [];
      for (const url of ['/quan-tri/tu-van/thong-ke', '/quan-tri/tu-van/thong-ke?tu=2026-02-30&den=2026-03-01']) {
        const response = await page.goto(url);
        assert.ok([200, 400].includes(response.status()), `${url} answers ${response.status()}`);
        await page.getByRole('heading', { level: 1, name: 'Thống kê tư vấn pháp luật' }).waitFor();
        const found = await seriousViolations(page);
        if (found.length) report.push(formatViolations(url, found));
      }
      assert.equal(report.length, 0, `accessibility problems:\n${report.join('\n')}`);
    });
    await withPage({ bypassCSP: true, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }, async (page) => {
      await page.goto('/quan-tri/tu-van/thong-ke');
      await page.getByRole('table', { name: 'Số câu hỏi gửi trong kỳ, theo trạng thái hiện nay' }).waitFor();
      const found = await seriousViolations(page);
      assert.equal(found.length, 0, formatViolations('stats at 360x740', found));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    });
  });

  test('a period is chosen with date fields and downloads as Excel', async () => {
    await withPage({ acceptDownloads: true }, async (page) => {
      await page.goto('/quan-tri/tu-van/thong-ke');
      await page.getByLabel('Từ ngày').fill('2026-01-01');
      await page.getByLabel('Đến ngày').fill('2026-06-30');
      await page.getByRole('button', { name: 'Xem thống kê' }).click();
      await page.waitForURL((url) => url.search === '?tu=2026-01-01&den=2026-06-30');
      await page.getByText('01/01/2026 – 30/06/2026').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Excel (.xlsx)' }).click(),
      ]);
      assert.equal(download.suggestedFilename(), 'thong-ke-tu-van-2026-01-01-2026-06-30.xlsx');
    });
  });

  async function withPage(options, body) {
    await env.withContexts('consult-stats', async (open) => {
      const context = await open(options);
      const page = await context.newPage();
      await logIn(page, REPORTER.email, REPORTER.password);
      await body(page);
    });
  }
});
