import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OrgDouble } from '../org-double/server.ts';
import { main as seedMain, seed } from '../seed.ts';
import { verifyConversion } from '../verify-conversion.ts';
import { asText } from '../lib/text.ts';
import { authFor, baseSeedOptions, capture, runScript } from './support.ts';

const SEEDED = [
    'Lead',
    'Campaign',
    'CampaignMember',
    'Lead_SLA__c',
    'Lead_Routing_Member__c',
    'Team_Target__c',
    'Account',
    'Contact',
    'Opportunity'
];
const REPS = [
    { firstName: 'Ann', lastName: 'Rivera', permissionSets: ['Baton_SDR'] },
    { firstName: 'Bo', lastName: 'Chen', permissionSets: ['Baton_SDR'] }
];

function counts(double: OrgDouble): Record<string, number> {
    return Object.fromEntries(SEEDED.map((object) => [object, double.state.store.all(object).length]));
}

function ids(double: OrgDouble, object: string): string[] {
    return double.state.store
        .all(object)
        .map((record) => String(record.Id))
        .sort();
}

describe('seed → seed again → verify → reset, over HTTP against the org double', () => {
    let double: OrgDouble;
    before(async () => {
        double = await OrgDouble.start({
            assignedPermissionSets: ['Baton_Admin', 'Baton_Bypass_Automation'],
            colleagues: REPS
        });
        // Customer data that must survive a reset untouched.
        const store = double.state.store;
        store.insert('Lead_Routing_Member__c', {
            Queue__c: 'Partner_Team',
            User__c: store.currentUserId,
            Weight__c: 1,
            Active__c: true
        });
        store.insert('Lead', { LastName: 'Customer', Company: 'Real Co', Email: 'real@customer.example.com' });
        const accountId = store.insert('Account', { Name: 'Real Account' });
        store.insert('Contact', { LastName: 'Real', AccountId: accountId });
        store.insert('Campaign', { Name: 'Real Campaign' });
        store.insert('Team_Target__c', { Month__c: '2026-01-01', Metric__c: 'Leads', Target__c: 500 });
    });
    after(() => double.stop());

    it('seeds campaigns, leads in every quadrant, memberships, SLA clocks and conversions', async () => {
        const output = capture();
        const report = await seed(authFor(double), baseSeedOptions(240), output);
        assert.equal(report.ok, true, output.text());
        const leads = double.state.store.all('Lead').filter((lead) => lead.Baton_Seed_Key__c);
        assert.equal(leads.length, 240);
        const stages = new Set(leads.map((lead) => lead.Lifecycle_Stage__c));
        for (const stage of ['Inquiry', 'MQL', 'SAL', 'SQL', 'Recycled', 'Converted']) {
            assert.ok(stages.has(stage), `a lead at ${stage}`);
        }
        const fits = leads.map((lead) =>
            [Number(lead.Fit_Score__c) >= 50, Number(lead.Interest_Score__c) >= 40].join()
        );
        assert.equal(new Set(fits).size, 4, 'leads in all four fit × sales-ready quadrants');
        const clocks = double.state.store.all('Lead_SLA__c');
        assert.ok(
            clocks.some((clock) => clock.Status__c === 'Met') && clocks.some((clock) => clock.Status__c === 'Breached')
        );
        assert.ok(double.state.store.all('Opportunity').some((opportunity) => opportunity.IsWon === true));
        assert.match(output.text(), /API calls: \d+/);
    });

    it("routes the history's MQLs to the org's SDRs and seeds their round-robin members", () => {
        const store = double.state.store;
        const reps = store.all('User').filter((user) => user.Id !== store.currentUserId);
        const repIds = new Set(reps.map((user) => user.Id));
        const members = store.all('Lead_Routing_Member__c').filter((member) => member.Baton_Seed_Key__c);
        assert.deepEqual(
            members.map((member) => [member.Queue__c, member.Weight__c, repIds.has(member.User__c)]),
            [
                ['Baton_SDR', 1, true],
                ['Baton_SDR', 1, true]
            ]
        );
        const mqlClocks = store.all('Lead_SLA__c').filter((clock) => clock.Stage__c === 'MQL');
        assert.equal(
            members.reduce((sum, member) => sum + Number(member.Assigned_Count__c), 0),
            mqlClocks.length,
            'each routed MQL counted once'
        );
        assert.ok(mqlClocks.every((clock) => repIds.has(clock.Assignee__c) && clock.Routing_Status__c === 'Routed'));
        assert.ok(
            mqlClocks.some((clock) => clock.First_Touch_At__c),
            'first touches seeded'
        );
    });

    it("dates responses across the deal cycle, adds the converted contacts' later responses, costs and targets", () => {
        const store = double.state.store;
        const leads = new Map(store.all('Lead').map((lead) => [String(lead.Id), lead]));
        const members = store.all('CampaignMember').filter((member) => member.Baton_Seed_Key__c);
        const dated = members.filter((member) => member.Responded_Date__c);
        assert.ok(dated.length > 0, 'history responses carry Responded Date (history)');
        for (const member of dated.filter((item) => item.LeadId)) {
            const mql = asText(leads.get(String(member.LeadId))?.MQL_Date__c);
            assert.ok(String(member.Responded_Date__c) <= mql.slice(0, 10), `a lead responded before its MQL: ${mql}`);
        }
        assert.ok(
            members.every((member) => member.HasResponded === (member.Status === 'Responded')),
            'the platform derives Responded from the member status'
        );
        const contactResponses = members.filter((member) => member.ContactId && !member.LeadId);
        assert.ok(contactResponses.length > 0, "converted contacts' later responses");
        for (const member of contactResponses) {
            const lead = [...leads.values()].find((item) => item.ConvertedContactId === member.ContactId);
            assert.ok(lead, 'each answers a converted contact');
            // Conversion followed the SQL date; the seeded history's conversion day itself is not a field.
            assert.ok(
                String(member.Responded_Date__c) >= String(lead.SQL_Date__c).slice(0, 10),
                'a contact responded after the lead was qualified and converted'
            );
            const sameCampaign = members.filter(
                (other) =>
                    other.CampaignId === member.CampaignId &&
                    (other.ContactId === member.ContactId || other.LeadId === lead.Id)
            );
            assert.equal(sameCampaign.length, 1, 'never a second membership of the same person in one campaign');
        }
        const campaigns = store.all('Campaign').filter((campaign) => campaign.Baton_Seed_Key__c);
        assert.ok(
            campaigns.some((campaign) => Number(campaign.ActualCost) > 0),
            'campaigns with an Actual Cost'
        );
        assert.ok(
            campaigns.some((campaign) => campaign.ActualCost === null),
            'and one without'
        );
        const targets = store.all('Team_Target__c').filter((target) => target.Baton_Seed_Key__c);
        assert.equal(targets.length, 26, 'five months of five metrics, and a second version of this month MQL target');
    });

    it('leaves the same data when run again (no duplicates, same records, converted leads left alone)', async () => {
        const before = counts(double);
        const leadIds = ids(double, 'Lead');
        const report = await seed(authFor(double), baseSeedOptions(240), capture());
        assert.equal(report.ok, true, JSON.stringify(report.failures.slice(0, 3)));
        assert.deepEqual(counts(double), before);
        assert.deepEqual(ids(double, 'Lead'), leadIds);
        const converted = new Set(
            double.state.store
                .all('Lead')
                .filter((lead) => lead.IsConverted === true)
                .map((lead) => lead.Id)
        );
        const convertedClocks = double.state.store.all('Lead_SLA__c').filter((clock) => converted.has(clock.Lead__c));
        assert.ok(convertedClocks.length > 0);
        assert.equal(
            report.objects.find((item) => item.object === 'Lead_SLA__c')?.skipped,
            convertedClocks.length,
            "a converted lead's clocks are skipped: the platform refuses references to converted leads"
        );
    });

    it('verifies the conversion mapping with every check passing once the bypass permission is removed', async () => {
        const bypassed = await verifyConversion(authFor(double), { keep: false, allowProduction: false }, capture());
        const baton = bypassed.rows.find((row) => row.target === 'Lead.Lifecycle_Stage__c');
        assert.match(baton?.note ?? '', /holds Baton_Bypass_Automation \(assigned for seed --history\?\)/);
        double.unassignPermissionSet('Baton_Bypass_Automation');
        const output = capture();
        const report = await verifyConversion(authFor(double), { keep: false, allowProduction: false }, output);
        assert.equal(report.ok, true, output.text());
        assert.ok(report.rows.length > 30);
        assert.ok(report.rows.some((row) => row.target === 'Opportunity.Fit_Score__c' && row.ok));
    });

    it('reset removes exactly what seeding created', async () => {
        const report = await seed(authFor(double), { ...baseSeedOptions(240), reset: true }, capture());
        assert.equal(report.ok, true);
        const store = double.state.store;
        assert.deepEqual(
            store.all('Lead').map((lead) => lead.LastName),
            ['Customer']
        );
        assert.deepEqual(
            store.all('Account').map((account) => account.Name),
            ['Real Account']
        );
        assert.deepEqual(
            store.all('Contact').map((contact) => contact.LastName),
            ['Real']
        );
        assert.deepEqual(
            store.all('Campaign').map((campaign) => campaign.Name),
            ['Real Campaign']
        );
        assert.equal(store.all('Opportunity').length, 0);
        assert.equal(store.all('CampaignMember').length, 0);
        assert.equal(store.all('Lead_SLA__c').length, 0);
        assert.deepEqual(
            store.all('Lead_Routing_Member__c').map((member) => member.Queue__c),
            ['Partner_Team'],
            "the org's own routing members stay"
        );
        assert.deepEqual(
            store.all('Team_Target__c').map((target) => target.Target__c),
            [500],
            "the org's own targets stay"
        );
    });
});

describe('seed against the platform rules', () => {
    it('converts every planned lead at 5,000 with --history: no lead duplicates another or a converted contact', async () => {
        const double = await OrgDouble.start({
            assignedPermissionSets: ['Baton_Admin', 'Baton_Bypass_Automation'],
            requireValidationForConvertedLeads: true
        });
        try {
            const report = await seed(authFor(double), baseSeedOptions(5000), capture());
            assert.deepEqual(report.failures.slice(0, 3), []);
            const conversions = report.objects.find((item) => item.object === 'Lead conversion');
            assert.ok((conversions?.written ?? 0) > 300, `${conversions?.written} conversions`);
            assert.equal(conversions?.failed, 0);
        } finally {
            await double.stop();
        }
    });

    it('orders Bulk API rows by parent and writes rows that could not be locked again through collections', async () => {
        const run = async (): Promise<{ report: Awaited<ReturnType<typeof seed>>; double: OrgDouble }> => {
            const double = await OrgDouble.start({ rowLocks: { seed: 11, rate: 0.5, batchSize: 500 } });
            return { report: await seed(authFor(double), baseSeedOptions(1200, false), capture()), double };
        };
        const first = await run();
        const second = await run();
        try {
            assert.equal(first.report.ok, true, JSON.stringify(first.report.failures.slice(0, 3)));
            assert.equal(
                first.double.state.store.all('CampaignMember').length,
                first.report.objects.find((item) => item.object === 'CampaignMember')?.written
            );
            assert.ok(first.report.lockRetries.rows > 0, 'the simulation locked some rows');
            assert.ok(
                first.report.lockRetries.calls >= 1 &&
                    first.report.lockRetries.calls <= 3 * Math.ceil(first.report.lockRetries.rows / 200)
            );
            assert.deepEqual(second.report.lockRetries, first.report.lockRetries, 'reproducible');
            assert.ok(
                first.report.apiCalls - first.report.lockRetries.calls <= 12,
                `${first.report.apiCalls} API calls`
            );
        } finally {
            await first.double.stop();
            await second.double.stop();
        }
    });
});

describe('seed resilience and safety', () => {
    it('goes through one Bulk API 2.0 job per object for large counts', async () => {
        const double = await OrgDouble.start();
        try {
            const report = await seed(authFor(double), baseSeedOptions(1500, false), capture());
            assert.equal(report.ok, true);
            assert.equal(double.state.store.all('Lead').length, 1500);
            assert.ok(report.apiCalls <= 12, `${report.apiCalls} API calls`);
            assert.equal(
                double.requests.filter((request) => request === `POST /services/data/v65.0/jobs/ingest`).length,
                2
            );
        } finally {
            await double.stop();
        }
    });

    for (const fault of [{ status: 503 }, { dropConnection: true }]) {
        it(`completes on a rerun after dying halfway (${fault.dropConnection ? 'network' : 'server error'})`, async () => {
            const double = await OrgDouble.start({
                assignedPermissionSets: ['Baton_Admin', 'Baton_Bypass_Automation']
            });
            try {
                double.failRequest(7, fault);
                const output = capture();
                await assert.rejects(
                    seed(authFor(double), baseSeedOptions(200), output),
                    fault.dropConnection
                        ? /test org is a server on this machine \(127\.0\.0\.1\), and it dropped the connection \(UND_ERR_SOCKET\)/
                        : /503|SERVER_UNAVAILABLE/
                );
                assert.ok(double.state.store.all('Lead').length > 0, 'the first run wrote part of the data');
                const report = await seed(authFor(double), baseSeedOptions(200), capture());
                assert.equal(report.ok, true);
                const keys = double.state.store.all('Lead').map((lead) => lead.Baton_Seed_Key__c);
                assert.equal(keys.length, 200);
                assert.equal(new Set(keys).size, 200);
                const members = double.state.store.all('CampaignMember').map((member) => member.Baton_Seed_Key__c);
                assert.equal(new Set(members).size, members.length);
                const clean = await OrgDouble.start({
                    assignedPermissionSets: ['Baton_Admin', 'Baton_Bypass_Automation']
                });
                try {
                    await seed(authFor(clean), baseSeedOptions(200), capture());
                    assert.equal(
                        double.state.store.all('Lead_SLA__c').length,
                        clean.state.store.all('Lead_SLA__c').length
                    );
                    assert.equal(
                        double.state.store.all('Opportunity').length,
                        clean.state.store.all('Opportunity').length
                    );
                } finally {
                    await clean.stop();
                }
            } finally {
                await double.stop();
            }
        });
    }

    it('says the session expired and how to log in again', async () => {
        const double = await OrgDouble.start();
        try {
            double.expireSession();
            await assert.rejects(
                seed(authFor(double), baseSeedOptions(10, false), capture()),
                (error: Error & { hint?: string }) => {
                    assert.match(error.message, /session for test org has expired.*INVALID_SESSION_ID/);
                    assert.match(error.hint ?? '', /sf org login web/);
                    return true;
                }
            );
        } finally {
            await double.stop();
        }
    });

    it('names missing Baton metadata and how to deploy it, before writing anything', async () => {
        const double = await OrgDouble.start();
        try {
            double.dropField('Lead', 'Engagement_Score__c');
            double.dropField('Campaign', 'Baton_Seed_Key__c');
            await assert.rejects(
                seed(authFor(double), baseSeedOptions(10, false), capture()),
                (error: Error & { hint?: string }) => {
                    assert.match(error.message, /field Campaign\.Baton_Seed_Key__c/);
                    assert.match(error.message, /field Lead\.Engagement_Score__c/);
                    assert.match(error.hint ?? '', /sf project deploy start --source-dir force-app/);
                    return true;
                }
            );
            assert.equal(double.state.store.all('Lead').length, 0);
        } finally {
            await double.stop();
        }
    });

    it('refuses a production org unless --allow-production, and accepts a scratch org', async () => {
        const production = await OrgDouble.start({ isSandbox: false });
        try {
            await assert.rejects(
                seed(authFor(production), baseSeedOptions(5, false), capture()),
                /production org.*refusing/
            );
            assert.equal(production.state.store.all('Lead').length, 0);
            const report = await seed(
                authFor(production),
                { ...baseSeedOptions(5, false), allowProduction: true },
                capture()
            );
            assert.equal(report.ok, true);
        } finally {
            await production.stop();
        }
        const scratch = await OrgDouble.start({ isSandbox: false, scratch: true });
        try {
            assert.equal((await seed(authFor(scratch), baseSeedOptions(5, false), capture())).ok, true);
        } finally {
            await scratch.stop();
        }
    });

    it('needs the bypass permission for history and names the permission set that grants it', async () => {
        const double = await OrgDouble.start({ assignedPermissionSets: [] });
        try {
            await assert.rejects(
                seed(authFor(double), baseSeedOptions(5), capture()),
                (error: Error & { hint?: string }) => {
                    assert.match(error.message, /Baton_Bypass_Automation/);
                    assert.match(error.hint ?? '', /sf org assign permset --name Baton_Bypass_Automation/);
                    return true;
                }
            );
        } finally {
            await double.stop();
        }
    });

    it("keeps picklist values within the org's own values and says which it replaced", async () => {
        const double = await OrgDouble.start();
        try {
            const leadSource = double.state.store.object('Lead').fields.get('leadsource');
            assert.ok(leadSource);
            leadSource.picklistValues = ['Web', 'Partner Referral', 'Other'];
            const output = capture();
            const report = await seed(authFor(double), baseSeedOptions(60, false), output);
            assert.equal(report.ok, true);
            assert.ok(
                report.notes.some((note) =>
                    /Lead\.LeadSource "Trade Show" is not a value in this org; written as Other/.test(note)
                ),
                report.notes.join('\n')
            );
            const sources = new Set(double.state.store.all('Lead').map((lead) => lead.LeadSource));
            assert.ok([...sources].every((source) => ['Web', 'Partner Referral', 'Other'].includes(String(source))));
            assert.match(output.text(), /note: \d+ × Lead\.LeadSource/);
        } finally {
            await double.stop();
        }
    });

    it('prints the plan on --dry-run without an org', async () => {
        const output = capture();
        assert.equal(await seedMain(['--dry-run', '--history', '--count', '100'], output), 0);
        assert.match(output.text(), /Dry run: nothing is written/);
        assert.match(
            output.text(),
            /good-fit-ready \d+, good-fit-not-ready \d+, poor-fit-ready \d+, poor-fit-not-ready \d+/
        );
    });

    it('runs as a command: exit code 0, JSON summary on stdout (CI environment variables)', async () => {
        const double = await OrgDouble.start();
        try {
            const result = await runScript('seed.ts', ['--count', '30', '--json', '--poll-interval', '5'], {
                SF_INSTANCE_URL: double.url,
                SF_ACCESS_TOKEN: double.accessToken
            });
            assert.equal(result.code, 0, result.stderr);
            const report = JSON.parse(result.stdout) as {
                ok: boolean;
                apiCalls: number;
                objects: { object: string; written: number }[];
            };
            assert.equal(report.ok, true);
            assert.equal(report.objects.find((item) => item.object === 'Lead')?.written, 30);
            double.expireSession();
            const expired = await runScript('seed.ts', ['--count', '30'], {
                SF_INSTANCE_URL: double.url,
                SF_ACCESS_TOKEN: double.accessToken
            });
            assert.equal(expired.code, 1);
            assert.match(expired.stderr, /INVALID_SESSION_ID[\s\S]*SF_ACCESS_TOKEN/);
        } finally {
            await double.stop();
        }
    });

    it('explains an unknown --target-org alias as a command (an empty CLI auth store)', async () => {
        const result = await runScript('seed.ts', ['--target-org', 'baton-no-such-alias'], {
            HOME: '/tmp/baton-empty-home',
            SF_DISABLE_TELEMETRY: 'true'
        });
        assert.equal(result.code, 1);
        assert.match(result.stderr, /Unknown org "baton-no-such-alias"/);
        assert.match(result.stderr, /sf org login web --alias baton-no-such-alias/);
    });
});
