// The whole path of an online consultation question in headless Chromium, against a real
// `phobien serve` with a small law: a citizen asks on /tu-van (static/pow.js solves the proof of
// work, the form waits its minimum fill time) → the admin registers and verifies an expert → a
// moderator triages the question → the expert answers with a citation picked from the library →
// the citizen opens the secret link and follows the citation → the moderator publishes it without
// the personal data → the public Q&A search finds it. axe-core checks the ask form and the
// tracking page; the form is used on a 360 px wide phone. Run: node --test consult.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserTests, logIn, randomPassword, seriousViolations, formatViolations } from './harness.mjs';

// Two articles of the residence law, as the plain-text importer reads them.
const DOCUMENTS = [
  {
    name: 'luat-cu-tru.txt',
    content: [
      'QUỐC HỘI', 'Luật số: 68/2020/QH14', 'Hà Nội, ngày 13 tháng 11 năm 2020', 'LUẬT', 'CƯ TRÚ', 'Căn cứ Hiến pháp;',
      'Điều 20. Điều kiện đăng ký thường trú',
      '1. Công dân có chỗ ở hợp pháp thuộc quyền sở hữu của mình thì được đăng ký thường trú tại chỗ ở hợp pháp đó.',
      '2. Công dân được đăng ký thường trú tại chỗ ở hợp pháp không thuộc quyền sở hữu của mình khi được chủ hộ đồng ý.',
      'Điều 21. Hồ sơ đăng ký thường trú',
      '1. Hồ sơ đăng ký thường trú gồm tờ khai thay đổi thông tin cư trú và giấy tờ, tài liệu chứng minh việc sở hữu chỗ ở hợp pháp.',
    ].join('\n'),
  },
];
const ADMIN = { email: 'admin@localhost', role: 'admin', name: 'Quản trị viên', password: randomPassword() };
const MODERATOR = { email: 'kiemduyet@test.local', role: 'moderator', name: 'Kiểm Duyệt Viên', password: randomPassword() };
const EXPERT = { email: 'luatgia@test.local', role: 'expert', name: 'Lê Thu Hà', password: randomPassword() };
const EXPERT_NAME = 'Luật gia Lê Thu Hà';

const TITLE = 'Đăng ký thường trú tại căn nhà vừa mua';
const BODY = 'Tôi là Nguyễn Văn An, điện thoại 0912 345 678. Tôi vừa mua một căn nhà ở thành phố, '
  + 'muốn đăng ký thường trú tại đó thì cần điều kiện gì?';
const PUBLIC_TITLE = 'Điều kiện đăng ký thường trú tại nhà mới mua';
const PUBLIC_BODY = 'Tôi vừa mua một căn nhà ở thành phố, muốn đăng ký thường trú tại đó thì cần điều kiện gì?';
const ANSWER = 'Theo **khoản 1 Điều 20 Luật Cư trú**, công dân có chỗ ở hợp pháp thuộc quyền sở hữu của mình '
  + 'thì được đăng ký thường trú tại chỗ ở đó. Bạn cần mang giấy tờ chứng minh quyền sở hữu căn nhà.';
const MIN_FILL_MS = 3_000;  // antispam::kFormMinSeconds
// The importer writes the document title in sentence case; the picker writes «Điều N <title>».
const CITATION = 'Điều 20 Luật cư trú';

browserTests({ users: [ADMIN, MODERATOR, EXPERT], documents: DOCUMENTS, env: { PHOBIEN_QUESTION_POW_BITS: '8' } }, (env) => {
  const { withContexts } = env;
  const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

  // The ask form's fields, by their accessible names.
  const askForm = (page) => ({
    title: page.getByRole('textbox', { name: 'Tiêu đề (bắt buộc)' }),
    body: page.getByRole('textbox', { name: 'Nội dung câu hỏi (bắt buộc)' }),
    field: page.getByRole('combobox', { name: 'Lĩnh vực' }),
    email: page.getByRole('textbox', { name: 'Thư điện tử' }),
    phone: page.getByRole('textbox', { name: 'Số điện thoại' }),
    attachments: page.getByLabel(/^Tệp đính kèm/),
  });

  // Fills the ask form as a citizen would; returns when the send button may be pressed (the
  // proof of work solved and the minimum fill time passed since the page was served).
  async function fillAskForm(page) {
    const served = Date.now();
    await page.goto('/tu-van');
    await page.getByRole('heading', { level: 1, name: 'Đặt câu hỏi tư vấn pháp luật' }).waitFor();
    const form = askForm(page);
    await form.title.fill(TITLE);
    await form.body.fill(BODY);
    await form.email.fill('nguyen.van.an@example.vn');
    await form.phone.fill('0912 345 678');
    await page.getByRole('checkbox', { name: /Đồng ý công bố câu hỏi/ }).check();
    await page.getByRole('checkbox', { name: /Tôi đồng ý để cơ quan quản lý cổng thông tin xử lý thông tin cá nhân/ }).check();
    const send = page.getByRole('button', { name: 'Gửi câu hỏi', exact: true });
    await page.waitForFunction(() => document.querySelector('input[name="pow_nonce"]')?.value !== '', null, { timeout: 20_000 });
    await assertEnabled(send);
    const left = MIN_FILL_MS + 500 - (Date.now() - served);
    if (left > 0) await page.waitForTimeout(left);
    return send;
  }

  async function assertEnabled(locator) {
    for (let i = 0; i < 50 && await locator.isDisabled(); i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await locator.isDisabled(), false, 'the send button is enabled once the proof of work is solved');
  }

  async function openQuestion(page, title) {
    await page.goto('/quan-tri/tu-van');
    await page.getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  test('ask → triage → answer with a citation → read with the secret link → publish anonymised → found in search', async () => {
    await withContexts('consult-path', async (open) => {
      // 1. The citizen asks (axe runs on the form: this context bypasses the CSP to inject it).
      const citizen = await (await open({ bypassCSP: true })).newPage();
      const send = await fillAskForm(citizen);
      const found = await seriousViolations(citizen);
      assert.deepEqual(found, [], formatViolations('/tu-van', found));
      await send.click();
      await citizen.getByRole('heading', { level: 1, name: 'Đã gửi câu hỏi' }).waitFor();
      const code = (await citizen.locator('.code').innerText()).trim();
      assert.match(code, /^TV-[2-9A-HJ-NP-Z]{8}$/);
      const link = citizen.locator('a.secret-link');
      const secretPath = await link.getAttribute('href');
      assert.match(secretPath, new RegExp(`^/tu-van/theo-doi/${code}\\?token=[A-Za-z0-9_-]{20,}$`));
      assert.equal(await link.innerText(), `${env.server.baseURL}${secretPath}`, 'the full link, to copy');

      // 2. The admin registers the expert's account in the registry and verifies it.
      const admin = await (await open()).newPage();
      await logIn(admin, ADMIN.email, ADMIN.password);
      await admin.goto('/quan-tri/chuyen-gia');
      // The demo content's lawyer answers every field: the admin takes that account out of this story.
      const demoLawyer = admin.getByRole('button', { name: 'Bỏ xác minh Luật sư Phạm Văn Luật' });
      if (await demoLawyer.count()) {
        await demoLawyer.click();
        await admin.goto('/quan-tri/chuyen-gia');
      }
      await admin.getByLabel('Thư điện tử của tài khoản (vai trò chuyên gia)').fill(EXPERT.email);
      await admin.getByLabel('Loại').selectOption({ label: 'Luật gia' });
      await admin.getByLabel('Họ và tên').fill(EXPERT_NAME);
      await admin.getByRole('group', { name: 'Lĩnh vực tư vấn' }).getByLabel('Cư trú, hộ tịch').check();
      await admin.getByRole('button', { name: 'Thêm chuyên gia' }).click();
      await admin.getByText('Đã thêm chuyên gia. Chuyên gia chỉ nhận câu hỏi sau khi được xác minh.').waitFor();
      await admin.getByRole('button', { name: 'Xác minh chuyên gia' }).click();
      await admin.getByText('Đã xác minh chuyên gia: chuyên gia có thể nhận và trả lời câu hỏi.').waitFor();

      // 3. The moderator triages it: the field's verified expert gets it.
      const moderator = await (await open()).newPage();
      await logIn(moderator, MODERATOR.email, MODERATOR.password);
      await openQuestion(moderator, TITLE);
      assert.match(await moderator.locator('body').innerText(), new RegExp(code));
      await moderator.getByLabel('Lĩnh vực', { exact: true }).selectOption({ label: 'Cư trú, hộ tịch (hạn 7 ngày)' });
      await moderator.getByRole('button', { name: 'Phân loại' }).click();
      await moderator.getByText('Đã phân loại câu hỏi và tự động phân công cho chuyên gia phù hợp.').waitFor();
      assert.match(await moderator.locator('.doc-meta').first().innerText(), new RegExp(EXPERT_NAME));

      // 4. The expert picks the article from the library and answers.
      const expert = await (await open()).newPage();
      await logIn(expert, EXPERT.email, EXPERT.password);
      await openQuestion(expert, TITLE);
      await expert.getByRole('searchbox', { name: 'Tìm điều luật để trích dẫn' }).fill('điều kiện đăng ký thường trú');
      await expert.getByRole('button', { name: 'Tìm', exact: true }).click();
      await expert.getByRole('button', { name: `Thêm ${CITATION} vào trích dẫn`, exact: true }).click();
      await expert.getByRole('status').filter({ hasText: `Đã thêm ${CITATION} vào ô trích dẫn.` }).waitFor();
      const citations = expert.getByLabel('Trích dẫn điều luật (mỗi dòng một trích dẫn)');
      assert.equal((await citations.inputValue()).trim(), CITATION);
      await expert.getByLabel('Câu trả lời (Markdown)').fill(ANSWER);
      await expert.getByRole('button', { name: 'Gửi câu trả lời' }).click();
      await expert.getByText('Đã gửi câu trả lời cho người hỏi.').waitFor();

      // 5. The citizen reads the answer with the secret link and follows the citation; the
      // tracking page sends no Referer, so the token stays on this page.
      const tracking = await citizen.goto(secretPath);
      assert.equal(tracking.status(), 200);
      assert.equal(tracking.headers()['referrer-policy'], 'no-referrer');
      assert.equal(tracking.headers()['cache-control'], 'no-store');
      await citizen.getByRole('heading', { level: 2, name: `Trả lời của ${EXPERT_NAME}` }).waitFor();
      assert.match(await citizen.locator('.answer .prose').innerText(), /công dân có chỗ ở hợp pháp thuộc quyền sở hữu/);
      assert.equal(await citizen.locator('.answer .prose strong').first().innerText(), 'khoản 1 Điều 20 Luật Cư trú',
        'the Markdown answer is rendered');
      const onTracking = await seriousViolations(citizen);
      assert.deepEqual(onTracking, [], formatViolations('tracking page', onTracking));
      const articleRequest = citizen.waitForRequest((r) => /\/van-ban\/[^/]+\/dieu-20/.test(new URL(r.url()).pathname));
      await citizen.getByRole('link', { name: /^Điều 20 .*Luật cư trú/i }).click();
      const request = await articleRequest;
      assert.equal(request.headers().referer, undefined, 'no Referer leaves the tracking page');
      await citizen.waitForURL(/\/van-ban\/[^/]+\/dieu-20/);
      await citizen.getByRole('heading', { level: 1, name: /Điều 20/ }).waitFor();

      // 6. The moderator publishes it once the personal data is gone.
      await openQuestion(moderator, TITLE);
      const publishBody = moderator.getByLabel(/Nội dung câu hỏi công bố/);
      const draft = await publishBody.inputValue();
      assert.doesNotMatch(draft, /0912|Nguyễn Văn An/, 'the draft masks what the detector found');
      await moderator.getByLabel('Tiêu đề công bố').fill(PUBLIC_TITLE);
      await publishBody.fill(PUBLIC_BODY);
      await moderator.getByRole('button', { name: 'Công bố', exact: true }).click();
      await moderator.getByText('Đã công bố câu hỏi và câu trả lời trong mục Hỏi đáp pháp luật.').waitFor();

      // 7. Anyone finds it in the public Q&A, with the citation and without the asker.
      const reader = await (await open()).newPage();
      await reader.goto('/hoi-dap');
      await reader.getByRole('searchbox', { name: 'Tìm câu hỏi' }).fill('đăng ký thường trú nhà mới mua');
      await reader.getByRole('button', { name: 'Tìm', exact: true }).click();
      await reader.getByRole('status').filter({ hasText: /^[1-9]\d* kết quả\.$/ }).waitFor();
      await reader.getByRole('link', { name: PUBLIC_TITLE }).click();
      await reader.getByRole('heading', { level: 1, name: PUBLIC_TITLE }).waitFor();
      const text = await reader.locator('main').innerText();
      assert.match(text, /Căn cứ pháp lý/);
      assert.match(text, new RegExp(`Trả lời của ${EXPERT_NAME}`));
      for (const personal of ['Nguyễn Văn An', '0912', 'nguyen.van.an', code])
        assert.ok(!text.includes(personal), `the public page shows no ${personal}`);
      assert.match(await reader.getByRole('link', { name: /^Điều 20 .*Luật cư trú/i }).getAttribute('href'), /^\/van-ban\/[^/]+\/dieu-20$/);

      // The asker's page now links to the published copy.
      await citizen.goto(secretPath);
      await citizen.getByRole('link', { name: 'xem trong mục Hỏi đáp' }).waitFor();
    });
  });

  test('on a 360 px phone the form fits, has no serious accessibility problem and sends', async () => {
    await withContexts('consult-phone', async (open) => {
      const page = await (await open({ ...PHONE, bypassCSP: true })).newPage();
      const send = await fillAskForm(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
      const honeypot = await page.locator('.hp').boundingBox();
      assert.ok(!honeypot || honeypot.x + honeypot.width <= 0, `the field for robots is out of sight: ${JSON.stringify(honeypot)}`);
      for (const [name, field] of Object.entries(askForm(page))) {
        const box = await field.boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= 360, `${name} fits the screen: ${JSON.stringify(box)}`);
      }
      await send.scrollIntoViewIfNeeded();
      const button = await send.boundingBox();
      assert.ok(button && button.x >= 0 && button.x + button.width <= 360 && button.height >= 24,
        `the send button is on screen and large enough to tap: ${JSON.stringify(button)}`);
      const found = await seriousViolations(page);
      assert.deepEqual(found, [], formatViolations('/tu-van at 360 px', found));
      await send.tap();
      await page.getByRole('heading', { level: 1, name: 'Đã gửi câu hỏi' }).waitFor();
      const overflowSent = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflowSent <= 0, `the secret link wraps: the page is ${overflowSent}px too wide`);
    });
  });

  test('a bad attachment is refused with a Vietnamese message and the typed text is kept', async () => {
    await withContexts('consult-bad-file', async (open) => {
      const page = await (await open()).newPage();
      const send = await fillAskForm(page);
      const form = askForm(page);
      await form.attachments.setInputFiles({
        name: 'anh-chup.jpg', mimeType: 'image/jpeg',
        buffer: Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'),
      });
      await send.click();
      const error = page.locator('#att-err');
      await error.waitFor();
      assert.match(await error.innerText(), /^Tệp «anh-chup\.jpg» có đuôi \.jpg nhưng nội dung là trang web \(HTML\)/);
      assert.equal(await form.attachments.getAttribute('aria-invalid'), 'true');
      assert.equal(await form.title.inputValue(), TITLE);
      assert.equal(await form.body.inputValue(), BODY);
    });
  });
});
