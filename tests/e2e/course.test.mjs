// The online courses (/khoa-hoc) on a 360 px phone with JavaScript turned off, against a real
// `phobien serve` whose data folder is prepared with the command line first: a one-article law,
// a two-question bank (true/false and multiple choice) approved, one province with one ward, a
// public course of three lessons (a Markdown text, «Điều 2 Luật Cư trú» read from the library, a
// quiz of both questions that needs 100 %) and a citizen account. The visitor finds the course,
// logs in from the course page, enrols choosing their unit, marks the text and the article lessons
// done, starts the quiz, answers both questions right, finishes the course, and opens the
// certificate from «Khóa học của tôi». The lesson's buttons are reached and pressed with the
// keyboard (Tab, Enter), and must show where the focus is.
//
// Every page of the way must fit 360 px (no horizontal scrolling) and have no axe-core violation
// of any impact, with every rule axe runs by default (WCAG 2.x A and AA, and best practices). axe
// needs JavaScript, so each page's HTML, as the browser without JavaScript got it, is served again
// at its own URL to a second, JavaScript-enabled page of the same size (the stylesheet comes from
// the server): this also covers the answers to POSTs (the quiz and its result).
// Run: node --test course.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserTests, runPhobien, randomPassword, openPhonePages } from './harness.mjs';
import { prepareLearningData, LAW, ARTICLE_TEXT, EXPLANATION, ANSWERS, PROVINCE, WARD } from './learning_fixtures.mjs';

const COURSE = 'Tìm hiểu Luật Cư trú cho người dân';
const LESSONS = ['Quyền tự do cư trú', 'Chỗ ở hợp pháp', 'Kiểm tra cuối khóa'];
const LEARNER = { email: 'hocvien@example.vn', role: 'citizen', name: 'Trần Văn Học', password: randomPassword() };

// Fills the data folder before the server starts, as an operator would.
async function prepare(dataDir) {
  await prepareLearningData(dataDir, async (file) => {
    const course = await file('course.json', {
      title: COURSE,
      summary: 'Khóa học ngắn về quyền tự do cư trú và chỗ ở hợp pháp, kèm bài kiểm tra.',
      audience: 'public',
      lessons: [
        {
          title: LESSONS[0],
          text: 'Luật Cư trú quy định **quyền tự do cư trú** của công dân.\n\n' +
            'Nơi cư trú gồm:\n\n- nơi thường trú;\n- nơi tạm trú.',
        },
        { title: LESSONS[1], article: `Điều 2 ${LAW}` },
        { title: LESSONS[2], quiz: { count: 2, law: LAW, pass_percent: 100 } },
      ],
    });
    runPhobien(['create-course', '--data', dataDir, course]);
  });
}

browserTests({ prepare, users: [LEARNER] }, (env) => {

  test('on a 360 px phone without JavaScript: enrol, learn, pass the quiz, get the certificate; every page fits and passes axe', async () => {
    await env.withContexts('course-phone', async (open) => {
      // Every page of the way: fits 360 px and passes axe (harness.mjs, checkPhonePage).
      const { page, checked, checkPage } = await openPhonePages(open);

      // Tabs from the top of the page to the button named `name` (a submit button, alone of that
      // name): it must be reached, named, and show a focus outline; then presses Enter on it.
      async function pressWithKeyboard(name) {
        const button = page.getByRole('button', { name, exact: true });
        await button.waitFor();
        await page.evaluate(() => document.activeElement?.blur());
        let reached = false;
        for (let i = 0; i < 80 && !reached; i++) {
          await page.keyboard.press('Tab');
          reached = await button.evaluate((b) => document.activeElement === b);
        }
        assert.ok(reached, `«${name}» is reached with the Tab key`);
        const outline = await button.evaluate((b) => {
          const s = getComputedStyle(b);
          return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), focusVisible: b.matches(':focus-visible') };
        });
        assert.ok(outline.focusVisible && outline.style !== 'none' && outline.width >= 2,
          `«${name}» shows where the keyboard focus is: ${JSON.stringify(outline)}`);
        const box = await button.boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= 360 && box.height >= 24,
          `«${name}» fits the screen and is big enough to tap: ${JSON.stringify(box)}`);
        await page.keyboard.press('Enter');
      }

      const mainText = () => page.locator('main').innerText();

      // 1. The list of courses, for a visitor not logged in.
      await page.goto('/khoa-hoc');
      await page.getByRole('heading', { level: 1, name: 'Khóa học pháp luật trực tuyến' }).waitFor();
      assert.ok(await page.locator('.font-size').isHidden(), 'JavaScript is off: site.js did not show the font-size buttons');
      const card = page.locator('.card', { has: page.getByRole('heading', { level: 2, name: COURSE, exact: true }) });
      assert.match(await card.locator('.meta').innerText(), /3 bài học/, 'the course is listed with its three lessons');
      await checkPage('/khoa-hoc');

      // 2. The course page: its lessons, not yet links, and an invitation to log in.
      await card.getByRole('link', { name: COURSE, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: COURSE }).waitFor();
      const coursePath = new URL(page.url()).pathname;
      assert.match(coursePath, /^\/khoa-hoc\/[^/]+$/);
      const lessonItems = page.locator('ol.lesson-list > li');
      assert.equal(await lessonItems.count(), 3);
      for (const [i, title] of LESSONS.entries())
        assert.match(await lessonItems.nth(i).innerText(), new RegExp(`^${title} \\(`), `lesson ${i + 1} is listed`);
      assert.equal(await page.locator('ol.lesson-list a').count(), 0, 'lessons are not links before enrolling');
      await checkPage('course page, not logged in');

      // 3. Log in from the course page and come back to it.
      await page.getByRole('link', { name: 'Đăng nhập', exact: true }).last().click();
      await page.waitForURL((u) => u.pathname === '/dang-nhap' && u.searchParams.get('tiep') === coursePath);
      await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
      await checkPage('login page');
      await page.getByLabel('E-mail', { exact: true }).fill(LEARNER.email);
      await page.getByLabel('Mật khẩu', { exact: true }).fill(LEARNER.password);
      await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
      await page.waitForURL((u) => u.pathname === coursePath);

      // 4. Enrol, choosing the unit.
      await page.getByRole('heading', { level: 2, name: 'Đăng ký học' }).waitFor();
      const unit = page.getByRole('combobox', { name: 'Đơn vị của bạn (để thống kê theo đơn vị)' });
      assert.deepEqual((await unit.locator('option').allInnerTexts()).map((t) => t.trim()), ['— Chọn đơn vị —', PROVINCE]);
      await checkPage('course page with the enrolment form');
      await unit.selectOption({ label: PROVINCE });
      await page.getByRole('button', { name: 'Đăng ký và bắt đầu học', exact: true }).click();

      // 5. Lesson 1: the Markdown text, rendered; marked done with the keyboard.
      await page.waitForURL((u) => u.pathname === `${coursePath}/bai/1`);
      await page.getByRole('heading', { level: 1, name: LESSONS[0] }).waitFor();
      assert.match(await page.locator('main .meta').first().innerText(), /^Bài 1\/3 · .* · Đã học 0\/3$/);
      assert.equal(await page.locator('.post strong').innerText(), 'quyền tự do cư trú', '**…** became <strong>');
      assert.deepEqual(await page.locator('.post ul > li').allInnerTexts(), ['nơi thường trú;', 'nơi tạm trú.'], '- … became a list');
      assert.doesNotMatch(await mainText(), /\*\*/, 'no raw Markdown left');
      await checkPage('lesson 1 (text)');
      await pressWithKeyboard('Đánh dấu đã học xong');

      // 6. Lesson 2: the article from the library.
      await page.waitForURL((u) => u.pathname === `${coursePath}/bai/2`);
      await page.getByRole('heading', { level: 1, name: LESSONS[1] }).waitFor();
      assert.match(await page.locator('main .meta').first().innerText(), /Đã học 1\/3$/);
      const article = page.getByRole('region', { name: /^Điều 2\b/ });
      assert.match(await article.innerText(), new RegExp(ARTICLE_TEXT), 'the article text is shown');
      await article.getByRole('link', { name: 'Xem trong tủ sách pháp luật' }).waitFor();
      await checkPage('lesson 2 (article)');
      await page.getByRole('button', { name: 'Đánh dấu đã học xong', exact: true }).click();

      // 7. Lesson 3: the quiz, started with the keyboard.
      await page.waitForURL((u) => u.pathname === `${coursePath}/bai/3`);
      await page.getByRole('heading', { level: 1, name: LESSONS[2] }).waitFor();
      assert.match(await page.locator('main .meta').first().innerText(), /Đã học 2\/3$/);
      await page.getByText('Bài kiểm tra gồm 2 câu hỏi', { exact: false }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Đánh dấu đã học xong' }).count(), 0, 'a quiz is done by passing it');
      await checkPage('lesson 3 before the quiz');
      await pressWithKeyboard('Bắt đầu làm bài kiểm tra');

      // 8. The questions, one fieldset each; both answered right.
      await page.waitForURL((u) => u.pathname === `${coursePath}/bai/3`);
      const quiz = page.locator('form.quiz-form');
      await quiz.getByRole('button', { name: 'Nộp bài kiểm tra', exact: true }).waitFor();
      const groups = await quiz.getByRole('group').all();
      assert.equal(groups.length, 2, 'two questions');
      const seen = [];
      for (const [i, group] of groups.entries()) {
        const legend = (await group.locator('legend').innerText()).trim();
        const question = [...ANSWERS.keys()].find((q) => legend === `Câu ${i + 1}: ${q}`);
        assert.ok(question, `question ${i + 1} is one of the bank's: «${legend}»`);
        seen.push(question);
        await group.getByRole('radio', { name: ANSWERS.get(question) }).check();
      }
      assert.equal(new Set(seen).size, 2, 'the two questions are different');
      await checkPage('quiz');
      await page.getByRole('button', { name: 'Nộp bài kiểm tra', exact: true }).click();

      // 9. The result: passed, and the course finished.
      await page.waitForURL((u) => u.pathname === `${coursePath}/bai/3/nop-bai`);
      await page.getByRole('heading', { level: 2, name: 'Kết quả: 2/2 câu đúng (100%)' }).waitFor();
      const status = await page.getByRole('status').filter({ hasText: 'Bạn đã đạt bài kiểm tra' }).innerText();
      assert.match(status, /Bạn đã hoàn thành khóa học!/);
      const results = page.locator('ol.quiz > li');
      assert.equal(await results.count(), 2);
      for (const li of await results.all()) assert.match(await li.innerText(), /\nĐúng\./, 'each answer is marked right');
      await page.getByText(EXPLANATION).waitFor();  // the explanation
      await checkPage('quiz result');

      // 10. «Khóa học của tôi»: the course is finished, with its certificate.
      await page.goto('/khoa-hoc/cua-toi');
      await page.getByRole('heading', { level: 1, name: 'Khóa học của tôi' }).waitFor();
      assert.match(await page.locator('h2:has-text("Đang học") + ul').innerText(), /Bạn không có khóa học nào đang học/);
      const row = page.getByRole('table').getByRole('row', { name: new RegExp(`^${COURSE}`) });
      assert.match(await row.innerText(), /\d{1,2}\/\d{1,2}\/\d{4}/, 'the date of completion');
      await checkPage('my courses');
      await row.getByRole('link', { name: 'Xem, in', exact: true }).click();

      // 11. The certificate.
      await page.waitForURL((u) => /^\/chung-nhan\/[^/]+$/.test(u.pathname));
      const certificate = page.locator('main.certificate');
      await certificate.getByRole('heading', { level: 1, name: 'GIẤY CHỨNG NHẬN' }).waitFor();
      assert.equal((await certificate.locator('.holder').innerText()).trim(), LEARNER.name);
      assert.match(await certificate.innerText(), new RegExp(COURSE), 'the course is named');
      const code = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
      assert.match(await certificate.locator('.verify').innerText(), new RegExp(code), 'the verification code');
      await checkPage('certificate');

      assert.equal(checked.length, 11);
    });
  });
});
