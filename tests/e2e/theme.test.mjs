// Dark mode: a phone or laptop set to dark gets the board, its dialogs and the Targets page in
// dark colours, and every visible text stays readable (WCAG contrast of at least 4.5:1 against
// what is behind it) in both themes.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openAppFor,
  stopSharedServer,
  assertNoErrors,
  openMenu,
  dealDialog,
  openTargets,
  addTarget,
  targetName,
  PHONE,
} from './helpers.mjs';

after(stopSharedServer);

/**
 * Every visible element with its own text, with its text colour, the colour behind it (the
 * nearest opaque background up the tree) and their contrast ratio, lowest first.
 */
function contrasts(page) {
  return page.evaluate(() => {
    const rgb = (css) => {
      const m = css.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const luminance = ({ r, g, b }) => {
      const lin = (v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const behind = (el) => {
      for (let at = el; at; at = at.parentElement) {
        const bg = rgb(getComputedStyle(at).backgroundColor);
        if (bg && bg.a >= 0.99) return bg;
      }
      return rgb(getComputedStyle(document.documentElement).backgroundColor) ?? { r: 255, g: 255, b: 255 };
    };
    const out = [];
    for (const el of document.body.querySelectorAll('*')) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own || el.closest('[hidden], .visually-hidden, .sr-only, [role=status]')) continue;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || style.opacity === '0') continue;
      const fg = rgb(style.color);
      const bg = behind(el);
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      out.push({
        text: el.textContent.trim().slice(0, 40),
        tag: el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''),
        ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100,
      });
    }
    return out.sort((a, b) => a.ratio - b.ratio);
  });
}

async function assertReadable(page, where) {
  const all = await contrasts(page);
  assert.ok(all.length > 20, `${where}: found only ${all.length} texts`);
  const poor = all.filter((c) => c.ratio < 4.5);
  assert.deepEqual(poor, [], `${where}: texts under 4.5:1`);
}

const pageColours = (page) =>
  page.evaluate(() => ({
    page: getComputedStyle(document.documentElement).backgroundColor,
    card: getComputedStyle(document.querySelector('.deal-card')).backgroundColor,
    text: getComputedStyle(document.querySelector('.deal-card')).color,
  }));

for (const scheme of ['light', 'dark']) {
  test(`Theme: ${scheme} — board, deal dialog, card menu and Targets page are readable`, async (t) => {
    const app = await openAppFor(t, { contextOptions: { colorScheme: scheme } });
    const { page } = app;
    const colours = await pageColours(page);
    if (scheme === 'dark') {
      assert.deepEqual(colours, { page: 'rgb(13, 17, 23)', card: 'rgb(27, 33, 41)', text: 'rgb(230, 237, 243)' });
    } else {
      assert.deepEqual(colours, { page: 'rgb(244, 245, 247)', card: 'rgb(255, 255, 255)', text: 'rgb(31, 35, 40)' });
    }
    await assertReadable(page, `${scheme} board`);

    const title = await page.locator('.deal-card .deal-title').first().textContent();
    await openMenu(page, title.trim());
    await assertReadable(page, `${scheme} card menu`);
    await page.keyboard.press('Escape');

    await page.locator('.deal-card h3').first().click();
    await dealDialog(page).waitFor({ state: 'visible' });
    await assertReadable(page, `${scheme} deal dialog`);
    await page.keyboard.press('Escape');
    await dealDialog(page).waitFor({ state: 'detached' });

    await openTargets(page);
    const year = String(new Date().getUTCFullYear());
    await addTarget(page, { period: year, amount: '99000000' }, targetName(year, ''));
    await assertReadable(page, `${scheme} targets`);
    assertNoErrors(app, assert);
  });
}

test('Theme: dark on a phone, with "More" open', async (t) => {
  const app = await openAppFor(t, { contextOptions: { ...PHONE, colorScheme: 'dark' } });
  const { page } = app;
  await page.getByRole('button', { name: /More/ }).click();
  await assertReadable(page, 'dark phone header');
  assertNoErrors(app, assert);
});
