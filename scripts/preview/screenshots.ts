/**
 * `npm run screenshots`: regenerates the pictures in docs/images from the browser preview, one per state at a
 * page's width (1440 px), and the narrow layouts at a utility bar's (420 px) and a phone's (360 px) width.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { runCommand, UsageError, type CommandSpec } from '../lib/cli.ts';
import { say, type Output } from '../lib/output.ts';
import { PROJECT_ROOT } from '../lib/project.ts';
import { buildPreview } from './build.ts';
import { launchChromium } from './chromium.ts';
import { PHONE, UTILITY_BAR, WIDE, listStates, openState, type ViewportSize } from './page.ts';
import { servePreview } from './server.ts';

interface Shot {
    file: string;
    stateId: string;
    viewport: ViewportSize;
    /** The whole component, not just the first screen. */
    fullPage: boolean;
}

/** The narrow layouts, in addition to every state at 1440 px. */
const NARROW_SHOTS: Shot[] = [
    { file: 'queue-mql-420.png', stateId: 'queue-mql', viewport: UTILITY_BAR, fullPage: false },
    { file: 'queue-details-360.png', stateId: 'queue-details', viewport: PHONE, fullPage: false },
    { file: 'funnel-live-420.png', stateId: 'funnel-live', viewport: UTILITY_BAR, fullPage: true },
    { file: 'revenue-baton-420.png', stateId: 'revenue-baton', viewport: UTILITY_BAR, fullPage: false },
    { file: 'targets-current-360.png', stateId: 'targets-current', viewport: PHONE, fullPage: false }
];

/** States whose first screen says it all: a long list is cut at the bottom of a 1440 x 900 screen. */
const FIRST_SCREEN_ONLY = new Set(['queue-mql', 'queue-deep', 'queue-details', 'queue-reject-modal']);

const SCREENSHOTS = {
    command: 'npm run screenshots --',
    summary: 'Regenerates the screenshots of every preview state in docs/images.',
    usage: ['[--state <id>]... [--out <dir>]'],
    flags: {
        state: {
            type: 'string',
            value: '<id>',
            multiple: true,
            description: 'Only this state (and its narrow shots); repeatable. The ids are those of npm run preview.'
        },
        out: {
            type: 'string',
            value: '<dir>',
            default: path.join(PROJECT_ROOT, 'docs', 'images'),
            defaultLabel: 'docs/images',
            description: 'Folder the PNG files are written to.'
        }
    },
    examples: ['npm run screenshots', 'npm run screenshots -- --state funnel-live --state queue-mql'],
    notes: ['Needs Chromium (/usr/bin/chromium, or CHROMIUM_PATH).']
} as const satisfies CommandSpec;

export async function main(argv: string[], output?: Output): Promise<number> {
    return runCommand(
        SCREENSHOTS,
        argv,
        async (values, out) => {
            const server = await servePreview(await buildPreview('production'));
            const browser = await launchChromium();
            try {
                const states = await listStates(browser, server.url);
                const wanted = values.state ?? states.map((state) => state.id);
                const unknown = wanted.filter((id) => !states.some((state) => state.id === id));
                if (unknown.length > 0) {
                    throw new UsageError(`unknown state ${unknown.join(', ')} (see npm run preview for the list)`);
                }
                const shots: Shot[] = [
                    ...wanted.map((stateId) => ({
                        file: `${stateId}.png`,
                        stateId,
                        viewport: WIDE,
                        fullPage: !FIRST_SCREEN_ONLY.has(stateId)
                    })),
                    ...NARROW_SHOTS.filter((shot) => wanted.includes(shot.stateId))
                ];
                await mkdir(values.out, { recursive: true });
                for (const shot of shots) {
                    const { page } = await openState(browser, server.url, shot.stateId, shot.viewport);
                    const file = path.join(values.out, shot.file);
                    await page.screenshot({ path: file, fullPage: shot.fullPage, animations: 'disabled' });
                    await page.close();
                    say(out, `${path.relative(PROJECT_ROOT, file)}  ${shot.stateId} at ${shot.viewport.width} px`);
                }
                say(out, `${shots.length} screenshots written.`);
                return 0;
            } finally {
                await browser.close();
                await server.close();
            }
        },
        output
    );
}

if (import.meta.main) {
    process.exitCode = await main(process.argv.slice(2));
}
