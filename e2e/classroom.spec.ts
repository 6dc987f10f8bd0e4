// Classroom view at a projector's 1280×720: Run and Stop on screen, presentation mode (present=1)
// with bigger timeline text and a 4-strategy run on one screen, and the themes (theme=…).
import type { Locator, Page } from '@playwright/test';
import {
  expect,
  openReady,
  runButton,
  searchParams,
  stopButton,
  STRATEGY_TAGS,
  test,
  timeline,
  waitForDone,
} from './helpers';

test.use({ viewport: { width: 1280, height: 720 } });

const FOUR = '?kind=sleep&tasks=3,2,1&strategies=sequential,processes,pool,threads&workers=3';
const presentToggle = (page: Page): Locator => page.getByRole('button', { name: 'Presentation mode', exact: true });
const themeSelect = (page: Page): Locator => page.getByRole('combobox', { name: 'Theme', exact: true });

/** The element lies fully inside the 1280×720 viewport as the page is now (no scrolling done). */
async function expectOnScreen(locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  expect(box, `${what} is laid out`).not.toBeNull();
  if (!box) return;
  expect(box.y, `${what} top`).toBeGreaterThanOrEqual(0);
  expect(box.x, `${what} left`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${what} bottom`).toBeLessThanOrEqual(720);
  expect(box.x + box.width, `${what} right`).toBeLessThanOrEqual(1280);
}

/** Computed font sizes (px) of the timeline text: heading, lane label, bar number, axis tick. */
async function timelineFontSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const size = (selector: string): number => {
      const el = document.querySelector(selector);
      return el ? parseFloat(getComputedStyle(el).fontSize) : NaN;
    };
    return {
      heading: size('.timeline h3'),
      lane: size('.timeline .lane-label'),
      bar: size('.timeline .bar-text'),
      tick: size('.timeline .tick'),
    };
  });
}

/** The contrast ratio (WCAG) of body text against the page background, from computed colours. */
async function bodyContrast(page: Page): Promise<{ ratio: number; background: string }> {
  return page.evaluate(() => {
    // Resolve any colour syntax to sRGB through a canvas.
    const ctx = document.createElement('canvas').getContext('2d');
    const rgb = (colour: string): number[] => {
      if (!ctx) throw new Error('no canvas');
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = colour;
      ctx.fillRect(0, 0, 1, 1);
      return [...ctx.getImageData(0, 0, 1, 1).data].slice(0, 3);
    };
    const luminance = (c: number[]): number => {
      const [r, g, b] = c.map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
    };
    const style = getComputedStyle(document.body);
    // The body's own background is transparent: the page colour is the root's.
    const root = getComputedStyle(document.documentElement).backgroundColor;
    const bg = style.backgroundColor === 'rgba(0, 0, 0, 0)' ? root : style.backgroundColor;
    const a = luminance(rgb(style.color));
    const b = luminance(rgb(bg));
    return { ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), background: bg };
  });
}

test('at 1280×720 Run and Stop are on screen without scrolling', async ({ page }) => {
  await openReady(page, FOUR);
  await expect(presentToggle(page)).toHaveAttribute('aria-pressed', 'false');
  await expectOnScreen(runButton(page), 'Run');
  await expectOnScreen(stopButton(page), 'Stop');
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('presentation mode: essentials only, bigger timeline text, a 4-strategy run on one screen', async ({ page }) => {
  await openReady(page, FOUR);
  await runButton(page).click();
  await waitForDone(page, 4);
  const normal = await timelineFontSizes(page);

  await openReady(page, `${FOUR}&present=1`);
  await expect(presentToggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Sweep workers' })).toBeHidden();
  await expect(page.getByRole('group', { name: 'Experiment' })).toBeHidden();
  await runButton(page).click();
  await waitForDone(page, 4);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  for (const tag of STRATEGY_TAGS) await expectOnScreen(timeline(page, tag), `${tag} timeline`);
  await expectOnScreen(runButton(page), 'Run');
  await expectOnScreen(stopButton(page), 'Stop');

  const big = await timelineFontSizes(page);
  for (const key of Object.keys(normal)) {
    expect(normal[key], `${key} measured`).toBeGreaterThan(0);
    expect(big[key], `${key}: ${big[key]} px vs ${normal[key]} px`).toBeGreaterThanOrEqual(
      1.4 * (normal[key] ?? 0) - 0.01,
    );
  }
});

test('the Presentation mode button writes present to the URL, and back', async ({ page }) => {
  await openReady(page, '?tasks=1,1');
  await presentToggle(page).click();
  await expect(presentToggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => searchParams(page).get('present')).toBe('1');
  expect(searchParams(page).get('tasks')).toBe('1,1');
  await presentToggle(page).click();
  await expect(presentToggle(page)).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => searchParams(page).has('present')).toBe(false);
});

test('theme=dark and theme=projector: the select shows it, the page changes, text keeps 4.5:1', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openReady(page, '?tasks=1,1');
  await expect(themeSelect(page)).toHaveValue('system');
  const light = await bodyContrast(page);
  expect(light.ratio).toBeGreaterThanOrEqual(4.5);
  const seen = new Set([light.background]);
  for (const theme of ['dark', 'projector'] as const) {
    await openReady(page, `?tasks=1,1&theme=${theme}`);
    await expect(themeSelect(page)).toHaveValue(theme);
    const shown = await bodyContrast(page);
    expect(shown.ratio, `${theme} contrast`).toBeGreaterThanOrEqual(4.5);
    expect(seen.has(shown.background), `${theme} background ${shown.background} differs`).toBe(false);
    seen.add(shown.background);
  }
});

test('the Theme select writes theme to the URL; System removes it', async ({ page }) => {
  await openReady(page, '?tasks=1,1');
  await themeSelect(page).selectOption('projector');
  await expect.poll(() => searchParams(page).get('theme')).toBe('projector');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'projector');
  await themeSelect(page).selectOption('dark');
  await expect.poll(() => searchParams(page).get('theme')).toBe('dark');
  await themeSelect(page).selectOption('system');
  await expect.poll(() => searchParams(page).has('theme')).toBe(false);
  expect(searchParams(page).get('tasks')).toBe('1,1');
});
