/**
 * The org double's smaller platform rules, through jsforce over HTTP: Composite and SOQL limits,
 * describe defaults, standard picklist values, trimming, metadata names, JWT tokens on SOAP,
 * address picklists, the Marketing User flag and Bulk API row locks.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection } from '@jsforce/jsforce-node';
import { OrgDouble } from '../org-double/server.ts';
import { jsforceTo } from './support.ts';

type DescribeField = {
    name: string;
    filterable: boolean;
    defaultValue: unknown;
    controllerName: string | null;
    picklistValues: { value: string; label: string; defaultValue: boolean; validFor: string | null }[];
};

describe('org double limits and defaults', () => {
    let double: OrgDouble;
    let conn: Connection;
    before(async () => {
        double = await OrgDouble.start();
        conn = jsforceTo(double);
    });
    after(() => double.stop());

    it('takes at most 5 query or collection subrequests in one Composite request', async () => {
        const compositeRequest = (count: number): unknown[] =>
            Array.from({ length: count }, (_, index) => ({
                method: 'GET',
                url: '/services/data/v65.0/query?q=SELECT+Id+FROM+Organization',
                referenceId: `q${index}`
            }));
        const five = await conn.request<{ compositeResponse: unknown[] }>({
            method: 'POST',
            url: '/composite',
            body: JSON.stringify({ compositeRequest: compositeRequest(5) }),
            headers: { 'content-type': 'application/json' }
        });
        assert.equal(five.compositeResponse.length, 5);
        await assert.rejects(
            conn.request({
                method: 'POST',
                url: '/composite',
                body: JSON.stringify({ compositeRequest: compositeRequest(6) }),
                headers: { 'content-type': 'application/json' }
            }),
            /at most 5 query/
        );
    });

    it('refuses filters on long text areas and the semi-join forms SOQL does not allow', async () => {
        await assert.rejects(
            async () => conn.query("SELECT Id FROM Lead WHERE Description = 'x'"),
            /'Description' can not be filtered/
        );
        const refused = [
            "SELECT Id FROM Lead WHERE Id IN (SELECT LeadId FROM CampaignMember) OR LastName = 'x'",
            'SELECT Id FROM Lead WHERE NOT Id IN (SELECT LeadId FROM CampaignMember)',
            'SELECT Id FROM Lead WHERE Id IN (SELECT LeadId FROM CampaignMember) AND Id IN (SELECT LeadId FROM CampaignMember) AND Id IN (SELECT LeadId FROM CampaignMember)',
            'SELECT Id FROM Lead WHERE LastName IN (SELECT Name FROM Campaign)',
            'SELECT Id FROM Lead WHERE Id IN (SELECT Status FROM CampaignMember)',
            'SELECT Id FROM Campaign WHERE Id IN (SELECT CampaignId FROM CampaignMember WHERE LeadId IN (SELECT Id FROM Lead))'
        ];
        for (const soql of refused) {
            await assert.rejects(async () => conn.query(soql), /MALFORMED_QUERY|INVALID_FIELD/, soql);
        }
        const allowed = await conn.query(
            'SELECT Id FROM Lead WHERE Id IN (SELECT LeadId FROM CampaignMember) AND Id NOT IN (SELECT LeadId FROM CampaignMember)'
        );
        assert.equal(allowed.totalSize, 0);
    });

    it('describes defaultValue and filterable as the platform does', async () => {
        const lead = (await conn.sobject('Lead').describe()).fields as unknown as DescribeField[];
        const campaign = (await conn.sobject('Campaign').describe()).fields as unknown as DescribeField[];
        const field = (fields: DescribeField[], name: string): DescribeField | undefined =>
            fields.find((item) => item.name === name);
        assert.equal(field(campaign, 'IsActive')?.defaultValue, false);
        assert.equal(field(lead, 'Status')?.defaultValue, null, 'a picklist flags its default on the value');
        assert.equal(
            field(lead, 'Status')?.picklistValues.find((entry) => entry.defaultValue)?.value,
            'Open - Not Contacted'
        );
        assert.equal(field(lead, 'Description')?.filterable, false);
        assert.equal(field(lead, 'Street')?.filterable, true);
    });

    it('ships the standard picklist values and their defaults, and trims text on save', async () => {
        const lead = (await conn.sobject('Lead').describe()).fields as unknown as DescribeField[];
        const values = (name: string): string[] =>
            lead.find((item) => item.name === name)?.picklistValues.map((entry) => entry.value) ?? [];
        assert.deepEqual(values('LeadSource'), ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other']);
        assert.ok(values('Industry').includes('Finance') && !values('Industry').includes('Financial Services'));
        const campaign = (await conn.sobject('Campaign').create({ Name: '  Spring launch  ' })) as { id: string };
        const saved = await conn.sobject('Campaign').retrieve(campaign.id);
        assert.deepEqual([saved.Name, saved.Type, saved.Status], ['Spring launch', 'Conference', 'Planned']);
        const blank = (await conn.sobject('Lead').create({ LastName: 'Trim', Company: 'T', Title: '   ' })) as {
            id: string;
        };
        assert.equal((await conn.sobject('Lead').retrieve(blank.id)).Title, null);
    });

    it('names LeadConvertSettings as listMetadata lists it, reads nothing for other names, refuses unknown types', async () => {
        const listed = await conn.metadata.list({ type: 'LeadConvertSettings' });
        assert.deepEqual(
            listed.map((file) => file.fullName),
            ['LeadConvertSettings']
        );
        const [known, unknown] = (await conn.metadata.read('LeadConvertSettings', [
            'LeadConvertSettings',
            'LeadConvert'
        ])) as unknown as { fullName?: string }[];
        assert.equal(known?.fullName, 'LeadConvertSettings');
        assert.equal(unknown?.fullName, undefined);
        await assert.rejects(conn.metadata.read('NoSuchSettings' as never, 'X'), /INVALID_TYPE/);
    });
});

describe('org double options that change the org', () => {
    it('refuses JWT-based access tokens on SOAP below API 68.0, accepts them on REST and from 68.0', async () => {
        const double = await OrgDouble.start({ jwtAccessTokens: true });
        try {
            const old = jsforceTo(double);
            assert.equal((await old.query('SELECT Id FROM Organization')).totalSize, 1);
            await assert.rejects(old.soap.getUserInfo(), /JWT-based access tokens/, 'jsforce refuses before sending');
            const envelope = (version: string): Promise<string> =>
                fetch(`${double.url}/services/Soap/u/${version}`, {
                    method: 'POST',
                    headers: { 'content-type': 'text/xml', soapaction: '""' },
                    body: `<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header><SessionHeader><sessionId>${double.accessToken}</sessionId></SessionHeader></soapenv:Header><soapenv:Body><getUserInfo/></soapenv:Body></soapenv:Envelope>`
                }).then((response) => response.text());
            assert.match(await envelope('65.0'), /INVALID_SESSION_ID/);
            assert.match(await envelope('68.0'), /<userId>/);
        } finally {
            await double.stop();
        }
    });

    it('with State and Country picklists, accepts listed names or codes only and fills in the other form', async () => {
        const double = await OrgDouble.start({ stateCountryPicklists: true });
        try {
            const conn = jsforceTo(double);
            const lead = (await conn.sobject('Lead').create({
                LastName: 'Address',
                Company: 'A',
                Country: 'united states',
                State: 'TX'
            })) as { id: string };
            const saved = await conn.sobject('Lead').retrieve(lead.id);
            assert.deepEqual(
                [saved.Country, saved.CountryCode, saved.State, saved.StateCode],
                ['United States', 'US', 'Texas', 'TX']
            );
            const refused = (await conn.sobject('Lead').create(
                [
                    { LastName: 'B', Company: 'B', Country: 'Narnia' },
                    { LastName: 'C', Company: 'C', Country: 'Ireland', State: 'Texas' }
                ],
                { allOrNone: false }
            )) as { errors: { statusCode: string; message: string }[] }[];
            assert.deepEqual(
                refused.map((result) => result.errors[0]?.statusCode),
                ['FIELD_INTEGRITY_EXCEPTION', 'FIELD_INTEGRITY_EXCEPTION']
            );
            const fields = (await conn.sobject('Lead').describe()).fields as unknown as DescribeField[];
            const stateCode = fields.find((field) => field.name === 'StateCode');
            const countryCodes = fields.find((field) => field.name === 'CountryCode')?.picklistValues ?? [];
            assert.equal(stateCode?.controllerName, 'CountryCode');
            const bits = Buffer.from(stateCode.picklistValues[0]?.validFor ?? '', 'base64');
            const us = countryCodes.findIndex((entry) => entry.value === 'US');
            assert.ok(((bits[us >> 3] ?? 0) & (0x80 >> (us & 7))) !== 0, 'a US state is valid for US');
            assert.equal(countryCodes[us]?.label, 'United States');
        } finally {
            await double.stop();
        }
    });

    it('without the Marketing User checkbox, campaigns cannot be created', async () => {
        const double = await OrgDouble.start({ marketingUser: false });
        try {
            const conn = jsforceTo(double);
            assert.equal((await conn.sobject('Campaign').describe()).createable, false);
            await assert.rejects(conn.sobject('Campaign').create({ Name: 'No' }), /INSUFFICIENT_ACCESS_OR_READONLY/);
        } finally {
            await double.stop();
        }
    });

    it('fails Bulk API rows whose parent spans internal batches with UNABLE_TO_LOCK_ROW, reproducibly', async () => {
        const run = async (rows: 'interleaved' | 'by parent', rate: number): Promise<string[]> => {
            const double = await OrgDouble.start({ rowLocks: { seed: 7, rate, batchSize: 2 } });
            try {
                const conn = jsforceTo(double);
                const leads = (await conn
                    .sobject('Lead')
                    .create(Array.from({ length: 2 }, (_, index) => ({ LastName: `P${index}`, Company: 'P' })))) as {
                    id: string;
                }[];
                const parents = leads.map((lead) => lead.id);
                const order = rows === 'interleaved' ? [0, 1, 0, 1] : [0, 0, 1, 1];
                const csv = ['Lead__c,Stage__c', ...order.map((index) => `${parents[index] ?? ''},MQL`)].join('\n');
                const results = await conn.bulk2.loadAndWaitForResults({
                    object: 'Lead_SLA__c',
                    operation: 'insert',
                    input: csv,
                    pollInterval: 5,
                    pollTimeout: 10_000
                });
                return results.failedResults.map((row) => row.sf__Error);
            } finally {
                await double.stop();
            }
        };
        const locked = await run('interleaved', 1);
        assert.equal(locked.length, 4);
        assert.ok(locked.every((error) => error.startsWith('UNABLE_TO_LOCK_ROW:unable to obtain exclusive access')));
        assert.deepEqual(await run('by parent', 1), [], 'children of one parent in one batch do not contend');
        assert.deepEqual(
            await run('interleaved', 0.5),
            await run('interleaved', 0.5),
            'the same seed fails the same rows'
        );
    });
});
