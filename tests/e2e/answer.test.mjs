// Browser tests of the chat panel (static/chat.js) and the plain question page: keyboard only,
// citations that lead to the article, follow-ups in one conversation, accessibility (axe-core),
// no JavaScript, a 320 px screen. Run: node --test answer.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserTests, logIn, randomPassword, seriousViolations, formatViolations } from './harness.mjs';

// Two articles of the Labour Code, as the plain-text importer reads them.
const DOCUMENTS = [
  {
    name: 'bo-luat-lao-dong.txt',
    content: [
      'QUỐC HỘI', 'Luật số: 45/2019/QH14', 'Hà Nội, ngày 20 tháng 11 năm 2019', 'BỘ LUẬT', 'LAO ĐỘNG', 'Căn cứ Hiến pháp;',
      'Điều 25. Thời gian thử việc',
      'Thời gian thử việc do hai bên thỏa thuận căn cứ vào tính chất và mức độ phức tạp của công việc nhưng chỉ được thử việc một lần đối với một công việc và bảo đảm điều kiện sau đây:',
      '1. Không quá 180 ngày đối với công việc của người quản lý doanh nghiệp;',
      '2. Không quá 60 ngày đối với công việc có chức danh nghề nghiệp cần trình độ chuyên môn, kỹ thuật từ cao đẳng trở lên;',
      '3. Không quá 06 ngày làm việc đối với công việc khác.',
      'Điều 113. Nghỉ hằng năm',
      '1. Người lao động làm việc đủ 12 tháng cho một người sử dụng lao động thì được nghỉ hằng năm, hưởng nguyên lương theo hợp đồng lao động như sau:',
      'a) 12 ngày làm việc đối với người làm công việc trong điều kiện bình thường;',
      'b) 14 ngày làm việc đối với người lao động chưa thành niên.',
      '2. Người lao động làm việc chưa đủ 12 tháng thì số ngày nghỉ hằng năm theo tỷ lệ tương ứng với số tháng làm việc.',
    ].join('\n'),
  },
];
const EDITOR = { email: 'bientap@test.local', role: 'editor', name: 'Biên Tập Thử', password: randomPassword() };
const QUESTION = 'Người lao động làm việc đủ 12 tháng được nghỉ hằng năm bao nhiêu ngày?';
const FOLLOW_UP = 'Thời gian thử việc đối với người quản lý doanh nghiệp tối đa bao nhiêu ngày?';

browserTests({ users: [EDITOR], documents: DOCUMENTS }, (env) => {
  const { withContexts } = env;

  const panelOf = (page) => page.getByRole('dialog', { name: 'Hỏi đáp pháp luật' });
  const launcherOf = (page) => page.getByRole('button', { name: 'Hỏi đáp pháp luật tự động', exact: true });
  const answers = (page) => panelOf(page).locator('.chat-answer');

  // Types the question into the open panel and waits for its answer (the n-th, from 1).
  async function askInPanel(page, question, n) {
    const box = panelOf(page).getByRole('textbox', { name: 'Câu hỏi về pháp luật' });
    await box.fill(question);
    await box.press('Enter');
    await answers(page).nth(n - 1).waitFor();
    return answers(page).nth(n - 1);
  }

  test('keyboard only: open the panel, ask, follow the citation; follow-ups keep the conversation; Esc closes', async () => {
    await withContexts('chat-keyboard', async (open) => {
      const context = await open({ bypassCSP: true });
      const page = await context.newPage();
      const sent = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/answer') sent.push(r.postDataJSON());
      });
      await page.goto('/tra-cuu');
      await launcherOf(page).waitFor();

      // Tab through the page to the launcher, then Enter.
      let reached = false;
      for (let i = 0; i < 200 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.id === 'chat-launcher');
      }
      assert.ok(reached, 'Tab reaches the launcher');
      await page.keyboard.press('Enter');
      const panel = panelOf(page);
      await panel.waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'chat-question', 'focus moves into the textarea');
      const log = panel.getByRole('log');
      assert.equal(await log.getAttribute('aria-live'), 'polite');

      // Shift+Enter is a new line, Enter sends.
      await page.keyboard.type('Người lao động làm việc đủ 12 tháng');
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.type('được nghỉ hằng năm bao nhiêu ngày?');
      assert.equal(await panel.getByRole('textbox').inputValue(),
        'Người lao động làm việc đủ 12 tháng\nđược nghỉ hằng năm bao nhiêu ngày?');
      assert.equal(sent.length, 0, 'Shift+Enter does not send');
      await page.keyboard.press('Enter');
      const first = answers(page).first();
      await first.waitFor();
      assert.equal(sent.length, 1);
      assert.equal(sent[0].conversation_id, undefined, 'the first question starts a conversation');
      assert.equal(await panel.getByRole('textbox').inputValue(), '', 'the textarea is emptied');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'chat-question', 'focus stays in the textarea');
      assert.equal(await log.getAttribute('aria-busy'), 'false');
      assert.match(await first.innerText(), /Theo khoản 1 Điều 113/);
      const citation = first.getByRole('link', { name: /^Điều 113 / });
      await citation.waitFor();
      const quote = first.locator('blockquote').first();
      assert.match(await quote.innerText(), /12 ngày làm việc đối với người làm công việc/);
      assert.match(await first.innerText(), /Tình trạng hiệu lực: /);
      const conversation = await page.evaluate(() => sessionStorage.getItem('phobien.chat.conversation'));
      assert.match(conversation ?? '', /^[A-Za-z0-9_-]{8,64}$/, 'the conversation id is kept in sessionStorage');

      // axe-core with the panel open and an answer in it.
      const found = await seriousViolations(page);
      assert.equal(found.length, 0, formatViolations('chat panel open on /tra-cuu', found));

      // A follow-up question continues the conversation.
      await askInPanel(page, FOLLOW_UP, 2);
      assert.equal(sent.length, 2);
      assert.equal(sent[1].conversation_id, conversation, 'the follow-up sends the same conversation_id');
      assert.match(await answers(page).nth(1).innerText(), /Điều 25/);

      // Esc closes the panel and gives focus back to the launcher.
      await panel.getByRole('textbox').focus();
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'hidden' });
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'chat-launcher', 'focus returns to the launcher');

      // The citation leads to the article page (opened again from the launcher, by keyboard).
      await page.keyboard.press('Enter');
      await panel.waitFor();
      await citation.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/van-ban\/[^/]+\/dieu-113/);
      await page.getByRole('heading', { level: 1, name: /Điều 113/ }).waitFor();
      assert.match(await page.locator('.law-text').innerText(), /12 ngày làm việc/);
    });
  });

  test('busy state, the server\'s Vietnamese error message, a network failure, the hand-off link', async () => {
    await withContexts('chat-states', async (open) => {
      const context = await open();
      const page = await context.newPage();
      await page.goto('/');
      await launcherOf(page).click();
      const panel = panelOf(page);
      const box = panel.getByRole('textbox');

      // Busy while the server works (the request is held back until the busy state is checked).
      let release;
      const held = new Promise((r) => { release = r; });
      await page.route('**/api/v1/answer', async (route) => { await held; await route.continue(); }, { times: 1 });
      await box.fill(QUESTION);
      await box.press('Enter');
      await panel.getByRole('status').filter({ hasText: 'Đang tìm câu trả lời…' }).waitFor();
      assert.equal(await panel.getByRole('log').getAttribute('aria-busy'), 'true');
      release();
      await answers(page).first().waitFor();
      assert.equal(await panel.getByRole('status').innerText(), '');

      // A 4xx from the real server (a question far over the limit): its message is shown.
      await page.route('**/api/v1/answer', (route) =>
        route.continue({ postData: JSON.stringify({ question: 'a'.repeat(50 * 1024) }) }), { times: 1 });
      await box.fill('Câu hỏi sẽ bị thay bằng một câu rất dài');
      await box.press('Enter');
      await panel.locator('.chat-error').filter({ hasText: 'Câu hỏi quá dài' }).waitFor();
      assert.equal(await box.inputValue(), 'Câu hỏi sẽ bị thay bằng một câu rất dài', 'the question is kept for another try');

      // The network fails.
      await page.route('**/api/v1/answer', (route) => route.abort('internetdisconnected'), { times: 1 });
      await box.press('Enter');
      await panel.locator('.chat-error').filter({ hasText: 'Không kết nối được với máy chủ' }).waitFor();

      // Unsure: a clear note and a link to the question page with the question.
      const unsure = 'Thủ tục xin cấp hộ chiếu phổ thông cho trẻ em ở đâu?';
      await box.fill(unsure);
      await box.press('Enter');
      const last = answers(page).last();
      await panel.getByText('Hệ thống chưa chắc chắn về câu trả lời này', { exact: false }).waitFor();
      // Nothing is handed off until the asker presses the button; the link leads to the
      // consultation form for a private answer.
      const handoff = last.getByRole('link', { name: 'Gửi câu hỏi kèm thông tin liên hệ để nhận trả lời riêng' });
      const href = new URL(await handoff.getAttribute('href'), env.server.baseURL);
      assert.equal(href.pathname, '/tu-van');
      const handoffRequests = [];
      page.on('request', (r) => { if (r.url().endsWith('/api/v1/answer/handoff')) handoffRequests.push(r.postDataJSON()); });
      const button = last.getByRole('button', { name: 'Chuyển câu hỏi cho luật sư, luật gia' });
      await button.focus();
      await page.keyboard.press('Enter');
      await last.getByText('Câu hỏi của bạn đã được chuyển đến luật sư, luật gia xem xét', { exact: false }).waitFor();
      assert.equal(handoffRequests.length, 1);
      assert.equal(handoffRequests[0].question, unsure);
      assert.equal(await button.count(), 0, 'the button gives way to the confirmation');

      // Esc while focus is on the page behind the (non-modal) panel closes it and leaves focus there.
      const pageLink = page.getByRole('main').getByRole('link').first();
      await pageLink.focus();
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'hidden' });
      assert.ok(await pageLink.evaluate((a) => a === document.activeElement), 'focus stays on the page link');
      await launcherOf(page).waitFor();
    });
  });

  test('the plain question page after an answer has no serious axe-core violations and no chat panel, and takes the asker\'s opinion', async () => {
    await withContexts('ask-page-axe', async (open) => {
      const context = await open({ bypassCSP: true });
      const page = await context.newPage();
      await page.goto('/hoi-dap-tu-dong');
      assert.equal(await page.locator('#chat-launcher').count(), 0, 'the question page is the form already');
      await page.getByLabel('Câu hỏi của bạn').fill(QUESTION);
      await page.getByRole('button', { name: 'Hỏi', exact: true }).click();
      await page.getByRole('heading', { level: 2, name: 'Trả lời' }).waitFor();
      const found = await seriousViolations(page);
      assert.equal(found.length, 0, formatViolations('/hoi-dap-tu-dong after an answer', found));
      // The asker says the answer did not help, and why; the page thanks them.
      await page.getByRole('group', { name: 'Câu trả lời có giúp ích không?' }).getByLabel('Không').check();
      await page.getByLabel('Khó hiểu').check();
      await page.getByRole('button', { name: 'Gửi ý kiến' }).click();
      await page.getByText('Cảm ơn bạn đã cho biết.').waitFor();
    });
  });

  test('without JavaScript the launcher is a link to the question page, which answers', async () => {
    await withContexts('chat-nojs', async (open) => {
      const context = await open({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto('/');
      const link = page.getByRole('link', { name: 'Hỏi đáp pháp luật tự động', exact: true });
      assert.equal(await link.getAttribute('href'), '/hoi-dap-tu-dong');
      assert.ok(await link.isVisible(), 'the launcher link is visible');
      assert.equal(await page.getByRole('dialog').count(), 0, 'the closed panel is not shown');
      await link.click();
      await page.waitForURL((url) => url.pathname === '/hoi-dap-tu-dong');
      await page.getByLabel('Câu hỏi của bạn').fill(QUESTION);
      await page.getByRole('button', { name: 'Hỏi', exact: true }).click();
      const answer = page.locator('section.answer');
      await answer.getByRole('heading', { name: 'Trả lời' }).waitFor();
      assert.match(await answer.innerText(), /Theo khoản 1 Điều 113/);
      await answer.getByRole('link', { name: /^Điều 113 / }).waitFor();
    });
  });

  test('on a 320 px screen, with the largest font and reduced motion, the panel fits without horizontal scrolling', async () => {
    await withContexts('chat-320', async (open) => {
      const context = await open({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });
      await context.addInitScript(() => localStorage.setItem('phobien.fontScale', '1.5'));
      const page = await context.newPage();
      await page.goto('/van-ban');
      const launcher = launcherOf(page);
      const box0 = await launcher.boundingBox();
      assert.ok(box0.x >= 0 && box0.x + box0.width <= 320, `the launcher fits: ${JSON.stringify(box0)}`);
      await launcher.click();
      await askInPanel(page, QUESTION, 1);
      const panel = panelOf(page);
      const box = await panel.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 320, `the panel fits the screen: ${JSON.stringify(box)}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px too wide)`);
      const panelOverflow = await panel.evaluate((el) => el.scrollWidth - el.clientWidth);
      assert.ok(panelOverflow <= 0, `nothing inside the panel is wider than it (${panelOverflow}px)`);
      assert.equal(await panel.evaluate((el) => getComputedStyle(el).animationName), 'none', 'no opening animation');
      assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '24px', 'the font-size control applies');
    });
  });

  test('back-office pages have no chat panel; public pages have it for logged-in visitors too', async () => {
    await withContexts('chat-back-office', async (open) => {
      const context = await open();
      const page = await context.newPage();
      await logIn(page, EDITOR.email, EDITOR.password);
      assert.equal(await page.locator('#chat-launcher').count(), 0, '/quan-tri has no launcher');
      assert.equal(await page.locator('#chat-panel').count(), 0, '/quan-tri has no panel');
      await page.goto('/');
      await launcherOf(page).waitFor();
    });
  });
});
