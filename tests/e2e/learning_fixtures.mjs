// What the browser tests of contests and courses prepare alike, with the command line as an
// operator would, before the server starts: a one-article law (article 2 of the Luật Cư trú), a
// two-question bank (true/false and multiple choice, both resting on it) approved at once, and one
// province with one ward. `define(file)` then writes the test's own definition with `file(name,
// value)` (a JSON file in a temporary folder, removed afterwards) and runs its command.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runPhobien } from './harness.mjs';

export const LAW = 'Luật Cư trú';
export const ARTICLE_TEXT = 'Chỗ ở hợp pháp là nơi được sử dụng để sinh sống';
export const TRUE_FALSE = 'Chỗ ở hợp pháp là nơi được sử dụng để sinh sống, đúng hay sai?';
export const SINGLE = 'Theo Luật Cư trú, chỗ ở hợp pháp là gì?';
export const EXPLANATION = 'Khoản 1 Điều 2 Luật Cư trú.';
// The choice to pick for each question, by the radio button's accessible name.
export const ANSWERS = new Map([[TRUE_FALSE, /^Đúng$/], [SINGLE, /^B\b/]]);
export const PROVINCE = 'Thành phố Hà Nội';
export const WARD = 'Phường Ba Đình';

const CITED = [{ law_id: LAW, article_id: '2' }];

export async function prepareLearningData(dataDir, define) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'phobien-e2e-learning-'));
  try {
    const file = async (name, value) => {
      const full = path.join(dir, name);
      await writeFile(full, JSON.stringify(value), 'utf8');
      return full;
    };
    const law = await file('law.json', [{ id: LAW, articles: [{ id: '2', text: `Giải thích từ ngữ\n\n1. ${ARTICLE_TEXT}.` }] }]);
    const bank = await file('bank.json', [
      { question_id: '1', question_type: 'Đúng/Sai', text: TRUE_FALSE, answer: 'Đúng', explanation: EXPLANATION, relevant_articles: CITED },
      {
        question_id: '2', question_type: 'Trắc nghiệm', text: SINGLE,
        choices: { A: 'Nơi làm việc của công dân', B: 'Nơi được sử dụng để sinh sống' }, answer: 'B',
        relevant_articles: CITED,
      },
    ]);
    const units = await file('units.json', [{
      Code: '01', FullName: PROVINCE, Wards: [{ Code: '00004', FullName: WARD, ProvinceCode: '01' }],
    }]);
    runPhobien(['import', '--data', dataDir, law]);
    runPhobien(['import-bank', '--data', dataDir, '--publish', bank]);
    runPhobien(['import-units', '--data', dataDir, units]);
    await define(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
