/**
 * One preview build, server and Chromium for every browser test file: `npm run test:browser` runs the files in
 * one process (node --test --test-isolation=none), and this module is evaluated once.
 */
import { after } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildPreview } from '../build.ts';
import { launchChromium } from '../chromium.ts';
import { servePreview, type PreviewServer } from '../server.ts';

export const server: PreviewServer = await servePreview(await buildPreview('development'));
export const browser: Browser = await launchChromium();

after(async () => {
    await browser.close();
    await server.close();
});
