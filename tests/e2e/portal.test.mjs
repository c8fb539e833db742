// Browser tests for the PhoBien portal: editorial workflow, accessibility (axe-core) and
// no-JavaScript rendering, in headless Debian Chromium. Run: node --test portal.test.mjs
// (PHOBIEN_BIN names the program; default /work/main/build/phobien).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserTests, logIn, randomPassword, seriousViolations, formatViolations } from './harness.mjs';

const EDITOR = { email: 'bientap@test.local', role: 'editor', name: 'Biên Tập Thử', password: randomPassword() };
const REVIEWER = { email: 'nguoiduyet@test.local', role: 'reviewer', name: 'Người Duyệt Thử', password: randomPassword() };

browserTests({ users: [EDITOR, REVIEWER] }, (env) => {
  const { withContexts } = env;

  const rootFontSize = (page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

  test('editor writes, reviewer publishes, visitor reads with a larger font', async () => {
    await withContexts('workflow', async (open) => {
      const title = `Hướng dẫn thủ tục đăng ký khai sinh trực tuyến — thử nghiệm ${Date.now().toString(36)}`;
      const summary = 'Các bước đăng ký khai sinh cho trẻ em qua Cổng dịch vụ công, dành cho người dân.';
      const body = [
        '## Hồ sơ cần chuẩn bị',
        '',
        '- Giấy chứng sinh bản điện tử;',
        '- Giấy tờ tùy thân của **cha hoặc mẹ**.',
        '',
        'Thời hạn giải quyết: *ngay trong ngày làm việc*.',
      ].join('\n');

      // 1. The editor writes the post and submits it for review.
      const editorContext = await open();
      const editor = await editorContext.newPage();
      await logIn(editor, EDITOR.email, EDITOR.password);
      await editor.goto('/quan-tri/bai-viet/moi');
      await editor.getByRole('heading', { level: 1, name: 'Viết bài mới' }).waitFor();
      await editor.getByRole('textbox', { name: 'Tiêu đề', exact: true }).fill(title);
      // (Ask for the select by role: a link of the site menu may share its name.)
      await editor.getByRole('combobox', { name: 'Chuyên mục' }).selectOption({ label: 'Tin tức' });
      await editor.getByRole('textbox', { name: 'Tóm tắt', exact: true }).fill(summary);
      await editor.getByRole('textbox', { name: 'Nội dung (Markdown)' }).fill(body);
      await editor.getByRole('button', { name: 'Lưu', exact: true }).click();
      await editor.waitForURL(/\/quan-tri\/bai-viet\/\d+\?da-luu=1$/);
      await editor.getByRole('status').filter({ hasText: 'Đã lưu bài viết.' }).waitFor();
      const editPath = new URL(editor.url()).pathname;
      assert.equal(await editor.getByRole('textbox', { name: 'Tiêu đề', exact: true }).inputValue(), title,
        'the saved title (with diacritics) comes back unchanged');

      await editor.getByRole('button', { name: 'Gửi duyệt', exact: true }).click();
      await editor.waitForURL((url) => url.pathname === editPath && url.searchParams.has('da-chuyen'));
      await editor.getByRole('status').filter({ hasText: 'Đã cập nhật trạng thái' }).waitFor();
      assert.equal(await editor.getByRole('button', { name: 'Gửi duyệt', exact: true }).count(), 0,
        'a submitted post cannot be submitted again');

      // 2. The reviewer, in a separate browser context, finds it among pending posts and publishes it.
      const reviewerContext = await open();
      const reviewer = await reviewerContext.newPage();
      await logIn(reviewer, REVIEWER.email, REVIEWER.password);
      await reviewer.goto('/quan-tri/bai-viet?trang-thai=pending');
      const pendingLink = reviewer.getByRole('link', { name: title, exact: true });
      await pendingLink.click();
      await reviewer.waitForURL((url) => url.pathname === editPath);
      await reviewer.getByRole('button', { name: 'Duyệt và xuất bản' }).click();
      await reviewer.waitForURL((url) => url.pathname === editPath && url.searchParams.has('da-chuyen'));
      await reviewer.getByRole('link', { name: 'Xem bài đã xuất bản' }).waitFor();

      // 3. A visitor (not logged in) finds the post on the home page and reads it.
      const visitorContext = await open();
      const visitor = await visitorContext.newPage();
      await visitor.goto('/');
      const postLink = visitor.getByRole('main').getByRole('link', { name: title, exact: true });
      const href = await postLink.getAttribute('href');
      assert.ok(href, 'the post links somewhere');
      const postURL = new URL(href, env.server.baseURL).href;
      await postLink.click();
      await visitor.waitForURL(postURL);
      const article = visitor.getByRole('article');
      await article.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
      await article.getByText(summary, { exact: true }).waitFor();
      await article.getByRole('heading', { level: 2, name: 'Hồ sơ cần chuẩn bị' }).waitFor();
      assert.equal(await article.getByRole('listitem').count(), 2, 'the Markdown list is rendered');
      assert.equal(await article.locator('strong').filter({ hasText: 'cha hoặc mẹ' }).count(), 1, 'bold Markdown is rendered');

      // 4. A+ makes the text larger, and the choice survives a reload (localStorage).
      const before = await rootFontSize(visitor);
      await visitor.getByRole('button', { name: 'Tăng cỡ chữ' }).click();
      await visitor.waitForFunction(
        (prev) => parseFloat(getComputedStyle(document.documentElement).fontSize) > prev, before);
      const larger = await rootFontSize(visitor);
      assert.ok(larger > before, `font size grew: ${before}px -> ${larger}px`);
      assert.equal(await visitor.evaluate(() => localStorage.getItem('phobien.fontScale')), '1.125');
      assert.equal(await visitor.getByRole('button', { name: 'Cỡ chữ mặc định' }).getAttribute('aria-pressed'), 'false');

      await visitor.reload();
      await article.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
      await visitor.waitForFunction(
        (size) => parseFloat(getComputedStyle(document.documentElement).fontSize) === size, larger);
      assert.equal(await rootFontSize(visitor), larger, 'the larger font size is remembered after a reload');
    });
  });

  test('public pages have no serious or critical axe-core (WCAG 2.1 A/AA) violations', async () => {
    await withContexts('axe', async (open) => {
      // axe is injected as an inline script, which the site's CSP rightly forbids.
      const context = await open({ bypassCSP: true });
      const page = await context.newPage();
      await page.goto('/');
      const firstPost = page.getByRole('main').getByRole('article').first().getByRole('link').first();
      const postPath = new URL(await firstPost.getAttribute('href'), env.server.baseURL).pathname;

      const report = [];
      for (const [label, url] of [['home', '/'], ['category', '/chuyen-muc/tin-tuc'], ['post', postPath], ['login', '/dang-nhap']]) {
        const response = await page.goto(url);
        assert.equal(response.status(), 200, `${url} answers 200`);
        await page.getByRole('heading', { level: 1 }).first().waitFor({ state: 'attached' });
        const found = await seriousViolations(page);
        if (found.length) report.push(formatViolations(`${label} ${url}`, found));
      }

      // The home page on a phone.
      const phone = await open({ bypassCSP: true, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
      const phonePage = await phone.newPage();
      await phonePage.goto('/');
      await phonePage.getByRole('navigation', { name: 'Danh mục chính' }).waitFor();
      const found = await seriousViolations(phonePage);
      if (found.length) report.push(formatViolations('home / at 360x740', found));
      const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) report.push(`home / at 360x740: page is ${overflow}px wider than the screen (horizontal scrolling)`);
      // The menu folds into one control (a <details>, no JavaScript needed), so the content starts
      // high on the first screen; opening it shows the links.
      const menu = phonePage.getByRole('navigation', { name: 'Danh mục chính' });
      const library = menu.getByRole('link', { name: 'Tủ sách pháp luật' });
      assert.equal(await library.isVisible(), false, 'on a phone the menu starts folded');
      const headerBottom = await phonePage.evaluate(() => document.querySelector('.site-header').getBoundingClientRect().bottom);
      assert.ok(headerBottom < 260, `header and folded menu take ${headerBottom}px of a 740px screen`);
      await menu.getByText('Danh mục', { exact: true }).click();
      await library.waitFor({ state: 'visible' });

      assert.equal(report.length, 0, `accessibility problems:\n${report.join('\n')}`);
    });
  });

  test('home and post pages work without JavaScript', async () => {
    await withContexts('nojs', async (open) => {
      const context = await open({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto('/');

      const nav = page.getByRole('navigation', { name: 'Danh mục chính' });
      await nav.getByRole('link', { name: 'Tin tức', exact: true }).waitFor();
      assert.ok(await nav.getByRole('link').count() >= 5, 'home + four demo categories in the navigation');
      const main = page.getByRole('main');
      await main.getByRole('heading', { level: 2, name: 'Tin tức' }).waitFor();
      const cards = main.getByRole('article');
      assert.ok(await cards.count() >= 4, 'the home page lists posts');
      // The font-size buttons need JavaScript (site.js unhides them), so without it they stay hidden.
      assert.equal(await page.getByRole('button', { name: 'Tăng cỡ chữ' }).isVisible(), false,
        'no dead A+ button without JavaScript');

      const firstLink = cards.first().getByRole('link').first();
      const title = (await firstLink.textContent()).trim();
      const postURL = new URL(await firstLink.getAttribute('href'), env.server.baseURL).href;
      await firstLink.click();
      await page.waitForURL(postURL);
      const article = page.getByRole('article');
      await article.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
      const bodyText = (await article.locator('.body').textContent()).trim();
      assert.ok(bodyText.length > 50, 'the post body is rendered on the server');
      const crumbs = page.getByRole('navigation', { name: 'Đường dẫn' });
      await crumbs.getByRole('link', { name: 'Trang chủ' }).waitFor();
      // Following a link works too: the breadcrumb's category.
      const categoryLink = crumbs.getByRole('link').nth(1);
      const categoryName = (await categoryLink.textContent()).trim();
      await categoryLink.click();
      await page.getByRole('heading', { level: 1, name: categoryName, exact: true }).waitFor();
      await page.getByRole('main').getByRole('link', { name: title, exact: true }).waitFor();
    });
  });
});
