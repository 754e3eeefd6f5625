// The team list (SEED-NOTES §1): on the Targets page the manager names the reps, one per line.
// A rep with no deal yet (a new hire) is then offered as a deal's owner and a target's owner,
// gets a part when a target is split by rep, and has a row on the scorecard. The list is kept
// in storage and exports, and undo takes a change back. On the sample board, whose reps are
// Alice Chen, Ben Okafor, Carla Ruiz and Dev Patel.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openAppFor, stopSharedServer, assertNoErrors, openTargets, openBoardView, targetForm, labelled, addTarget,
  targetName, openSplit, storedBoard, waitForStoredBoard, undoButton, exportJson, DOWNLOADS, dealDialog, card,
} from './helpers.mjs';

after(stopSharedServer);

const REPS = ['Alice Chen', 'Ben Okafor', 'Carla Ruiz', 'Dev Patel'];

/** Types the team list and leaves the field, which sets it. */
async function setTeam(page, text) {
  const field = page.getByTestId('team-list');
  await field.fill(text);
  await field.blur();
}

test('a rep on the team list with no deal is an owner, gets a split part and a scorecard row; kept and undone', async (t) => {
  const app = await openAppFor(t, { clock: new Date('2026-11-20T09:00:00Z'), contextOptions: DOWNLOADS });
  const { page } = app;
  await openTargets(page);
  assert.equal(await labelled(page.locator('.targets-view'), 'Team (one rep per line; reps with deals count anyway)', 'textarea').count(), 1);
  // Blank lines, spaces and a repeat in other case are dropped; the first spelling stays.
  await setTeam(page, '  Erin Novak \n\nalice chen\nERIN NOVAK');
  await waitForStoredBoard(page, (b) => (b.settings.team ?? []).length === 2);
  assert.deepEqual((await storedBoard(page)).settings.team, ['Erin Novak', 'alice chen']);
  assert.equal(await page.getByTestId('team-list').inputValue(), 'Erin Novak\nalice chen');
  // A team of six shows whole: the field grows with its lines instead of scrolling.
  await setTeam(page, `Erin Novak\nalice chen\n${REPS.join('\n')}`);
  const box = await page.getByTestId('team-list').evaluate((f) => ({ scroll: f.scrollHeight, client: f.clientHeight }));
  assert.ok(box.scroll <= box.client, `every rep in sight: ${JSON.stringify(box)}`);
  await setTeam(page, 'Erin Novak\nalice chen');
  await waitForStoredBoard(page, (b) => (b.settings.team ?? []).length === 2);

  // The scorecard lists her with nothing yet; Alice once, as her deals spell her.
  const rows = await page.locator('[data-testid="scorecard"] tbody th').allTextContents();
  assert.deepEqual(rows.map((r) => r.trim()), [...REPS, 'Erin Novak', 'Whole team']);
  const erin = await page.locator('[data-testid="scorecard"] tr', { hasText: 'Erin Novak' }).locator('td').allTextContents();
  assert.deepEqual([erin[0], erin[1]], ['0', '$0'], 'no win, no value');

  // The new-target form offers her as an owner; a split by rep gives her a part.
  const owners = await labelled(targetForm(page), 'Owner').locator('option').allTextContents();
  assert.deepEqual(owners.map((o) => o.trim()), ['Any', ...REPS, 'Erin Novak']);
  const year = targetName('2026-Q4', '');
  await addTarget(page, { measure: 'Won value', period: '2026-Q4', amount: '500,000' }, year);
  const { preview } = await openSplit(page, year, { by: 'Owner', method: 'Even' });
  assert.deepEqual(preview.map(([name]) => name), [...REPS, 'Erin Novak'].map((r) => `2026-Q4 · ${r}`));
  assert.deepEqual(preview.map(([, amount]) => amount), Array(5).fill('$100,000'));

  // A deal's owner field suggests her.
  await openBoardView(page);
  await card(page, 'Stark upgrade').locator('h3').click();
  await dealDialog(page).waitFor();
  const suggested = await page.locator('#deal-owners option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(suggested, [...REPS, 'Erin Novak']);
  await dealDialog(page).getByRole('button', { name: 'Cancel', exact: true }).click();

  // Exported; a reload keeps it; undo takes the change back.
  assert.deepEqual((await exportJson(page)).envelope.board.settings.team, ['Erin Novak', 'alice chen']);
  await openTargets(page);
  await setTeam(page, 'Erin Novak');
  await waitForStoredBoard(page, (b) => (b.settings.team ?? []).length === 1);
  await undoButton(page).click();
  await waitForStoredBoard(page, (b) => (b.settings.team ?? []).length === 2);
  // The address keeps the Targets page over the reload.
  await page.reload();
  await page.getByTestId('team-list').waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('team-list').inputValue(), 'Erin Novak\nalice chen');
  assertNoErrors(app, assert);
});

test('the team list speaks Chinese', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  await page.getByLabel('Language', { exact: true }).selectOption('zh-CN');
  await page.locator('.board-header button').filter({ hasText: /目标/ }).first().click();
  const label = page.locator('label.team-list > span');
  assert.equal((await label.textContent()).trim(), '团队成员（每行一人；有商机的销售代表自动计入）');
  assertNoErrors(app, assert);
});
