import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DescribeSObjectResult } from '@jsforce/jsforce-node';
import { readLeadConvertSettings } from '../lib/projectMetadata.ts';
import { markerValue, type DescribeField } from '../verify/markers.ts';
import { planConversion } from '../verify/plan.ts';

const field = (name: string, type: string, extra: Partial<DescribeField> = {}): DescribeField =>
    ({ name, type, length: 80, precision: 0, scale: 0, digits: 0, picklistValues: [], ...extra }) as DescribeField;

const describeOf = (fields: DescribeField[]): DescribeSObjectResult => ({ fields }) as unknown as DescribeSObjectResult;

describe('conversion check markers', () => {
    it('gives each test lead of each run its own identity values (names, email, phone, company)', async () => {
        const { settings } = await readLeadConvertSettings();
        const lead = describeOf(
            ['FirstName', 'LastName', 'Company', 'Title', 'City', 'PostalCode']
                .map((name) => field(name, 'string'))
                .concat([field('Email', 'email'), field('Phone', 'phone')])
        );
        const contact = describeOf(
            ['FirstName', 'LastName', 'Title', 'MailingCity', 'MailingPostalCode']
                .map((name) => field(name, 'string'))
                .concat([field('Email', 'email'), field('Phone', 'phone')])
        );
        const account = describeOf(
            ['Name', 'BillingCity', 'BillingPostalCode']
                .map((name) => field(name, 'string'))
                .concat([field('Phone', 'phone')])
        );
        const opportunity = describeOf([field('Name', 'string')]);
        const describes = new Map([
            ['Lead', lead],
            ['Contact', contact],
            ['Account', account],
            ['Opportunity', opportunity]
        ]);
        const first = planConversion({ ...settings, objectMapping: [] }, describes, 'AAA111');
        const second = planConversion({ ...settings, objectMapping: [] }, describes, 'BBB222');
        const values = [...first.leads, ...second.leads];
        for (const name of ['FirstName', 'LastName', 'Company', 'Email', 'Phone', 'City', 'PostalCode']) {
            const distinct = new Set(values.map((item) => String(item[name]).toLowerCase()));
            assert.equal(distinct.size, 4, `${name} differs for both leads of both runs`);
        }
        assert.match(String(first.leads[0]?.LastName), / AAA111$/, 'the run id marks the record for people');
    });

    it('never ends a cut marker with a space the platform would trim', () => {
        const short = field('Title', 'string', { length: 11 });
        for (let lead = 0; lead < 50; lead++) {
            const marker = String(markerValue(short, [short], { runId: 'ABC123', lead, seed: 1 }));
            assert.equal(marker, marker.trimEnd());
        }
    });

    it('picks a listed country and one of its states when the org has address picklists', () => {
        const bits = Buffer.from([0b01000000]).toString('base64');
        const lead = describeOf([
            field('Country', 'string'),
            field('State', 'string'),
            field('CountryCode', 'picklist', {
                picklistValues: [
                    { value: 'AU', label: 'Australia', active: true, defaultValue: false, validFor: null },
                    { value: 'US', label: 'United States', active: true, defaultValue: false, validFor: null }
                ]
            }),
            field('StateCode', 'picklist', {
                picklistValues: [{ value: 'TX', label: 'Texas', active: true, defaultValue: false, validFor: bits }]
            })
        ]);
        const account = describeOf([field('BillingCountry', 'string'), field('BillingState', 'string')]);
        const plan = planConversion(
            { objectMapping: [] },
            new Map([
                ['Lead', lead],
                ['Account', account],
                ['Contact', describeOf([field('MailingCountry', 'string'), field('MailingState', 'string')])],
                ['Opportunity', describeOf([])]
            ]),
            'R1'
        );
        assert.deepEqual([plan.leads[0]?.Country, plan.leads[0]?.State], ['United States', 'Texas']);
    });
});
