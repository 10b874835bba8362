/**
 * The demo's attribution report over HTTP against the org double: it reads the responses of a converted lead and of
 * its contact (not a member only sent the campaign), credits them with the engine, and every model's credits add up
 * to the won revenue on seeded data.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatAttribution, formatReturns, readAttribution } from '../lib/attribution/report.ts';
import { MODELS } from '../lib/attribution/engine.ts';
import { connect } from '../lib/connection.ts';
import { convertLeads } from '../lib/leadConversion.ts';
import { OrgDouble } from '../org-double/server.ts';
import { seed } from '../seed.ts';
import { authFor, baseSeedOptions, capture } from './support.ts';

describe('attribution report (npm run demo) against the org double', () => {
    let double: OrgDouble;
    before(async () => {
        double = await OrgDouble.start({ assignedPermissionSets: ['Baton_Admin', 'Baton_Bypass_Automation'] });
    });
    after(() => double.stop());

    it("credits a converted lead's responses and its contact's later one, not a campaign it was only sent", async () => {
        const store = double.state.store;
        const campaign = (name: string, cost: number | null): string =>
            store.insert('Campaign', { Name: name, ActualCost: cost, Baton_Seed_Key__c: `test:${name}` });
        const webinar = campaign('Webinar', 1000);
        const ebook = campaign('Ebook', null);
        const fair = campaign('Fair', 500);
        const leadId = store.insert('Lead', {
            LastName: 'Ada',
            Company: 'Analytical Engines',
            LeadSource: 'Web',
            MQL_Date__c: '2026-03-10T09:00:00.000Z',
            Baton_Seed_Key__c: 'test:ada'
        });
        store.insert('CampaignMember', {
            CampaignId: webinar,
            LeadId: leadId,
            Status: 'Responded',
            Responded_Date__c: '2026-03-01',
            Baton_Seed_Key__c: 'test:ada:1'
        });
        store.insert('CampaignMember', {
            CampaignId: fair,
            LeadId: leadId,
            Status: 'Sent',
            Baton_Seed_Key__c: 'test:ada:2'
        });
        const org = await connect(authFor(double));
        const [converted] = await convertLeads(org, [{ leadId }], 'Closed - Converted');
        assert.ok(converted?.success && converted.opportunityId && converted.contactId);
        store.insert('CampaignMember', {
            CampaignId: ebook,
            ContactId: converted.contactId,
            Status: 'Responded',
            Responded_Date__c: '2026-03-20',
            Baton_Seed_Key__c: 'test:ada:contact'
        });
        store.update('Opportunity', converted.opportunityId, {
            StageName: 'Closed Won',
            Amount: 100,
            CloseDate: '2026-04-01'
        });

        const attribution = await readAttribution(org);
        const won = (name: string) =>
            Object.fromEntries(
                MODELS.map((model) => [
                    model,
                    attribution.campaigns.find((row) => row.name === name)?.wonByModel[model].toFixed(2)
                ])
            );
        assert.deepEqual(won('Webinar'), {
            First_Touch: '100.00',
            Last_Touch_Before_MQL: '100.00',
            // Created today, after both responses: the contact's ebook response is the last before it.
            Last_Touch_Before_Opportunity: '0.00',
            Even: '50.00',
            Position_Based: '50.00'
        });
        assert.equal(won('Ebook').Even, '50.00', "the contact's response counts");
        assert.equal(won('Fair').Even, '0.00', 'a campaign only sent earns nothing');
        const webinarRow = attribution.campaigns.find((row) => row.name === 'Webinar');
        assert.equal(webinarRow?.mqls, 1, 'Ada responded to the webinar and became MQL');
        assert.match(formatReturns(attribution), /Webinar\s+\$1,000\s+1\s+\$50\s+\$0\s+\$1,000\s+\$1,000\s+-95\.0%/);
    });

    it('credits add up to the won revenue under every model on seeded data', async () => {
        const report = await seed(authFor(double), baseSeedOptions(160), capture());
        assert.equal(report.ok, true);
        const attribution = await readAttribution(await connect(authFor(double)));
        assert.ok(attribution.deals > 5, `${attribution.deals} converted opportunities`);
        for (const model of MODELS) {
            const credited = attribution.campaigns.reduce(
                (sum, row) => sum.plus(row.wonByModel[model]),
                attribution.uncredited[model]
            );
            assert.equal(credited.toFixed(2), attribution.totalWon.toFixed(2), model);
        }
        const table = formatAttribution(attribution).split('\n');
        assert.match(
            table[0] ?? '',
            /^campaign\s+First touch\s+Last before MQL\s+Last before opp\.\s+Even\s+Position-based$/
        );
        assert.match(table.at(-1) ?? '', /^Total\s/);
    });
});
