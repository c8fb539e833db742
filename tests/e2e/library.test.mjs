// Browser test of the legal bookshelf: search typed without diacritics, open the article, follow
// a citation link to the cited document; a search naming a law the bookshelf does not hold says so. Run: node --test library.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserTests, newContext, saveDiagnostics, seriousViolations, formatViolations } from './harness.mjs';

// Two small documents; the second cites the first by its number.
const DOCUMENTS = [
  {
    name: 'luat-cu-tru.txt',
    content: [
      'QUỐC HỘI', 'Luật số: 68/2020/QH14', 'Hà Nội, ngày 13 tháng 11 năm 2020', 'LUẬT', 'CƯ TRÚ', 'Căn cứ Hiến pháp;',
      'Chương I', 'NHỮNG QUY ĐỊNH CHUNG',
      'Điều 1. Phạm vi điều chỉnh',
      'Luật này quy định về việc thực hiện quyền tự do cư trú của công dân Việt Nam trên lãnh thổ nước Cộng hòa xã hội chủ nghĩa Việt Nam.',
      'Điều 2. Giải thích từ ngữ',
      '1. Chỗ ở hợp pháp là nơi được sử dụng để sinh sống, thuộc quyền sở hữu hoặc quyền sử dụng của công dân.',
      '2. Cư trú là việc công dân sinh sống tại một địa điểm thuộc đơn vị hành chính cấp xã.',
    ].join('\n'),
  },
  {
    name: 'nghi-dinh-huong-dan.txt',
    content: [
      'CHÍNH PHỦ', 'Số: 62/2021/NĐ-CP', 'Hà Nội, ngày 29 tháng 6 năm 2021', 'NGHỊ ĐỊNH', 'QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA LUẬT CƯ TRÚ',
      'Điều 1. Phạm vi điều chỉnh',
      'Nghị định này quy định chi tiết một số điều của Luật Cư trú số 68/2020/QH14 về giấy tờ chứng minh chỗ ở hợp pháp.',
      'Điều 2. Giấy tờ chứng minh chỗ ở hợp pháp',
      'Công dân nộp giấy tờ chứng minh quyền sở hữu nhà ở hoặc hợp đồng thuê nhà.',
    ].join('\n'),
  },
];

// Types `query` into the search form of /tra-cuu and waits for the results page.
async function searchFor(page, env, query) {
  await page.goto(`${env.server.baseURL}/tra-cuu`);
  await page.getByLabel(/Câu hỏi, từ khoá/).fill(query);
  await page.getByRole('button', { name: 'Tìm' }).click();
  await page.waitForURL(/\/tra-cuu\?q=/);
}

browserTests({ documents: DOCUMENTS }, (env) => {
  test('search without diacritics, open the article, follow a citation link', async () => {
    const context = await newContext(env.browser, env.server);
    const page = await context.newPage();
    try {
      await searchFor(page, env, 'giay to chung minh cho o hop phap');
      const first = page.locator('ol.hits > li').first();
      await assert.doesNotReject(first.waitFor(), 'there are results');
      assert.match(await first.innerText(), /Giấy tờ chứng minh chỗ ở hợp pháp/);
      assert.ok(await first.locator('mark').count() > 0, 'matched words are highlighted');
      await assert.doesNotReject(page.getByText('Có phải bạn muốn tìm').waitFor(), 'the accented spelling is offered');

      await first.getByRole('link').first().click();
      await page.waitForURL(/\/van-ban\/.+\/dieu-2$/);
      await page.goto(page.url().replace(/\/dieu-2$/, '/dieu-1'));
      const citation = page.getByRole('link', { name: '68/2020/QH14' });
      await citation.click();
      await page.waitForURL(/\/van-ban\/[^/]+$/);
      assert.match(await page.locator('h1').innerText(), /Luật cư trú/i);
    } catch (e) {
      await saveDiagnostics('library-search', [page], env.server);
      throw e;
    } finally {
      await context.close();
    }
  });

  test('a search naming a law the bookshelf does not hold, or its subject, says so above the results, accessibly', async () => {
    const context = await newContext(env.browser, env.server, { bypassCSP: true });  // axe-core is injected
    const page = await context.newPage();
    try {
      await searchFor(page, env, 'Theo Luật Hộ tịch, chỗ ở hợp pháp là gì?');
      await assert.doesNotReject(page.getByText('Tủ sách pháp luật chưa có «Luật Hộ tịch»').waitFor(), 'the missing law is named');
      assert.match(await page.locator('ol.hits > li').first().innerText(), /Giải thích từ ngữ/, 'what the bookshelf holds still comes');
      const found = await seriousViolations(page);
      assert.equal(found.length, 0, formatViolations('/tra-cuu naming a missing law', found));
      // A subject of a law the bookshelf does not hold (content/thesaurus/law-subjects.tsv) is told the same way.
      await searchFor(page, env, 'Công ty hợp danh có cần giấy tờ chứng minh chỗ ở hợp pháp không?');
      await assert.doesNotReject(
        page.getByText('Tủ sách pháp luật chưa có «Luật Doanh nghiệp» (văn bản quy định về «công ty hợp danh»)').waitFor(),
        'the law the subject belongs to is named');
      const onSubject = await seriousViolations(page);
      assert.equal(onSubject.length, 0, formatViolations('/tra-cuu on a subject of a missing law', onSubject));
    } catch (e) {
      await saveDiagnostics('library-search-missing', [page], env.server);
      throw e;
    } finally {
      await context.close();
    }
  });
});
