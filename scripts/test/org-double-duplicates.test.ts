/**
 * The org double's duplicate rules, converted-lead references and conversion rules, through
 * jsforce over HTTP (each behaviour cites its Salesforce source in scripts/org-double).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection } from '@jsforce/jsforce-node';
import { ALLOW_DUPLICATES_HEADER } from '../lib/leadConversion.ts';
import { OrgDouble } from '../org-double/server.ts';
import { jsforceTo } from './support.ts';

type SaveResult = { id?: string; success: boolean; errors: { statusCode: string; message: string }[] };

const ada = { FirstName: 'Ada', LastName: 'Lovelace', Company: 'Analytical Engines', Email: 'ada@engines.example.com' };

describe('standard duplicate rules (org double)', () => {
    let double: OrgDouble;
    let conn: Connection;
    before(async () => {
        double = await OrgDouble.start();
        conn = jsforceTo(double);
    });
    after(() => double.stop());

    it('blocks a new lead that matches a lead on first + last + email, naming the rule, unless the header allows it', async () => {
        await conn.sobject('Lead').create(ada);
        const twin = { ...ada, FirstName: 'ADA', Company: 'Other Co', Email: 'ADA@engines.example.com ' };
        const [blocked] = (await conn.sobject('Lead').create([twin], { allOrNone: false })) as SaveResult[];
        assert.equal(blocked?.errors[0]?.statusCode, 'DUPLICATES_DETECTED');
        assert.equal(blocked.errors[0].message, 'Use one of these records?');
        const detail = blocked.errors[0] as unknown as {
            duplicateResult: { duplicateRule: string; matchResults: { rule: string; matchRecords: unknown[] }[] };
        };
        assert.equal(detail.duplicateResult.duplicateRule, 'Standard_Lead_Duplicate_Rule');
        assert.equal(detail.duplicateResult.matchResults[0]?.rule, 'Standard_Lead_Match_Rule_v1_0');
        const [allowed] = (await conn
            .sobject('Lead')
            .create([twin], { allOrNone: false, headers: ALLOW_DUPLICATES_HEADER })) as SaveResult[];
        assert.equal(allowed?.success, true);
    });

    it('matches on first + last + phone and first + last + title + company, never on blank fields', async () => {
        await conn.sobject('Contact').create({ FirstName: 'Grace', LastName: 'Hopper', Phone: '+1 (555) 010-2000' });
        const byPhone = (await conn
            .sobject('Lead')
            .create([{ FirstName: 'Grace', LastName: 'Hopper', Company: 'Navy', Phone: '1 555 010 2000' }], {
                allOrNone: false
            })) as SaveResult[];
        assert.equal(
            byPhone[0]?.errors[0]?.statusCode,
            'DUPLICATES_DETECTED',
            'a lead matching a contact (cross-object)'
        );
        await conn
            .sobject('Lead')
            .create({ FirstName: 'Alan', LastName: 'Turing', Title: 'Fellow', Company: 'Bletchley Park Ltd' });
        const byTitle = (await conn.sobject('Lead').create(
            [
                { FirstName: 'Alan', LastName: 'Turing', Title: 'fellow', Company: 'Bletchley Park' },
                { FirstName: 'Alan', LastName: 'Turing', Company: 'Bletchley Park' },
                { LastName: 'Turing', Company: 'Bletchley Park', Title: 'Fellow' }
            ],
            { allOrNone: false }
        )) as SaveResult[];
        assert.deepEqual(
            byTitle.map((result) => result.errors[0]?.statusCode ?? 'saved'),
            ['DUPLICATES_DETECTED', 'saved', 'saved']
        );
    });

    it('does not block edits (the standard rules only report on edit)', async () => {
        const [first] = (await conn
            .sobject('Lead')
            .create([
                { FirstName: 'Edsger', LastName: 'Dijkstra', Company: 'TH Eindhoven', Email: 'ed@th.example.com' }
            ])) as SaveResult[];
        const [second] = (await conn
            .sobject('Lead')
            .create([{ FirstName: 'Edsger', LastName: 'Dijkstra', Company: 'UT Austin' }])) as SaveResult[];
        await conn.sobject('Lead').update({ Id: String(second?.id), Email: 'ed@th.example.com' });
        assert.ok(first?.success);
    });
});

describe('lead conversion and duplicates with "Require Validation for Converted Leads" (org double)', () => {
    it('blocks a conversion whose new contact duplicates another lead, whatever the rule action or header', async () => {
        const double = await OrgDouble.start({ requireValidationForConvertedLeads: true });
        try {
            const conn = jsforceTo(double);
            const [first, second] = (await conn
                .sobject('Lead')
                .create([ada, ada], { allOrNone: true, headers: ALLOW_DUPLICATES_HEADER })) as SaveResult[];
            const envelope = (header: string): string =>
                `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com">` +
                `<soapenv:Header><urn:SessionHeader><urn:sessionId>${double.accessToken}</urn:sessionId></urn:SessionHeader>${header}</soapenv:Header>` +
                `<soapenv:Body><urn:convertLead><urn:leadConverts><urn:convertedStatus>Closed - Converted</urn:convertedStatus>` +
                `<urn:doNotCreateOpportunity>false</urn:doNotCreateOpportunity><urn:leadId>${String(first?.id)}</urn:leadId></urn:leadConverts></urn:convertLead></soapenv:Body></soapenv:Envelope>`;
            const response = await fetch(`${double.url}/services/Soap/u/65.0`, {
                method: 'POST',
                headers: { 'content-type': 'text/xml', soapaction: '""' },
                body: envelope('<urn:DuplicateRuleHeader><urn:allowSave>true</urn:allowSave></urn:DuplicateRuleHeader>')
            });
            const xml = await response.text();
            assert.match(xml, /<success>false<\/success>/);
            assert.match(
                xml,
                /<errors xsi:type="DuplicateError"><duplicateResult><allowSave>false<\/allowSave><duplicateRule>Standard_Contact_Duplicate_Rule<\/duplicateRule>/
            );
            assert.match(xml, /<rule>Standard_Lead_Match_Rule_v1_0<\/rule>/);
            assert.ok(xml.includes(`<sf:Id>${String(second?.id)}</sf:Id>`), 'names the other lead');
            assert.match(xml, /<statusCode>DUPLICATES_DETECTED<\/statusCode>/);
            assert.equal(double.state.store.all('Account').length, 0, 'nothing of the blocked conversion stays');
            await conn.sobject('Lead').destroy(String(first?.id));
            const result = await conn.soap.convertLead({
                leadId: String(second?.id),
                convertedStatus: 'Closed - Converted'
            });
            assert.equal(result.success, true, 'without its twin the lead converts (it is never its own duplicate)');
        } finally {
            await double.stop();
        }
    });

    it('runs neither duplicate nor validation rules on conversion when the setting is off (KB 000204497)', async () => {
        const double = await OrgDouble.start({ requireValidationForConvertedLeads: false });
        try {
            const conn = jsforceTo(double);
            double.addValidationRule({
                object: 'Opportunity',
                message: 'Amount required',
                failsWhen: (record) => record.Amount === null
            });
            const [first] = (await conn
                .sobject('Lead')
                .create([ada, ada], { allOrNone: true, headers: ALLOW_DUPLICATES_HEADER })) as SaveResult[];
            const result = await conn.soap.convertLead({
                leadId: String(first?.id),
                convertedStatus: 'Closed - Converted'
            });
            assert.equal(result.success, true);
        } finally {
            await double.stop();
        }
    });

    it('converts a queue-owned lead only with a user as ownerId, and at most 100 leads a call', async () => {
        const double = await OrgDouble.start();
        try {
            const conn = jsforceTo(double);
            const queue = double.addQueue('SDR_Queue');
            const lead = (await conn
                .sobject('Lead')
                .create({ LastName: 'Queued', Company: 'Q Co', OwnerId: queue })) as { id: string };
            const refused = await conn.soap.convertLead({ leadId: lead.id, convertedStatus: 'Closed - Converted' });
            assert.equal(refused.success, false);
            assert.match(JSON.stringify(refused.errors), /Converted objects can only be owned by users/);
            const userId = double.state.store.currentUserId;
            const converted = await conn.soap.convertLead({
                leadId: lead.id,
                convertedStatus: 'Closed - Converted',
                ownerId: userId
            });
            assert.equal(converted.success, true);
            assert.equal(double.state.store.find(String(converted.accountId))?.record.OwnerId, userId);
            const many = Array.from({ length: 101 }, () => ({
                leadId: lead.id,
                convertedStatus: 'Closed - Converted'
            }));
            await assert.rejects(conn.soap.convertLead(many), /EXCEEDED_ID_LIMIT/);
        } finally {
            await double.stop();
        }
    });

    it('refuses every reference to a converted lead (CANNOT_UPDATE_CONVERTED_LEAD)', async () => {
        const double = await OrgDouble.start();
        try {
            const conn = jsforceTo(double);
            const lead = (await conn
                .sobject('Lead')
                .create({ LastName: 'Done', Company: 'D Co', Baton_Seed_Key__c: 'k-done' })) as {
                id: string;
            };
            await conn.soap.convertLead({ leadId: lead.id, convertedStatus: 'Closed - Converted' });
            const campaign = (await conn.sobject('Campaign').create({ Name: 'After' })) as { id: string };
            const results = (await conn
                .sobject('Lead_SLA__c')
                .create([{ Lead__c: lead.id, Stage__c: 'MQL' }], { allOrNone: false })) as SaveResult[];
            assert.equal(results[0]?.errors[0]?.statusCode, 'CANNOT_UPDATE_CONVERTED_LEAD');
            const byKey = (await conn
                .sobject('Lead_SLA__c')
                .upsert(
                    [{ Baton_Seed_Key__c: 'clock', Lead__r: { Baton_Seed_Key__c: 'k-done' }, Stage__c: 'MQL' }],
                    'Baton_Seed_Key__c',
                    {
                        allOrNone: false
                    }
                )) as SaveResult[];
            assert.equal(byKey[0]?.errors[0]?.statusCode, 'CANNOT_UPDATE_CONVERTED_LEAD');
            const member = (await conn
                .sobject('CampaignMember')
                .create([{ CampaignId: campaign.id, LeadId: lead.id }], { allOrNone: false })) as SaveResult[];
            assert.equal(member[0]?.errors[0]?.message, 'cannot reference converted lead');
        } finally {
            await double.stop();
        }
    });
});
