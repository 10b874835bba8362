import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addBusinessHours, businessHoursBetween } from '../seed/businessHours.ts';
import { buildPlan, SEED_KEY } from '../seed/plan.ts';
import { readSeedConfig } from '../seed/policies.ts';
import { asText } from '../lib/text.ts';

const now = new Date('2026-11-20T15:00:00Z');

describe('seed plan', () => {
    it('is deterministic, keyed uniquely, and spans all four quadrants', async () => {
        const config = await readSeedConfig();
        const first = buildPlan({ count: 400, history: true, now, userId: '005000000000001AAA', ...config });
        const again = buildPlan({ count: 400, history: true, now, userId: '005000000000001AAA', ...config });
        assert.deepEqual(first, again);
        for (const records of [first.leads, first.members, first.slas, first.campaigns]) {
            const keys = records.map((record) => record[SEED_KEY]);
            assert.equal(new Set(keys).size, keys.length);
        }
        assert.ok(
            Object.values(first.quadrants).every((count) => count > 0),
            JSON.stringify(first.quadrants)
        );
        // Only good fit + sales-ready leads become MQLs (Fit ≥ 50 and Interest ≥ 40 under the default criteria).
        for (const lead of first.leads) {
            const qualified =
                Number(lead.Fit_Score__c) >= 50 && Number(lead.Interest_Score__c) >= 40 && lead.Phone !== null;
            assert.equal(lead.Lifecycle_Stage__c !== 'Inquiry', qualified, asText(lead[SEED_KEY]));
        }
        assert.ok(first.conversions.length > 0);
    });

    it('writes no history fields without --history', async () => {
        const plan = buildPlan({ count: 50, history: false, now, ...(await readSeedConfig()) });
        assert.equal(plan.slas.length, 0);
        assert.ok(plan.leads.every((lead) => !('Lifecycle_Stage__c' in lead) && !('MQL_Date__c' in lead)));
    });
});

describe('business hours (Mon–Fri 09:00–17:00 UTC)', () => {
    it('skips nights and weekends', () => {
        const friday = new Date('2026-11-20T15:00:00Z');
        assert.equal(addBusinessHours(friday, 4).toISOString(), '2026-11-23T11:00:00.000Z');
        assert.equal(addBusinessHours(new Date('2026-11-21T10:00:00Z'), 8).toISOString(), '2026-11-23T17:00:00.000Z');
        assert.equal(businessHoursBetween(friday, new Date('2026-11-23T11:00:00Z')), 4);
    });
});
