// Draws images/icon.png (the Marketplace icon, 128 by 128) from images/icon.svg with the
// Chromium the tests already drive, so the PNG is made from a readable source, not drawn by hand.
// Run by hand after changing the SVG: node scripts/icon.mjs
import path from 'node:path';
import { chromium } from 'playwright-core';

const images = path.resolve(import.meta.dirname, '../images');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
    await page.goto(`file://${path.join(images, 'icon.svg')}`);
    await page.screenshot({ path: path.join(images, 'icon.png'), omitBackground: true });
} finally {
    await browser.close();
}
