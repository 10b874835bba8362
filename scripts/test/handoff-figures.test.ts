import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeFairness, formatFairness } from '../lib/routingFairness.ts';
import { computeSpeedToLead, median, type HandoffClock } from '../lib/speedToLead.ts';

const started = Date.parse('2026-11-18T10:00:00Z');

/** A handoff first touched `minutes` business minutes after it started (here the clock runs all day). */
function clock(
    source: string,
    minutes: number | null,
    rep: string | null,
    dueAfterTouch: boolean | null
): HandoffClock {
    const touchedAt = minutes === null ? null : new Date(started + minutes * 60_000).toISOString();
    const due =
        dueAfterTouch === null
            ? null
            : new Date(started + ((minutes ?? 0) + (dueAfterTouch ? 60 : -1)) * 60_000).toISOString();
    return {
        First_Touch_At__c: touchedAt,
        First_Touch_Business_Minutes__c: minutes,
        Due_At__c: due,
        First_Touch_By__r: rep && minutes !== null ? { Name: rep } : null,
        Assignee__r: null,
        Lead__r: { LeadSource: source }
    };
}

describe('speed to lead', () => {
    // The scenario of LeadSpeedToLeadTest (the Apex figures of the funnel panel), read the same way.
    const clocks = [
        clock('Web', 2, 'Ann', true),
        clock('Web', 4, 'Ann', true),
        clock('Web', 30, 'Bo', true),
        clock('Web', 90, 'Bo', false),
        clock('Web', null, null, true),
        clock('Partner Referral', 3, 'Ann', true),
        clock('Partner Referral', 600, 'Bo', false),
        clock('Partner Referral', null, null, null)
    ];

    it('counts handoffs, touches, the median and the shares within 5 minutes, 1 hour and the due time', () => {
        const speed = computeSpeedToLead(clocks);
        assert.deepEqual(speed.overall, {
            label: 'All MQLs',
            handoffs: 8,
            touched: 6,
            medianMinutes: 17,
            within5Minutes: 3,
            within1Hour: 4,
            withTarget: 7,
            withinTarget: 4
        });
        assert.deepEqual(
            speed.bySource.map((row) => [row.label, row.handoffs, row.medianMinutes, row.withinTarget, row.withTarget]),
            [
                ['Web', 5, 17, 3, 5],
                ['Partner Referral', 3, 301.5, 1, 2]
            ]
        );
        assert.deepEqual(
            speed.byRep.map((row) => [row.label, row.handoffs, row.medianMinutes]),
            [
                ['Ann', 3, 3],
                ['Bo', 3, 90],
                ['Unassigned (a queue)', 2, null]
            ]
        );
    });

    it('takes the middle value, or the mean of the two middle ones', () => {
        assert.equal(median([30, 2, 4]), 4);
        assert.equal(median([90, 2, 30, 4]), 17);
        assert.equal(median([]), null);
    });
});

describe('round-robin fairness', () => {
    it("compares each member's share of its queue's leads with its weight's share", () => {
        const fairness = computeFairness([
            { Queue__c: 'SDR', User__r: { Name: 'Ann' }, Weight__c: 1, Assigned_Count__c: 2500 },
            { Queue__c: 'SDR', User__r: { Name: 'Bo' }, Weight__c: 1, Assigned_Count__c: 2400 },
            { Queue__c: 'SDR', User__r: { Name: 'Cy' }, Weight__c: 2, Assigned_Count__c: 5100 },
            { Queue__c: 'Partners', User__r: { Name: 'Di' }, Weight__c: 3, Assigned_Count__c: 10 }
        ]);
        assert.deepEqual(
            fairness.members.map((member) => [member.queue, member.member, member.share, member.weightShare]),
            [
                ['Partners', 'Di', 100, 100],
                ['SDR', 'Ann', 25, 25],
                ['SDR', 'Bo', 24, 25],
                ['SDR', 'Cy', 51, 50]
            ]
        );
        assert.equal(fairness.largestGap, 1);
        assert.equal(fairness.assigned, 10_010);
        assert.match(formatFairness(fairness), /Largest gap from a weight: 1\.0 percentage points over 10010 leads\./);
    });
});
