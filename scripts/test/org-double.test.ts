import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection } from '@jsforce/jsforce-node';
import { OrgDouble } from '../org-double/server.ts';
import { jsforceTo } from './support.ts';

describe('org double platform rules (through jsforce over HTTP)', () => {
    let double: OrgDouble;
    let conn: Connection;
    before(async () => {
        double = await OrgDouble.start();
        conn = jsforceTo(double);
    });
    after(() => double.stop());

    it('describes project fields with their types, lengths and picklist values', async () => {
        const describe = await conn.sobject('Lead').describe();
        const stage = describe.fields.find((field) => field.name === 'Lifecycle_Stage__c');
        assert.ok(stage);
        assert.equal(stage.type, 'picklist');
        assert.equal(stage.restrictedPicklist, true);
        assert.deepEqual(
            (stage.picklistValues ?? []).map((value: { value: string }) => value.value),
            ['Inquiry', 'MQL', 'SAL', 'SQL', 'Recycled', 'Disqualified', 'Converted']
        );
        assert.equal(describe.fields.find((field) => field.name === 'Baton_Seed_Key__c')?.externalId, true);
        await assert.rejects(conn.sobject('No_Such__c').describe(), /NOT_FOUND/);
    });

    it('rejects missing required fields, bad restricted picklist values, long text and unknown fields', async () => {
        const results = (await conn
            .sobject('Lead')
            .create(
                [
                    { Company: 'A' },
                    { LastName: 'B', Company: 'B', Lifecycle_Stage__c: 'Lost' },
                    { LastName: 'C', Company: 'x'.repeat(256) },
                    { LastName: 'D', Company: 'D', Nope__c: 1 }
                ],
                { allOrNone: false }
            )) as { success: boolean; errors: { statusCode: string }[] }[];
        assert.deepEqual(
            results.map((result) => result.errors[0]?.statusCode),
            ['REQUIRED_FIELD_MISSING', 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', 'STRING_TOO_LONG', 'INVALID_FIELD']
        );
    });

    it('takes at most 200 records per collection call', async () => {
        const records = Array.from({ length: 201 }, (_, index) => ({ LastName: `L${index}`, Company: 'C' }));
        await assert.rejects(conn.sobject('Lead').create(records, { allOrNone: false }), /EXCEEDED_ID_LIMIT/);
    });

    it('runs SOQL with AND/OR/NOT, IN, LIKE, semi-joins, relationship paths, ORDER BY, LIMIT and pagination', async () => {
        const created = (await conn.sobject('Lead').create(
            Array.from({ length: 150 }, (_, index) => ({
                LastName: `Q${String(index).padStart(3, '0')}`,
                Company: index % 2 ? 'Odd Co' : 'Even Co',
                NumberOfEmployees: index
            })),
            { allOrNone: true }
        )) as { id: string }[];
        const count = await conn.query(
            "SELECT COUNT() FROM Lead WHERE LastName LIKE 'Q%' AND (Company = 'odd co' OR NumberOfEmployees < 10) AND NOT NumberOfEmployees IN (1, 3)"
        );
        assert.equal(count.totalSize, 75 + 5 - 2);
        const ordered = await conn.query<{ LastName: string }>(
            "SELECT LastName FROM Lead WHERE LastName LIKE 'Q%' ORDER BY NumberOfEmployees DESC LIMIT 3"
        );
        assert.deepEqual(
            ordered.records.map((record) => record.LastName),
            ['Q149', 'Q148', 'Q147']
        );
        const [first] = created;
        const account = await conn.sobject('Account').create({ Name: 'Parent' });
        await conn.sobject('Contact').create({ LastName: 'Child', AccountId: (account as { id: string }).id });
        const joined = await conn.query<{ LastName: string; Account: { Name: string } }>(
            "SELECT LastName, Account.Name FROM Contact WHERE AccountId IN (SELECT Id FROM Account WHERE Name = 'Parent')"
        );
        assert.equal(joined.records[0]?.Account.Name, 'Parent');
        assert.ok(first);
        await assert.rejects(async () => conn.query('SELECT Bogus__c FROM Lead'), /INVALID_FIELD/);
        await assert.rejects(async () => conn.query('SELECT FROM'), /MALFORMED_QUERY/);
    });

    it('pages query results 2,000 at a time', async () => {
        for (let start = 0; start < 2100; start += 200) {
            await conn.sobject('Campaign').create(
                Array.from({ length: 200 }, (_, index) => ({ Name: `Page ${start + index}` })),
                { allOrNone: true }
            );
        }
        const first = await conn.query("SELECT Id FROM Campaign WHERE Name LIKE 'Page %'");
        assert.equal(first.records.length, 2000);
        assert.equal(first.done, false);
        const all = await conn
            .query("SELECT Id FROM Campaign WHERE Name LIKE 'Page %'")
            .run({ autoFetch: true, maxFetch: 10_000 });
        assert.equal(all.records.length, 2200);
    });

    it('upserts on an external id and refuses duplicates of a unique one', async () => {
        const first = (await conn
            .sobject('Lead')
            .upsert([{ Baton_Seed_Key__c: 'K-1', LastName: 'One', Company: 'C' }], 'Baton_Seed_Key__c')) as {
            created: boolean;
        }[];
        const second = (await conn
            .sobject('Lead')
            .upsert([{ Baton_Seed_Key__c: 'k-1', LastName: 'Uno', Company: 'C' }], 'Baton_Seed_Key__c')) as {
            created: boolean;
        }[];
        assert.deepEqual([first[0]?.created, second[0]?.created], [true, false]);
        const rows = await conn.query<{ LastName: string }>(
            "SELECT LastName FROM Lead WHERE Baton_Seed_Key__c = 'K-1'"
        );
        assert.deepEqual(
            rows.records.map((row) => row.LastName),
            ['Uno']
        );
        const duplicate = (await conn
            .sobject('Lead')
            .create([{ Baton_Seed_Key__c: 'K-1', LastName: 'Dup', Company: 'C' }], { allOrNone: false })) as {
            errors: { statusCode: string }[];
        }[];
        assert.equal(duplicate[0]?.errors[0]?.statusCode, 'DUPLICATE_VALUE');
    });

    it('converts with the standard and LeadConvertSettings mappings, then keeps the lead read-only', async () => {
        const lead = (await conn.sobject('Lead').create({
            LastName: 'Convert',
            Company: 'Convert Co',
            LeadSource: 'Web',
            Fit_Score__c: 70,
            SQL_Date__c: '2026-03-01T10:00:00.000Z'
        })) as { id: string };
        const campaign = (await conn.sobject('Campaign').create({ Name: 'Origin' })) as { id: string };
        await conn.sobject('CampaignMember').create({ CampaignId: campaign.id, LeadId: lead.id });
        const refused = await conn.soap.convertLead({ leadId: lead.id, convertedStatus: 'Working - Contacted' });
        assert.equal(refused.success, false, 'a status that is not a converted status is refused');
        const result = await conn.soap.convertLead({ leadId: lead.id, convertedStatus: 'Closed - Converted' });
        assert.equal(result.success, true);
        const opportunity = await conn.sobject('Opportunity').retrieve(String(result.opportunityId));
        assert.equal(opportunity.Name, 'Convert Co');
        assert.equal(opportunity.LeadSource, 'Web');
        assert.equal(opportunity.Fit_Score__c, 70);
        assert.equal(opportunity.SQL_Date__c, '2026-03-01T10:00:00.000+0000');
        assert.equal(String(opportunity.CampaignId).slice(0, 15), campaign.id.slice(0, 15));
        assert.equal(opportunity.StageName, 'Prospecting');
        const contact = await conn.sobject('Contact').retrieve(String(result.contactId));
        assert.equal(contact.Fit_Score__c, 70);
        await assert.rejects(
            conn.sobject('Lead').update({ Id: lead.id, Title: 'Changed' }),
            /CANNOT_UPDATE_CONVERTED_LEAD/
        );
    });

    it('serves LeadConvertSettings through readMetadata', async () => {
        const settings = (await conn.metadata.read('LeadConvertSettings', 'LeadConvertSettings')) as unknown as {
            objectMapping: { outputObject: string }[];
        };
        assert.deepEqual(
            settings.objectMapping.map((mapping) => mapping.outputObject),
            ['Contact', 'Opportunity']
        );
    });

    it("derives a campaign member's Responded and First Responded Date from its status; neither is writable", async () => {
        const campaign = await conn.sobject('Campaign').create({ Name: 'Spring webinar', ActualCost: 1200 });
        const lead = await conn.sobject('Lead').create({ LastName: 'Hopper', Company: 'Navy' });
        assert.ok(campaign.success && lead.success);
        const member = await conn.sobject('CampaignMember').create({ CampaignId: campaign.id, LeadId: lead.id });
        assert.ok(member.success);
        const read = async (): Promise<{ HasResponded: boolean; FirstRespondedDate: string | null }> => {
            const [record] = (
                await conn.query<{ HasResponded: boolean; FirstRespondedDate: string | null }>(
                    `SELECT HasResponded, FirstRespondedDate FROM CampaignMember WHERE Id = '${member.id}'`
                )
            ).records;
            assert.ok(record);
            return { HasResponded: record.HasResponded, FirstRespondedDate: record.FirstRespondedDate };
        };
        assert.deepEqual(await read(), { HasResponded: false, FirstRespondedDate: null });
        await conn.sobject('CampaignMember').update({ Id: member.id, Status: 'Responded' });
        const responded = await read();
        assert.equal(responded.HasResponded, true);
        assert.equal(responded.FirstRespondedDate, new Date().toISOString().slice(0, 10), 'the day of the change');
        await conn.sobject('CampaignMember').update({ Id: member.id, Status: 'Sent' });
        assert.equal((await read()).FirstRespondedDate, responded.FirstRespondedDate, 'the first response stays');
        await assert.rejects(
            conn.sobject('CampaignMember').update({ Id: member.id, FirstRespondedDate: '2026-01-01' }),
            /INVALID_FIELD_FOR_INSERT_UPDATE/
        );
    });

    it("keeps one campaign membership per person: a member names a lead or a contact, conversion makes it the contact's", async () => {
        // Object Reference, CampaignMember, Usage: a record created with both a ContactId and a LeadId keeps only the
        // ContactId; creating a membership that already exists for the campaign and the lead or contact is an error.
        const campaign = (await conn.sobject('Campaign').create({ Name: 'One per person' })) as { id: string };
        const lead = (await conn.sobject('Lead').create({ LastName: 'Member', Company: 'Member Co' })) as {
            id: string;
        };
        const other = (await conn.sobject('Lead').create({ LastName: 'Other', Company: 'Other Co' })) as { id: string };
        await conn.sobject('CampaignMember').create({ CampaignId: campaign.id, LeadId: lead.id, Status: 'Responded' });
        const converted = await conn.soap.convertLead({ leadId: lead.id, convertedStatus: 'Closed - Converted' });
        assert.equal(converted.success, true);
        const contactId = String(converted.contactId);
        const [member] = (
            await conn.query<{ LeadId: string; ContactId: string }>(
                `SELECT LeadId, ContactId FROM CampaignMember WHERE CampaignId = '${campaign.id}'`
            )
        ).records;
        assert.ok(member);
        assert.equal(member.ContactId.slice(0, 15), contactId.slice(0, 15), "the lead's membership is the contact's");
        assert.equal(member.LeadId.slice(0, 15), lead.id.slice(0, 15), 'and still the lead it came from');
        await assert.rejects(
            conn.sobject('CampaignMember').create({ CampaignId: campaign.id, ContactId: contactId }),
            /DUPLICATE_VALUE/,
            'the contact is already a member through the converted lead'
        );
        const both = (await conn.sobject('CampaignMember').create({
            CampaignId: (await conn.sobject('Campaign').create({ Name: 'Both given' })).id,
            LeadId: other.id,
            ContactId: contactId
        })) as { id: string };
        const stored = await conn.sobject('CampaignMember').retrieve(both.id);
        assert.equal(stored.LeadId, null, 'only the ContactId is kept');
        assert.equal(String(stored.ContactId).slice(0, 15), contactId.slice(0, 15));
    });

    it('injects faults: failing the Nth request, expiring the session, dropping a field', async () => {
        // jsforce itself retries a GET that meets a 5xx, so a 4xx shows the injected failure.
        double.failRequest(2, { status: 400, errorCode: 'UNKNOWN_EXCEPTION' });
        await conn.query('SELECT Id FROM Organization');
        await assert.rejects(async () => conn.query('SELECT Id FROM Organization'), /UNKNOWN_EXCEPTION/);
        await conn.query('SELECT Id FROM Organization');
        double.dropField('Lead', 'Timeline__c');
        await assert.rejects(async () => conn.query('SELECT Timeline__c FROM Lead'), /INVALID_FIELD/);
        const before = double.requestCount;
        double.expireSession();
        await assert.rejects(
            async () => conn.query('SELECT Id FROM Organization'),
            /INVALID_SESSION_ID|Session expired/
        );
        await assert.rejects(conn.soap.getUserInfo(), /INVALID_SESSION_ID/);
        assert.equal(double.requestCount, before + 2);
    });
});
