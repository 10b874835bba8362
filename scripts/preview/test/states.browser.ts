/**
 * Every state of the preview in Debian's Chromium, at a page's width (1440 px), a utility bar's (420 px) and a
 * phone's (360 px): no console or page error, nothing sticking out sideways, every text at 4.5:1 or more
 * (measured from computed styles), and no axe-core WCAG 2.1 AA violation. Then what triage and leaders need
 * of the layout: 15 leads on a 1440 x 900 screen, a list that stays usable at 360 px, stacked funnel and leader tables,
 * a live SLA countdown.
 *
 *   npm run test:browser
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, horizontalOverflow, lowContrastTexts, wrappedButtons } from '../checks.ts';
import { PHONE, UTILITY_BAR, WIDE, listStates, openState, stateUrl, waitForState } from '../page.ts';
import type { ViewportSize } from '../page.ts';
import { browser, server } from './session.ts';

const states = await listStates(browser, server.url);

const TABLE = ['c-lead-queue', 'c-lead-queue-table'];
const ROWS = [...TABLE, 'tr.lead-row'];

async function resize(page: Page, viewport: ViewportSize): Promise<void> {
    await page.setViewportSize(viewport);
    // Two frames: the layout at the new width is done and painted.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

describe('every state of the preview', () => {
    for (const state of states) {
        it(`${state.label}: no errors, overflow, low contrast or axe violations at 1440, 420 and 360 px`, async () => {
            const { page, errors } = await openState(browser, server.url, state.id, WIDE);
            try {
                assert.deepEqual(await axeViolations(page), [], 'axe-core, WCAG 2.1 A and AA');
                for (const viewport of [WIDE, UTILITY_BAR, PHONE]) {
                    await resize(page, viewport);
                    assert.deepEqual(await horizontalOverflow(page), [], `overflow at ${viewport.width} px`);
                    assert.deepEqual(await lowContrastTexts(page), [], `contrast at ${viewport.width} px`);
                    assert.deepEqual(
                        await wrappedButtons(page),
                        [],
                        `button labels on one line at ${viewport.width} px`
                    );
                }
                assert.deepEqual(errors, [], 'console and page errors');
            } finally {
                await page.close();
            }
        });
    }
});

describe('the checks can fail', () => {
    let page: Page;
    before(async () => {
        page = await browser.newPage({ viewport: PHONE });
    });
    after(async () => {
        await page.close();
    });

    it('finds grey text on white, text over a half-transparent background, and skips disabled controls', async () => {
        await page.setContent(`
            <p style="color: #999999">grey on white</p>
            <div style="background: #0176d3"><p style="background: rgba(255, 255, 255, 0.5); color: #ffffff">pale</p></div>
            <p style="color: #444444">dark grey on white</p>
            <button disabled style="color: #cccccc">disabled</button>`);
        const found = await lowContrastTexts(page);
        assert.deepEqual(
            found.map(({ text, ratio }) => [text, ratio]),
            [
                ['grey on white', 2.85],
                ['pale', 2.07]
            ]
        );
    });

    it('finds content wider than the window, but not inside a container that scrolls sideways', async () => {
        await page.setContent(`
            <div style="overflow-x: auto"><table style="width: 500px"><tr><td>scrolls</td></tr></table></div>
            <div class="too-wide" style="width: 400px">spills</div>`);
        const found = await horizontalOverflow(page);
        assert.deepEqual(
            found.map(({ element }) => element),
            ['the page scrolls sideways', 'div.too-wide "spills"']
        );
    });

    it('finds a button label broken onto two lines', async () => {
        await page.setContent('<button style="width: 3rem">Hide details</button><button>Refresh</button>');
        assert.deepEqual(await wrappedButtons(page), ['Hide details']);
    });

    it('reports what axe-core reports', async () => {
        await page.setContent(
            '<!doctype html><html lang="en"><head><title>axe</title></head><body><main><input type="text"></main></body></html>'
        );
        assert.deepEqual(
            (await axeViolations(page)).map(({ id }) => id),
            ['label']
        );
    });
});

describe('the queue, laid out for triage', () => {
    it('shows at least 15 leads on a 1440 x 900 screen', async () => {
        const { page } = await openState(browser, server.url, 'queue-mql', WIDE);
        try {
            const visible = await page.evaluate(
                (path) =>
                    window.batonPreview.findAll(path).filter((row) => {
                        const box = row.getBoundingClientRect();
                        return box.top >= 0 && box.bottom <= window.innerHeight;
                    }).length,
                ROWS
            );
            assert.ok(visible >= 15, `${visible} leads fully visible`);
        } finally {
            await page.close();
        }
    });

    it('stays a list at 360 px: each clock in the same place, no checkbox alone on a line', async () => {
        const { page } = await openState(browser, server.url, 'queue-mql', PHONE);
        try {
            const cards = await page.evaluate(
                (path) =>
                    window.batonPreview.findAll(path).map((row) => {
                        const box = (selector: string) =>
                            row.querySelector(selector)?.getBoundingClientRect() ?? new DOMRect(Number.NaN);
                        return {
                            clockLeft: Math.round(box('c-sla-clock-badge').left),
                            checkboxToName: Math.abs(box('.col-select').top - box('.lead-name').top),
                            height: Math.round(row.getBoundingClientRect().height)
                        };
                    }),
                ROWS
            );
            assert.equal(new Set(cards.map((card) => card.clockLeft)).size, 1, 'every clock starts at the same x');
            for (const card of cards) {
                assert.ok(card.checkboxToName < 16, `the checkbox sits on the name's line (${card.checkboxToName} px)`);
                assert.ok(card.height < 240, `a compact card (${card.height} px)`);
            }
        } finally {
            await page.close();
        }
    });

    it('counts the SLA down live', async () => {
        const page = await browser.newPage({ viewport: WIDE });
        try {
            await page.clock.install({ time: new Date('2026-11-23T12:00:00Z') });
            await page.goto(stateUrl(server.url, 'queue-details'));
            await waitForState(page, 'queue-details');
            // Grace Hopper's clock (mqlPage.json): at risk, due at 14:00.
            const graceClock = () =>
                page.evaluate(
                    (path) => window.batonPreview.find(path)?.textContent.trim() ?? '',
                    [...TABLE, 'tr:has([data-lead-id="00Q000000000002AAA"]) c-sla-clock-badge', '.sla-label']
                );
            // Time left is shown in whole minutes, rounded down: a few milliseconds after 12:00 it reads 1 h 59 m.
            assert.match(await graceClock(), /^At risk · (2 h|1 h 59 m) left$/);
            await page.clock.runFor('01:30:00');
            assert.match(await graceClock(), /^At risk · (30|29) m left$/);
            // Ticks come every 30 s, so the reading is at most that old.
            await page.clock.runFor('00:32:00');
            assert.equal(await graceClock(), 'Breached · 1 m ago');
        } finally {
            await page.close();
        }
    });
});

describe('the funnel, read at a glance', () => {
    it('stacks its tables below 480 px and shows them as tables on a page', async () => {
        const { page } = await openState(browser, server.url, 'funnel-live', WIDE);
        try {
            const headersShown = () =>
                page.evaluate(
                    (path) =>
                        window.batonPreview.findAll(path).map((head) => getComputedStyle(head).display !== 'none'),
                    ['c-funnel-panel', '.funnel-table thead']
                );
            // SLA compliance, speed to lead by Lead Source and by rep, velocity, the Lead Source breakdown.
            assert.deepEqual(await headersShown(), [true, true, true, true, true]);
            await resize(page, UTILITY_BAR);
            assert.deepEqual(await headersShown(), [false, false, false, false, false]);
        } finally {
            await page.close();
        }
    });
});

describe("the leaders' panels, read at a glance", () => {
    // Revenue's campaign, channel, model and Lead Source tables; the team's targets; the review's figures,
    // sources and rejections: tables on a page, one block per row in a utility bar.
    const panels = [
        { state: 'revenue-baton', host: 'c-revenue-panel', tables: 4 },
        { state: 'targets-current', host: 'c-team-targets', tables: 1 },
        { state: 'review-week', host: 'c-weekly-review', tables: 3 }
    ];
    for (const { state, host, tables } of panels) {
        it(`${state}: stacks its tables below 600 px and shows them as tables on a page`, async () => {
            const { page } = await openState(browser, server.url, state, WIDE);
            try {
                const headersShown = () =>
                    page.evaluate(
                        (path) =>
                            window.batonPreview.findAll(path).map((head) => getComputedStyle(head).display !== 'none'),
                        [host, '.stack-table thead']
                    );
                assert.deepEqual(await headersShown(), Array(tables).fill(true));
                await resize(page, UTILITY_BAR);
                assert.deepEqual(await headersShown(), Array(tables).fill(false));
            } finally {
                await page.close();
            }
        });
    }
});
