/**
 * Reps see complete explanations only if they can read the fields the rules read: every Lead field the shipped
 * criteria and SLA policy segments read is readable with each Baton permission set that shows rule results
 * (Baton_SDR, Baton_Manager, Baton_Admin). Apex's LeadQueueControllerTest checks the same standard fields as a
 * Minimum Access user in an org; this test keeps that list honest when the shipped records change.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../lib/project.ts';
import { readCustomMetadataRecords } from '../lib/projectMetadata.ts';
import { childrenNamed, childText, parseXml } from '../validate/xml.ts';

const PERMISSION_SETS = ['Baton_SDR', 'Baton_Manager', 'Baton_Admin'];
/** Lead.Company is required: always readable, and field permissions cannot be set on it. */
const ALWAYS_READABLE = new Set(['Company']);
/** Address parts take their field-level security from the compound Address field. */
const ADDRESS_PARTS = new Set(['Street', 'City', 'State', 'PostalCode', 'Country']);
/** The standard fields LeadQueueControllerTest.anSdrReadsEveryStandardFieldTheShippedRulesRead checks. */
const APEX_CHECKED = ['Company', 'Country', 'Email', 'LeadSource', 'NumberOfEmployees', 'Phone', 'Rating', 'Title'];

async function readableLeadFields(permissionSet: string): Promise<Set<string>> {
    const file = path.join(
        PROJECT_ROOT,
        'force-app/main/default/permissionsets',
        `${permissionSet}.permissionset-meta.xml`
    );
    const parsed = parseXml(await readFile(file, 'utf8'));
    assert.ok('root' in parsed, `${file} parses`);
    const readable = new Set<string>();
    for (const entry of childrenNamed(parsed.root, 'fieldPermissions')) {
        const [object, field] = (childText(entry, 'field') ?? '').split('.');
        if (object === 'Lead' && field && childText(entry, 'readable') === 'true') {
            readable.add(field);
        }
    }
    return readable;
}

async function fieldsTheShippedRecordsRead(): Promise<Set<string>> {
    const fields = new Set<string>();
    for (const record of await readCustomMetadataRecords()) {
        const field =
            record.type === 'Lead_Stage_Criterion__mdt'
                ? record.values.Field__c
                : record.type === 'Lead_SLA_Policy__mdt'
                  ? record.values.Segment_Field__c
                  : null;
        if (field) {
            fields.add(field.trim());
        }
    }
    return fields;
}

describe('Baton permission sets and the fields the shipped rules read', () => {
    it('let every Baton user who sees rule results read every field a shipped rule or segment reads', async () => {
        const needed = await fieldsTheShippedRecordsRead();
        assert.ok(needed.has('Email') && needed.has('Rating'), `the shipped records read: ${[...needed].join(', ')}`);
        for (const permissionSet of PERMISSION_SETS) {
            const readable = await readableLeadFields(permissionSet);
            const missing = [...needed].filter(
                (field) => !ALWAYS_READABLE.has(field) && !readable.has(ADDRESS_PARTS.has(field) ? 'Address' : field)
            );
            assert.deepEqual(missing, [], `${permissionSet} cannot read`);
        }
    });

    it('are checked in Apex for every standard field the shipped records read', async () => {
        const standard = [...(await fieldsTheShippedRecordsRead())].filter((field) => !field.endsWith('__c'));
        const unchecked = standard.filter((field) => !APEX_CHECKED.includes(field));
        assert.deepEqual(unchecked, [], 'add these to the Apex test and to APEX_CHECKED');
        const apexTest = await readFile(
            path.join(PROJECT_ROOT, 'force-app/main/default/classes/queue/LeadQueueControllerTest.cls'),
            'utf8'
        );
        for (const field of APEX_CHECKED) {
            assert.ok(apexTest.includes(`'${field}'`), `LeadQueueControllerTest checks ${field}`);
        }
    });
});
