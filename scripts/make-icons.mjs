// Draws the app's install icons (public/icon-192.png, public/icon-512.png and a maskable
// public/icon-maskable-512.png) from public/favicon.svg with headless Chromium. The PNGs are
// committed; run this again only when the favicon changes: node scripts/make-icons.mjs
import { readFile, writeFile } from 'node:fs/promises';
import { launchBrowser } from '../bench/lib/browser.mjs';

const svg = await readFile(new URL('../public/favicon.svg', import.meta.url), 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

/** A maskable icon may be cropped to a circle: full-bleed background, the drawing inside the middle 80 %. */
const icons = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];

const browser = await launchBrowser();
try {
  for (const { file, size, maskable } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const inner = maskable ? Math.round(size * 0.8) : size;
    await page.setContent(
      `<body style="margin:0;display:grid;place-items:center;width:${size}px;height:${size}px;` +
        `background:${maskable ? '#1d3557' : 'transparent'}"><img src="${dataUrl}" width="${inner}" height="${inner}"></body>`,
    );
    await page.locator('img').evaluate((img) => /** @type {HTMLImageElement} */ (img).decode());
    const png = await page.screenshot({ omitBackground: !maskable });
    await writeFile(new URL(`../public/${file}`, import.meta.url), png);
    console.log(`public/${file}: ${size}×${size}, ${png.length} bytes`);
    await page.close();
  }
} finally {
  await browser.close();
}
