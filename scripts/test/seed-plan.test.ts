import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addBusinessHours, businessHoursBetween } from '../seed/businessHours.ts';
import { buildPlan, identityOf, IDENTITIES, SEED_KEY } from '../seed/plan.ts';
import { readSeedConfig } from '../seed/policies.ts';
import { asText } from '../lib/text.ts';
import { evaluateStage, type LeadValues } from '../lib/criteria/engine.ts';
import type { FieldType } from '../lib/criteria/values.ts';
import { readProjectCriteria } from '../lib/criteria/projectCriteria.ts';

/** Types of the Lead fields the seed writes that the shipped criteria read. */
const LEAD_FIELD_TYPES: Record<string, FieldType> = {
    Company: 'text',
    Title: 'text',
    Email: 'email',
    Phone: 'phone',
    Country: 'text',
    NumberOfEmployees: 'number',
    LeadSource: 'picklist',
    Engagement_Score__c: 'number',
    Pricing_Page_Visits__c: 'number',
    Demo_Requested__c: 'checkbox'
};

const QUADRANT_NAMES: Record<string, string> = {
    'Good Fit, Sales Ready': 'good-fit-ready',
    'Good Fit, Sales Unready': 'good-fit-not-ready',
    'Poor Fit, Sales Ready': 'poor-fit-ready',
    'Poor Fit, Sales Unready': 'poor-fit-not-ready'
};

function leadValues(lead: Record<string, unknown>): LeadValues {
    return Object.fromEntries(
        Object.entries(LEAD_FIELD_TYPES).map(([field, type]) => {
            const value = lead[field];
            return [field, { type, value: value === undefined ? null : (value as string | number | boolean | null) }];
        })
    );
}

const now = new Date('2026-11-20T15:00:00Z');

describe('seed plan', () => {
    it('gives every lead its own person: name and company, email and phone are never shared', async () => {
        const config = await readSeedConfig();
        const plan = buildPlan({ count: 5000, history: true, now, ...config });
        for (const field of ['Email', 'Phone'] as const) {
            const values = plan.leads.map((lead) => lead[field]).filter((value) => value !== null);
            assert.equal(new Set(values).size, values.length, `${field} is unique`);
        }
        const people = plan.leads.map((lead) => [lead.FirstName, lead.LastName, lead.Company].map(asText).join('|'));
        assert.equal(new Set(people).size, people.length);
        const all = new Set(
            Array.from({ length: IDENTITIES }, (_, index) => Object.values(identityOf(index + 1)).join('|'))
        );
        assert.equal(all.size, 100_000, 'as many people as the largest --count');
        assert.throws(() => buildPlan({ count: IDENTITIES + 1, history: false, now, ...config }), /would repeat/);
    });

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

    it('puts each lead in the quadrant it was planned for, by the criteria engine over the shipped rules', async () => {
        const config = await readSeedConfig();
        const { rules, thresholds } = await readProjectCriteria();
        const plan = buildPlan({ count: 400, history: true, now, userId: '005000000000001AAA', ...config });
        const planned = { 'good-fit-ready': 0, 'good-fit-not-ready': 0, 'poor-fit-ready': 0, 'poor-fit-not-ready': 0 };
        for (const lead of plan.leads) {
            const evaluation = evaluateStage(leadValues(lead), rules, thresholds, 'MQL');
            const key = asText(lead[SEED_KEY]);
            assert.deepEqual(
                evaluation.results.filter((result) => result.outcome === 'Skipped').map((result) => result.detail),
                [],
                key
            );
            const quadrant = QUADRANT_NAMES[evaluation.quadrant ?? ''];
            assert.ok(quadrant, key);
            planned[quadrant as keyof typeof planned]++;
            assert.equal(Number(lead.Fit_Score__c), evaluation.fitScore.toNumber(), `${key} fit score`);
            assert.equal(Number(lead.Interest_Score__c), evaluation.interestScore.toNumber(), `${key} interest score`);
            assert.equal(lead.Lifecycle_Stage__c !== 'Inquiry', evaluation.verdict === 'Pass', `${key} stage`);
        }
        assert.deepEqual(planned, plan.quadrants);
    });

    it('routes every MQL of the history to a rep, with its clocks, and gives it a first touch in business minutes', async () => {
        const config = await readSeedConfig();
        const reps = [
            { id: '005000000000002AAA', name: 'Ann Rivera' },
            { id: '005000000000003AAA', name: 'Bo Chen' },
            { id: '005000000000004AAA', name: 'Cy Okafor' }
        ];
        const plan = buildPlan({ count: 2000, history: true, now, userId: '005000000000001AAA', reps, ...config });
        const unrouted = buildPlan({ count: 2000, history: true, now, userId: '005000000000001AAA', ...config });
        assert.deepEqual(plan.stages, unrouted.stages, 'routing draws leave the rest of the history as it was');
        assert.equal(unrouted.routingMembers.length, 0, 'no reps, no members');

        const repIds = new Set(reps.map((rep) => rep.id));
        const mqlClocks = plan.slas.filter((clock) => clock.Stage__c === 'MQL');
        const ownerOf = new Map(plan.leads.map((lead) => [asText(lead[SEED_KEY]), lead.OwnerId]));
        for (const clock of plan.slas) {
            const lead = (clock.Lead__r as { Baton_Seed_Key__c: string }).Baton_Seed_Key__c;
            assert.ok(repIds.has(asText(clock.Assignee__c)), 'each clock runs for a rep');
            assert.equal(clock.Assignee__c, ownerOf.get(lead), 'the rep who owns the lead');
        }
        for (const clock of mqlClocks) {
            assert.equal(clock.Routing_Status__c, 'Routed');
            const started = Date.parse(asText(clock.Started_At__c));
            assert.ok(Date.parse(asText(clock.Routed_At__c)) > started, 'routed right after the handoff');
            if (clock.First_Touch_At__c !== undefined) {
                const touched = new Date(asText(clock.First_Touch_At__c));
                assert.ok(touched.getTime() >= started && touched <= now, 'touched after the handoff, before now');
                assert.equal(
                    Math.round(businessHoursBetween(new Date(started), touched) * 60),
                    clock.First_Touch_Business_Minutes__c,
                    'business minutes to the touch'
                );
                assert.ok(['Call', 'Email', 'Meeting'].includes(asText(clock.First_Touch_Type__c)));
                assert.equal(clock.First_Touch_By__c, clock.Assignee__c, 'touched by its rep');
            }
        }
        const touched = mqlClocks.filter((clock) => clock.First_Touch_At__c !== undefined).length;
        assert.ok(touched > mqlClocks.length * 0.9, `most MQLs were touched: ${touched} of ${mqlClocks.length}`);

        assert.deepEqual(
            plan.routingMembers.map((member) => [member.User__c, member.Weight__c, member.Queue__c]),
            reps.map((rep, position) => [rep.id, position === 2 ? 2 : 1, config.routingQueue])
        );
        const assigned = plan.routingMembers.map((member) => Number(member.Assigned_Count__c));
        assert.equal(
            assigned.reduce((sum, count) => sum + count, 0),
            mqlClocks.length,
            'every routed MQL is counted once'
        );
        const [ann = 0, bo = 0, cy = 0] = assigned;
        assert.ok(cy > ann && cy > bo, `the weight-2 rep receives the most: ${assigned.join(', ')}`);
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

describe('seed plan: campaign costs, responses and targets', () => {
    it('costs each campaign per lead it brought in, dates responses before the MQL, and keys every target version', async () => {
        const config = await readSeedConfig();
        const now = new Date('2026-11-20T15:00:00Z');
        const plan = buildPlan({ count: 300, history: true, now, ...config });

        const costs = plan.campaigns.map((campaign) => campaign.ActualCost);
        assert.ok(
            costs.some((cost) => cost === null),
            'one campaign without an Actual Cost'
        );
        assert.ok(
            costs.every((cost) => cost === null || (Number.isInteger(cost) && Number(cost) > 0)),
            'whole amounts: Actual Cost has no decimals'
        );
        const leads = new Map(plan.leads.map((lead) => [asText(lead[SEED_KEY]), lead]));
        for (const member of plan.members.filter((item) => item.Responded_Date__c)) {
            const leadKey = (member.Lead as { Baton_Seed_Key__c: string }).Baton_Seed_Key__c;
            const mql = asText(leads.get(leadKey)?.MQL_Date__c);
            assert.ok(
                asText(member.Responded_Date__c) <= mql.slice(0, 10),
                `${asText(member[SEED_KEY])} before ${mql}`
            );
            assert.equal(member.Status, 'Responded', 'a dated member responded');
        }
        const responses = plan.conversions.flatMap((conversion) => conversion.contactResponses);
        assert.ok(responses.length > 0, 'contacts respond after conversion');
        for (const conversion of plan.conversions) {
            const { StageName, CloseDate } = conversion.opportunity;
            const lastDay = StageName.startsWith('Closed') ? CloseDate : '2026-11-20';
            for (const response of conversion.contactResponses) {
                assert.ok(response.day >= conversion.convertedAt.slice(0, 10), 'after the conversion');
                assert.ok(response.day <= lastDay, `by the close (${lastDay}), or today for an open deal`);
            }
        }

        const keys = plan.targets.map((target) => asText(target[SEED_KEY]));
        assert.equal(new Set(keys).size, keys.length, 'unique keys');
        assert.ok(
            keys.every((key) => key.length <= 40),
            'keys fit Baton_Seed_Key__c (40 characters)'
        );
        assert.ok(
            plan.targets.every((target) => asText(target.Month__c).endsWith('-01')),
            'months are first days'
        );
        const november = plan.targets.filter(
            (target) => target.Month__c === '2026-11-01' && target.Metric__c === 'MQLs'
        );
        assert.equal(november.length, 2, "this month's MQL target has two versions");
        assert.ok(Number(november[1]?.Target__c) > Number(november[0]?.Target__c), 'the second raises the first');
        assert.deepEqual(
            [...new Set(plan.targets.map((target) => target.Month__c))],
            ['2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01']
        );
    });
});
