// CSV import in Chinese: what the import says about the file's rows (bad rows left out, rows
// whose stage was not found) is told in Chinese, with each field named as the dialog's column
// choices name it, and the quoted cell as the file has it. The file's English stage names
// ("Proposal", "Won") find the board's stages, whose names are shown in Chinese.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openAppFor, stopSharedServer, importDialog, assertNoErrors, card, column } from './helpers.mjs';

after(stopSharedServer);

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PIPEDRIVE = path.join(ROOT, 'tests', 'fixtures', 'pipedrive-export.csv');

const items = async (locator) => (await locator.locator('li').allTextContents()).map((s) => s.trim());

test('CSV import in Chinese: left-out rows and notes told in Chinese, by line and field; English stage names found', async (t) => {
  const app = await openAppFor(t, { locale: 'zh-CN' });
  const { page } = app;
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await page.locator('input[type="file"]').setInputFiles(PIPEDRIVE);
  const dialog = importDialog(page);
  await dialog.waitFor({ state: 'visible' });
  await dialog.getByRole('button', { name: '导入有效的行', exact: true }).click();
  await dialog.getByTestId('csv-added').waitFor();
  assert.deepEqual(await items(dialog.getByTestId('csv-errors')), [
    '第 5 行：金额：应为金额，实际为 "abc"',
    '第 6 行：名称：商机需要名称',
  ]);
  assert.deepEqual(await items(dialog.locator('.import-warnings')), [
    '第 8 行：阶段：没有名为 "Contact Made" 的阶段；商机放入 "潜在客户"',
    '第 10 行：阶段：为空；商机放入 "潜在客户"',
  ]);
  assert.equal(await card(page, 'Acme renewal', column(page, '方案报价')).count(), 1);
  assert.equal(await card(page, 'Wayne security audit', column(page, '成交签约')).count(), 1);
  assertNoErrors(app, assert);
});
