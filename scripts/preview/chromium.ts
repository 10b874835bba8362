/**
 * Debian's Chromium driven by playwright-core. `.ci/run` installs the `chromium` package when
 * /usr/bin/chromium is missing; CHROMIUM_PATH points elsewhere.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { ScriptError } from '../lib/errors.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags that keep a headless run self-contained: no sandbox (root in CI), no GPU, no network of its own.
 * Playwright gives every launch a fresh profile (--user-data-dir in a new temporary folder) itself.
 */
const FLAGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
];

export async function launchChromium(): Promise<Browser> {
    if (!existsSync(CHROMIUM_PATH)) {
        throw new ScriptError(
            `Chromium is not installed at ${CHROMIUM_PATH}.`,
            'Install it with `sudo apt-get install chromium` (Debian, Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.'
        );
    }
    return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}
