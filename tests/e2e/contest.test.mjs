// The online contest (/cuoc-thi) on a 360 px phone with JavaScript turned off, against a real
// `phobien serve` whose data folder is prepared with the command line first: a one-article law,
// a two-question bank (true/false and multiple choice) approved for contests, one province with
// one ward, and a contest whose only round opened an hour ago. The participant registers
// (province, then «Chọn xã, phường», then the ward), starts, answers both questions one page at a
// time, predicts, submits, reads the result and finds their name on the leaderboard.
//
// Every page of the way must fit 360 px (no horizontal scrolling) and have no axe-core violation
// of any impact, with every rule axe runs by default (WCAG 2.x A and AA, and best practices). axe needs JavaScript, so each page's HTML, as the browser without JavaScript got
// it, is served again at its own URL to a second, JavaScript-enabled page of the same size (the
// stylesheet comes from the server): this also covers the page after choosing the province, the
// answer to a POST. Run: node --test contest.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserTests, runPhobien, openPhonePages } from './harness.mjs';
import { prepareLearningData, ANSWERS, PROVINCE, WARD } from './learning_fixtures.mjs';

const CONTEST = 'Cuộc thi tìm hiểu Luật Cư trú';
const PREDICTION_QUESTION = 'Bao nhiêu người trả lời đúng tất cả?';
const PARTICIPANT = { name: 'Nguyễn Thị Lan', birthYear: '1990', phone: '0912345678' };

// A time `hours` from now as Vietnam local time (UTC+7) in datetime-local form, 2026-12-07T08:00.
function vietnamTime(hours) {
  return new Date(Date.now() + (7 + hours) * 3_600_000).toISOString().slice(0, 16);
}

// Fills the data folder before the server starts, as an operator would.
async function prepare(dataDir) {
  await prepareLearningData(dataDir, async (file) => {
    const contest = await file('contest.json', {
      title: CONTEST,
      time_limit_minutes: 15,
      attempts_per_round: 1,
      prediction_question: PREDICTION_QUESTION,
      rounds: [{ opens_at: vietnamTime(-1), closes_at: vietnamTime(24) }],
      quotas: [{ count: 2 }],
    });
    assert.match(runPhobien(['create-contest', '--data', dataDir, contest]), /Đã tạo cuộc thi/);
  });
}

browserTests({ prepare }, (env) => {

  test('on a 360 px phone without JavaScript: register, answer, submit, result, leaderboard; every page fits and passes axe', async () => {
    await env.withContexts('contest-phone', async (open) => {
      // Every page of the way: fits 360 px and passes axe (harness.mjs, checkPhonePage).
      const { page, checked, checkPage } = await openPhonePages(open);

      // 1. The list of contests.
      await page.goto('/cuoc-thi');
      await page.getByRole('heading', { level: 1, name: 'Cuộc thi tìm hiểu pháp luật trực tuyến' }).waitFor();
      assert.ok(await page.locator('.font-size').isHidden(), 'JavaScript is off: site.js did not show the font-size buttons');
      await page.getByRole('heading', { level: 2, name: 'Đang diễn ra' }).waitFor();
      assert.equal(await page.locator('h2:has-text("Đang diễn ra") + ul .card h3').innerText(), CONTEST,
        'the open contest is listed under «Đang diễn ra»');
      await checkPage('/cuoc-thi');

      // 2. The contest, with the registration form.
      await page.getByRole('link', { name: CONTEST, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: CONTEST }).waitFor();
      assert.match(new URL(page.url()).pathname, /^\/cuoc-thi\/[^/]+$/);
      const contestPath = new URL(page.url()).pathname;
      await page.getByRole('heading', { level: 2, name: 'Đăng ký dự thi' }).waitFor();
      await checkPage('contest page with the registration form');

      await page.getByRole('textbox', { name: 'Họ và tên (bắt buộc)' }).fill(PARTICIPANT.name);
      await page.getByRole('textbox', { name: 'Năm sinh (bắt buộc)' }).fill(PARTICIPANT.birthYear);
      await page.getByRole('combobox', { name: 'Tỉnh, thành phố (bắt buộc)' }).selectOption({ label: PROVINCE });
      await page.getByRole('button', { name: 'Chọn xã, phường', exact: true }).click();

      // 3. The same form again with the province's communes; what was typed is kept.
      const ward = page.getByRole('combobox', { name: 'Xã, phường, đặc khu hoặc cơ quan cấp tỉnh (bắt buộc)' });
      await ward.waitFor();
      await page.getByText('Hãy chọn xã, phường nơi bạn sinh sống hoặc công tác.').waitFor();
      assert.equal(await page.getByRole('textbox', { name: 'Họ và tên (bắt buộc)' }).inputValue(), PARTICIPANT.name);
      assert.equal(await page.getByRole('textbox', { name: 'Năm sinh (bắt buộc)' }).inputValue(), PARTICIPANT.birthYear);
      await checkPage('contest page after choosing the province');

      await ward.selectOption({ label: WARD });
      await page.getByRole('radio', { name: 'Số điện thoại', exact: true }).check();
      await page.getByRole('textbox', { name: 'Số điện thoại hoặc số căn cước (bắt buộc)' }).fill(PARTICIPANT.phone);
      await page.getByRole('button', { name: 'Đăng ký dự thi', exact: true }).click();

      // 4. Registered: the contest page offers the start button.
      await page.waitForURL((u) => u.pathname === contestPath && u.searchParams.has('da-dang-ky'));
      await page.getByRole('heading', { level: 2, name: `Thí sinh ${PARTICIPANT.name}` }).waitFor();
      await page.getByText('Đăng ký thành công.', { exact: false }).waitFor();
      const who = await page.locator('section[aria-labelledby="thi-sinh"] .meta').innerText();
      assert.match(who, new RegExp(WARD));
      assert.ok(!who.includes(PARTICIPANT.phone), `the phone number is shown masked: ${who}`);
      await checkPage('contest page of the registered participant');
      await page.getByRole('button', { name: 'Bắt đầu hoặc tiếp tục làm bài', exact: true }).click();

      // 5. One page per question, in the order the contest drew them.
      const seen = [];
      for (const position of [1, 2]) {
        await page.waitForURL((u) => /\/bai-thi\/\d+$/.test(u.pathname) && u.searchParams.get('cau') === String(position));
        const heading = page.getByRole('heading', { level: 1 });
        const text = (await heading.innerText()).trim();
        const question = [...ANSWERS.keys()].find((q) => text === `Câu ${position}. ${q}`);
        assert.ok(question, `question ${position} is one of the bank's: «${text}»`);
        seen.push(question);
        await page.getByText(`Câu ${position}/2 · đã trả lời ${position - 1} câu`).waitFor();
        await checkPage(`question ${position}`);
        // Radio buttons keep their own size beside their label, which is the target to tap.
        for (const radio of await page.getByRole('radio').all()) {
          const box = await radio.boundingBox();
          assert.ok(box && box.width <= 32 && box.height <= 32, `question ${position}: a radio button of its own size: ${JSON.stringify(box)}`);
          const label = await radio.locator('xpath=..').boundingBox();
          assert.ok(label.x >= 0 && label.x + label.width <= 360 && label.height >= 24 && box.x >= label.x && box.y < label.y + label.height,
            `question ${position}: the choice's label holds its radio button, fits the screen and is tall enough to tap: ${JSON.stringify({ box, label })}`);
        }
        await page.getByRole('radio', { name: ANSWERS.get(question) }).check();
        await page.getByRole('button', {
          name: position === 1 ? /^Lưu và sang câu 2\b/ : 'Lưu và xem lại trước khi nộp',
        }).click();
      }
      assert.equal(new Set(seen).size, 2, 'the two questions are different');

      // 6. The summary: both answered; the prediction and the submission.
      await page.waitForURL((u) => /\/bai-thi\/\d+\/nop-bai$/.test(u.pathname));
      await page.getByRole('heading', { level: 1, name: 'Xem lại và nộp bài' }).waitFor();
      await page.getByText('Bạn đã trả lời 2/2 câu.').waitFor();
      assert.doesNotMatch(await page.locator('main').innerText(), /Còn 0 câu/, 'no «0 questions left» line');
      await checkPage('summary');
      await page.getByRole('textbox', { name: `Câu hỏi dự đoán: ${PREDICTION_QUESTION}` }).fill('1');
      await page.getByRole('button', { name: 'Nộp bài', exact: true }).click();

      // 7. The result: two questions, both right.
      await page.waitForURL((u) => /\/bai-thi\/\d+\/ket-qua$/.test(u.pathname));
      await page.getByRole('heading', { level: 1, name: 'Kết quả bài thi' }).waitFor();
      const row = (name) => page.getByRole('row', { name: new RegExp(`^${name}\\b`) }).getByRole('cell');
      assert.equal((await row('Số câu đúng').innerText()).trim(), '2/2');
      assert.match((await row('Điểm').innerText()).trim(), /^\d+$/, 'a score is shown');
      assert.equal((await row('Điểm').innerText()).trim(), '20', 'both answers were right');
      assert.equal((await row('Dự đoán của bạn').innerText()).trim(), '1');
      await checkPage('result');

      // 8. The leaderboard shows the participant.
      await page.getByRole('link', { name: 'Xem bảng xếp hạng', exact: true }).click();
      await page.waitForURL((u) => u.pathname === `${contestPath}/xep-hang`);
      await page.getByRole('heading', { level: 1, name: /^Bảng xếp hạng vòng 1$/ }).waitFor();
      const people = page.getByRole('table', { name: /^Cá nhân/ });
      const first = people.getByRole('row').nth(1);
      assert.match(await first.innerText(), new RegExp(`^1\\s+${PARTICIPANT.name}`));
      assert.ok(!(await people.innerText()).includes(PARTICIPANT.phone), 'the leaderboard shows no full phone number');
      await checkPage('leaderboard');

      assert.equal(checked.length, 9);
    });
  });
});
