/**
 * Triage with the keyboard only, in Debian's Chromium: Tab into the queue, move between leads, accept one,
 * then reject one with a reason through the modal, never touching the mouse. What the queue asked the
 * platform for is read from the preview's log.
 *
 *   npm run test:browser
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { WIDE, focused, openState, tabTo, waitForFocus } from '../page.ts';
import { browser, server } from './session.ts';

const ADA = '00Q000000000001AAA';
const GRACE = '00Q000000000002AAA';

function apexCalls(page: Page, method: string): Promise<unknown[]> {
    return page.evaluate(
        (name) =>
            window.batonPreview
                .log()
                .filter((entry) => entry.kind === 'apex' && entry.name === name)
                .map((entry) => entry.detail),
        method
    );
}

function toasts(page: Page): Promise<unknown[]> {
    return page.evaluate(() =>
        window.batonPreview
            .log()
            .filter((entry) => entry.kind === 'toast')
            .map((entry) => entry.detail)
    );
}

/** Lets the page render what the last key or focus change started, before the next key. */
async function nextFrames(page: Page): Promise<void> {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** The lead of the focused row, read from its name. */
async function focusedLead(page: Page): Promise<string> {
    const element = await focused(page);
    assert.equal(element.tag, 'tr', `a row holds the focus (${JSON.stringify(element)})`);
    return element.text;
}

describe('keyboard-only triage', () => {
    let page: Page;
    let errors: string[];

    beforeEach(async () => {
        // Four leads (mqlPage.json), most urgent first: Alan Turing, Grace Hopper, Ada Lovelace, Katherine Johnson.
        ({ page, errors } = await openState(browser, server.url, 'queue-small', WIDE));
    });

    afterEach(async () => {
        assert.deepEqual(errors, [], 'console and page errors');
        await page.close();
    });

    it('tabs to the first lead, moves down with J and the arrow key, and accepts with A', async () => {
        await tabTo(page, (element) => element.tag === 'tr');
        assert.match(await focusedLead(page), /Select Alan Turing/);
        await page.keyboard.press('j');
        await page.keyboard.press('ArrowDown');
        assert.match(await focusedLead(page), /Select Ada Lovelace/);

        await page.keyboard.press('a');
        await page.waitForFunction(() => window.batonPreview.log().some((entry) => entry.kind === 'toast'));

        assert.deepEqual(await apexCalls(page, 'LeadQueueController.acceptLeads'), [
            { leadIds: [ADA], overrideAcceptanceRules: false }
        ]);
        assert.deepEqual(await toasts(page), [{ title: 'Ada Lovelace accepted', message: '', variant: 'success' }]);
        // The focus stays in the table, on the row now in the accepted lead's place, ready for the next one.
        assert.equal((await focused(page)).tag, 'tr');
    });

    it('rejects with R: the reason, the disposition and notes for marketing chosen in the modal by keyboard', async () => {
        await tabTo(page, (element) => element.tag === 'tr');
        await page.keyboard.press('End');
        assert.match(await focusedLead(page), /Select Katherine Johnson/);
        await page.keyboard.press('k');
        await page.keyboard.press('k');
        assert.match(await focusedLead(page), /Select Grace Hopper/);
        await page.keyboard.press('e');
        await page.keyboard.press('r');

        // The modal opens on its title (lightning-modal moves the focus there); Tab reaches the reason, pre-filled
        // from Grace's failing check, and another reason is chosen.
        await waitForFocus(page, (element) => element.tag === 'h1' && element.text === 'Reject Grace Hopper');
        await tabTo(page, (element) => element.tag === 'button' && element.text.includes('Invalid Contact Data'), 10);
        await nextFrames(page);
        await page.keyboard.press('Enter');
        await waitForFocus(page, (element) => element.expanded === 'true' && element.activeOption !== null);
        await page.keyboard.press('ArrowDown');
        await waitForFocus(page, (element) => element.activeOption === 'Duplicate');
        await page.keyboard.press('Enter');
        await waitForFocus(page, (element) => element.expanded === 'false' && element.text.includes('Duplicate'));
        await tabTo(page, (element) => element.tag === 'input', 10);
        await page.keyboard.press('ArrowDown');
        await tabTo(page, (element) => element.tag === 'textarea', 10);
        await page.keyboard.type('Number bounced twice');
        await tabTo(page, (element) => element.tag === 'button' && element.text === 'Reject', 10);
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => window.batonPreview.log().some((entry) => entry.kind === 'toast'));

        assert.deepEqual(await apexCalls(page, 'LeadQueueController.rejectLeads'), [
            { leadIds: [GRACE], reason: 'Duplicate', notes: 'Number bounced twice', disposition: 'Disqualify' }
        ]);
        assert.deepEqual(await toasts(page), [{ title: 'Grace Hopper rejected', message: '', variant: 'success' }]);
    });
});
