// Accessibility (issue 11): axe-core's WCAG 2.x A/AA rules find no violation in each state a class
// sees: ready, after a run, mid-replay, with the shortcuts dialog open, in presentation mode and in
// every theme.
import AxeBuilder from '@axe-core/playwright';
import { expect, openReady, runAndWait, test } from './helpers';
import type { Page } from '@playwright/test';

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact ?? '?'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

const RUN = '?kind=sleep&tasks=0.6,0.4,0.2&strategies=sequential,processes,pool,threads&workers=3';

for (const theme of ['', '&theme=light', '&theme=dark', '&theme=projector']) {
  test(`no axe violations: ready, after a run, mid-replay, dialog open (${theme.replace('&theme=', '') || 'system'} theme)`, async ({
    page,
  }) => {
    await openReady(page, RUN + theme);
    expect(await violations(page), 'ready').toEqual([]);
    await runAndWait(page, 4);
    expect(await violations(page), 'after a run').toEqual([]);
    await page.getByRole('button', { name: 'Replay', exact: true }).click();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.getByRole('button', { name: 'Step forward' }).click();
    expect(await violations(page), 'mid-replay').toEqual([]);
    await page.getByRole('button', { name: 'Leave replay' }).click();
    await page.getByRole('button', { name: /Keyboard shortcuts/ }).click();
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await violations(page), 'shortcuts dialog').toEqual([]);
  });
}

test('no axe violations in presentation mode, after a run', async ({ page }) => {
  await openReady(page, `${RUN}&present=1`);
  await runAndWait(page, 4);
  expect(await violations(page)).toEqual([]);
});
