import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../lib/project.ts';
import { OrgDouble } from '../org-double/server.ts';
import { seed } from '../seed.ts';
import { verifyConversion } from '../verify-conversion.ts';
import { checkConversionMappingOffline } from '../verify/offline.ts';
import { authFor, baseSeedOptions, capture, runScript } from './support.ts';

const CREATED_BY_VERIFY = ['Lead', 'Account', 'Contact', 'Opportunity', 'Campaign', 'CampaignMember'];

function leftovers(double: OrgDouble): number {
    return CREATED_BY_VERIFY.reduce((sum, object) => sum + double.state.store.all(object).length, 0);
}

/** Campaigns and memberships a plain seed wrote. */
function seededMembers(double: OrgDouble): number {
    return ['Campaign', 'CampaignMember'].reduce(
        (sum, object) => sum + double.state.store.all(object).filter((record) => record.Baton_Seed_Key__c).length,
        0
    );
}

describe('verify:conversion against the org double', () => {
    it('passes every check and leaves nothing behind', async () => {
        const double = await OrgDouble.start();
        try {
            const report = await verifyConversion(authFor(double), { keep: false, allowProduction: false }, capture());
            assert.equal(report.ok, true);
            assert.deepEqual(report.drift, []);
            const targets = report.rows.map((row) => row.target);
            for (const target of [
                'Account.Name',
                'Contact.LastName',
                'Contact.LeadSource',
                'Opportunity.LeadSource',
                'Opportunity.CampaignId',
                'Opportunity.StageName',
                'Opportunity.SQL_Date__c',
                'Contact.MQL_Date__c'
            ]) {
                assert.ok(targets.includes(target), target);
            }
            assert.equal(leftovers(double), 0);
        } finally {
            await double.stop();
        }
    });

    it('keeps the records with --keep', async () => {
        const double = await OrgDouble.start();
        try {
            const report = await verifyConversion(authFor(double), { keep: true, allowProduction: false }, capture());
            assert.equal(report.ok, true);
            assert.equal(double.state.store.all('Opportunity').length, 2);
            assert.equal(
                report.left.length,
                10,
                'campaign, membership, two leads and their accounts, contacts and opportunities'
            );
        } finally {
            await double.stop();
        }
    });

    it('passes under the standard duplicate rules with Require Validation for Converted Leads, beside an earlier run and seeded leads', async () => {
        const double = await OrgDouble.start({ requireValidationForConvertedLeads: true, duplicateRules: true });
        try {
            await seed(authFor(double), baseSeedOptions(60, false), capture());
            const earlier = await verifyConversion(authFor(double), { keep: true, allowProduction: false }, capture());
            assert.equal(earlier.ok, true);
            const report = await verifyConversion(authFor(double), { keep: false, allowProduction: false }, capture());
            assert.equal(report.ok, true, 'test leads match neither each other, an earlier run nor seeded data');
            assert.equal(leftovers(double) - earlier.left.length - 60 - seededMembers(double), 0);
        } finally {
            await double.stop();
        }
    });

    it('names the duplicate rule that blocks conversion, and what to do', async () => {
        const double = await OrgDouble.start();
        try {
            const existing = double.state.store.insert('Account', { Name: 'Acme' });
            double.addDuplicateRule({
                name: 'Acme_Account_Block',
                object: 'Account',
                actionOnInsert: 'Block',
                alertText: 'An account like this exists',
                matchers: [{ against: 'Account', matchingRule: 'Acme_Any_Account', matches: () => true }]
            });
            await assert.rejects(
                verifyConversion(authFor(double), { keep: false, allowProduction: false }, capture()),
                (error: Error & { hint?: string }) => {
                    assert.match(
                        error.message,
                        new RegExp(
                            `The duplicate rule Acme_Account_Block \\(Account\\) stopped converting the test lead: it matches ${existing} \\(DUPLICATES_DETECTED\\)`
                        )
                    );
                    assert.match(error.message, /KB 000204497/);
                    assert.match(
                        error.hint ?? '',
                        /deactivate or narrow Acme_Account_Block in Setup → Duplicate Rules/
                    );
                    return true;
                }
            );
            assert.equal(leftovers(double), 1, 'only the account that was there before');
        } finally {
            await double.stop();
        }
    });

    it('leaves nothing behind when one of the two conversions fails and the other succeeds', async () => {
        const double = await OrgDouble.start();
        try {
            double.addValidationRule({
                object: 'Opportunity',
                message: 'Campaign opportunities need an amount',
                failsWhen: (record) => record.CampaignId !== null && record.Amount === null
            });
            await assert.rejects(
                verifyConversion(authFor(double), { keep: false, allowProduction: false }, capture()),
                /"Campaign opportunities need an amount"/
            );
            assert.equal(leftovers(double), 0);
        } finally {
            await double.stop();
        }
    });

    it('leaves nothing behind whichever request fails, before or after the org did the work', async () => {
        const clean = await OrgDouble.start();
        const requests = await (async () => {
            try {
                await verifyConversion(authFor(clean), { keep: false, allowProduction: false }, capture());
                return clean.requestCount;
            } finally {
                await clean.stop();
            }
        })();
        const cleanupRequests = 2;
        for (let step = 1; step <= requests; step++) {
            for (const fault of [{ status: 400 }, { afterProcessing: true }]) {
                const double = await OrgDouble.start();
                try {
                    double.failRequest(step, fault);
                    let reported: string[] = [];
                    try {
                        reported = (
                            await verifyConversion(authFor(double), { keep: false, allowProduction: false }, capture())
                        ).left;
                    } catch (error) {
                        reported =
                            /left in the org[^:]*: (.*)\.$/.exec((error as Error).message)?.[1]?.split(', ') ?? [];
                    }
                    const label = `request ${step} of ${requests} failing ${fault.status ? 'with 400' : 'after processing'}`;
                    const left = CREATED_BY_VERIFY.flatMap((object) =>
                        double.state.store.all(object).map((record) => String(record.Id))
                    );
                    assert.deepEqual(
                        left.filter((id) => !reported.includes(id)),
                        [],
                        `${label}: every record left is reported`
                    );
                    if (step <= requests - cleanupRequests) {
                        assert.equal(leftovers(double), 0, `${label}: nothing left`);
                    }
                } finally {
                    await double.stop();
                }
            }
        }
    });

    it("fails the Baton check where Baton's trigger did not run, though the stage is the org's default", async () => {
        const double = await OrgDouble.start({ batonTrigger: false });
        try {
            const report = await verifyConversion(authFor(double), { keep: false, allowProduction: false }, capture());
            assert.equal(report.ok, false);
            const baton = report.rows.find((row) => row.target === 'Lead.Lifecycle_Stage__c');
            assert.equal(baton?.ok, false);
            assert.match(baton.note ?? '', /LeadTrigger is deployed and active/);
            const stage = report.rows.find((row) => row.target === 'Opportunity.StageName');
            assert.equal(stage?.ok, true);
            assert.match(stage.note ?? '', /also the org's default stage/);
            assert.equal(leftovers(double), 0);
        } finally {
            await double.stop();
        }
    });

    it('says the user holds the bypass permission when that kept Baton from running', async () => {
        const double = await OrgDouble.start({ assignedPermissionSets: ['Baton_Bypass_Automation'] });
        try {
            const report = await verifyConversion(authFor(double), { keep: false, allowProduction: false }, capture());
            const baton = report.rows.find((row) => row.target === 'Lead.Lifecycle_Stage__c');
            assert.match(baton?.note ?? '', /holds Baton_Bypass_Automation/);
        } finally {
            await double.stop();
        }
    });

    it('finds LeadConvertSettings with listMetadata and says so clearly when the org has none', async () => {
        const double = await OrgDouble.start();
        try {
            double.dropLeadConvertSettings();
            await assert.rejects(
                verifyConversion(authFor(double), { keep: false, allowProduction: false }, capture()),
                (error: Error & { hint?: string }) => {
                    assert.match(error.message, /listMetadata found no LeadConvertSettings component/);
                    assert.match(error.hint ?? '', /Modify Metadata Through Metadata API Functions/);
                    return true;
                }
            );
            assert.equal(leftovers(double), 0);
        } finally {
            await double.stop();
        }
    });

    it('converts test leads a queue owns with the running user as owner', async () => {
        const double = await OrgDouble.start();
        try {
            double.assignNewLeadsTo(double.addQueue('SDR_Queue'));
            const report = await verifyConversion(authFor(double), { keep: true, allowProduction: false }, capture());
            assert.equal(report.ok, true);
            const owners = new Set(double.state.store.all('Opportunity').map((opportunity) => opportunity.OwnerId));
            assert.deepEqual([...owners], [double.state.store.currentUserId]);
        } finally {
            await double.stop();
        }
    });

    it('passes with State and Country/Territory Picklists on (valid country and state markers)', async () => {
        const double = await OrgDouble.start({ stateCountryPicklists: true });
        try {
            const report = await verifyConversion(authFor(double), { keep: false, allowProduction: false }, capture());
            assert.equal(report.ok, true, JSON.stringify(report.rows.filter((row) => !row.ok)));
            assert.ok(
                report.rows.some((row) => row.target === 'Account.BillingCountry' && row.actual === 'United States')
            );
        } finally {
            await double.stop();
        }
    });

    it('says a user without Marketing User cannot create the test campaign, before writing anything', async () => {
        const double = await OrgDouble.start({ marketingUser: false });
        try {
            await assert.rejects(
                verifyConversion(authFor(double), { keep: false, allowProduction: false }, capture()),
                (error: Error & { hint?: string }) => {
                    assert.match(error.message, /lacks permission to create Campaign, delete Campaign/);
                    assert.match(error.hint ?? '', /tick Marketing User on your user record/);
                    return true;
                }
            );
            assert.equal(leftovers(double), 0);
        } finally {
            await double.stop();
        }
    });

    it('refuses a JWT-based access token (SOAP below API 68.0) before calling the org', async () => {
        const double = await OrgDouble.start({ jwtAccessTokens: true });
        try {
            await assert.rejects(
                verifyConversion(authFor(double), { keep: false, allowProduction: false }, capture()),
                (error: Error & { hint?: string }) => {
                    assert.match(error.message, /JWT-based access token.*API 68\.0/);
                    assert.match(error.hint ?? '', /Issue JSON Web Token \(JWT\)-based access tokens/);
                    return true;
                }
            );
            assert.equal(double.requestCount, 0);
            assert.equal(
                (await seed(authFor(double), baseSeedOptions(20, false), capture())).ok,
                true,
                'seeding needs no SOAP'
            );
        } finally {
            await double.stop();
        }
    });

    it('explains a validation rule that blocks conversion, and still cleans up', async () => {
        const double = await OrgDouble.start();
        try {
            double.addValidationRule({
                object: 'Opportunity',
                message: 'Amount is required for new opportunities',
                failsWhen: (record) => record.Amount === null
            });
            await assert.rejects(
                verifyConversion(authFor(double), { keep: false, allowProduction: false }, capture()),
                (error: Error & { hint?: string }) => {
                    assert.match(
                        error.message,
                        /validation rule on Account, Contact or Opportunity.*"Amount is required for new opportunities".*FIELD_CUSTOM_VALIDATION_EXCEPTION/
                    );
                    assert.match(error.hint ?? '', /Validation Rules/);
                    return true;
                }
            );
            assert.equal(leftovers(double), 0);
        } finally {
            await double.stop();
        }
    });

    it('names the object and message of a validation rule that refuses the test lead', async () => {
        const double = await OrgDouble.start();
        try {
            double.addValidationRule({
                object: 'Lead',
                message: 'Leads need a Rating',
                failsWhen: (record) => record.Rating === null
            });
            await assert.rejects(
                verifyConversion(authFor(double), { keep: false, allowProduction: false }, capture()),
                /A validation rule on Lead stopped creating the test leads: "Leads need a Rating"/
            );
            assert.equal(leftovers(double), 0);
        } finally {
            await double.stop();
        }
    });

    it('lists the kept test records when a step fails with --keep', async () => {
        const double = await OrgDouble.start();
        try {
            double.addValidationRule({
                object: 'Opportunity',
                message: 'No new deals this week',
                failsWhen: () => true
            });
            await assert.rejects(
                verifyConversion(authFor(double), { keep: true, allowProduction: false }, capture()),
                /"No new deals this week".*Test records left in the org, kept \(--keep\): 701\w+, 00Q\w+, 00Q\w+, 00v\w+\./
            );
            assert.equal(double.state.store.all('Lead').length, 2);
        } finally {
            await double.stop();
        }
    });

    it('exits 1 and names the field when the org maps it wrongly (command run)', async () => {
        const double = await OrgDouble.start();
        try {
            double.setConversionMapping('Fit_Score__c', 'Opportunity', null);
            double.setConversionMapping('Interest_Score__c', 'Opportunity', 'Fit_Score__c');
            const result = await runScript('verify-conversion.ts', [], {
                SF_INSTANCE_URL: double.url,
                SF_ACCESS_TOKEN: double.accessToken
            });
            assert.equal(result.code, 1, result.stderr);
            assert.match(result.stdout, /✗ Lead\.Fit_Score__c → Opportunity\.Fit_Score__c {2}\(project only\)/);
            assert.match(result.stdout, /✗ Lead\.Interest_Score__c → Opportunity\.Fit_Score__c {2}\(org only\)/);
            assert.match(result.stdout, /Lead\.Fit_Score__c +\d+ +Opportunity\.Fit_Score__c +\d+ +\d+ +✗/);
            assert.match(result.stdout, /Lead\.Interest_Score__c +\d+ +Opportunity\.Interest_Score__c +\d+ +— +✗/);
            assert.equal(leftovers(double), 0);
        } finally {
            await double.stop();
        }
    });

    it('reports a mapped field missing from the org as missing metadata', async () => {
        const double = await OrgDouble.start();
        try {
            double.dropField('Opportunity', 'Timeline__c');
            await assert.rejects(
                verifyConversion(authFor(double), { keep: false, allowProduction: false }, capture()),
                /field Opportunity\.Timeline__c/
            );
        } finally {
            await double.stop();
        }
    });
});

describe('offline mapping check', () => {
    it('accepts the project mapping', async () => {
        const report = await checkConversionMappingOffline();
        assert.ok(report.mappings >= 12);
        assert.deepEqual(report.issues, []);
    });

    it('prints what the README shows and exits 0 from the command line', async () => {
        const { code, stdout } = await runScript('verify-conversion.ts', ['--offline']);
        assert.equal(code, 0);
        assert.equal(
            stdout,
            `${SETTINGS}: 12 field mappings checked against the project's metadata\n` +
                '✓ every mapping has a compatible target (type, length, digits, picklist values)\n'
        );
    });

    it('rejects a mapping to a missing field and a type mismatch in a project copy', async () => {
        await withProjectCopy(async (dir) => {
            await edit(dir, SETTINGS, (xml) =>
                xml
                    .replace('<outputField>Timeline__c</outputField>', '<outputField>Timeframe__c</outputField>')
                    .replace('<outputField>SAL_Date__c</outputField>', '<outputField>Budget_Confirmed__c</outputField>')
            );
            const report = await checkConversionMappingOffline(dir);
            assert.deepEqual(
                report.issues.map((issue) => `${issue.mapping}: ${issue.problem}`),
                [
                    'Lead.SAL_Date__c → Opportunity.Budget_Confirmed__c: DateTime → Checkbox: a DateTime field maps only to a DateTime field',
                    'Lead.Budget_Confirmed__c → Opportunity.Budget_Confirmed__c: Opportunity.Budget_Confirmed__c is the target of more than one mapping',
                    'Lead.Timeline__c → Opportunity.Timeframe__c: unknown field Opportunity.Timeframe__c'
                ]
            );
        });
    });

    it("applies the gate's rules: digits, restricted picklist targets, conversion objects", async () => {
        await withProjectCopy(async (dir) => {
            const opportunityFields = 'force-app/main/default/objects/Opportunity/fields';
            await edit(dir, `${opportunityFields}/Fit_Score__c.field-meta.xml`, (xml) =>
                xml.replace('<precision>6</precision>', '<precision>3</precision>')
            );
            await edit(dir, `${opportunityFields}/Timeline__c.field-meta.xml`, (xml) =>
                xml.replace('<restricted>false</restricted>', '<restricted>true</restricted>')
            );
            await edit(dir, SETTINGS, (xml) =>
                xml.replace('<outputObject>Contact</outputObject>', '<outputObject>Case</outputObject>')
            );
            const report = await checkConversionMappingOffline(dir);
            assert.equal(report.file, SETTINGS);
            assert.deepEqual(
                report.issues.map((issue) => `${issue.mapping}: ${issue.problem}`),
                [
                    'Lead → Case: conversion maps Lead to Account, Contact or Opportunity only',
                    'Lead.Fit_Score__c → Opportunity.Fit_Score__c: the target is (3, 0), smaller than the source (6, 0)',
                    'Lead.Timeline__c → Opportunity.Timeline__c: Picklist → Picklist: the target picklist must be unrestricted'
                ]
            );
        });
    });

    it('names a malformed settings file', async () => {
        await withProjectCopy(async (dir) => {
            await edit(dir, SETTINGS, (xml) => xml.replace('</objectMapping>', '</objectMaping>'));
            await assert.rejects(checkConversionMappingOffline(dir), new RegExp(`^Error: ${SETTINGS}:\\d+: `));
        });
    });
});

const SETTINGS = 'org-settings/main/default/LeadConvertSettings/LeadConvertSettings.LeadConvertSetting-meta.xml';

/** Runs `test` over a copy of the project's objects and org settings. */
async function withProjectCopy(test: (dir: string) => Promise<void>): Promise<void> {
    const dir = await mkdtemp(path.join(tmpdir(), 'baton-mapping-'));
    try {
        for (const part of ['sfdx-project.json', 'force-app/main/default/objects', 'org-settings']) {
            await cp(path.join(PROJECT_ROOT, part), path.join(dir, part), { recursive: true });
        }
        await test(dir);
    } finally {
        await rm(dir, { recursive: true, force: true });
    }
}

async function edit(dir: string, file: string, change: (xml: string) => string): Promise<void> {
    const absolute = path.join(dir, file);
    await writeFile(absolute, change(await readFile(absolute, 'utf8')));
}
