import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crossReferencesCheck } from '../../validate/check-cross-references.ts';
import { located, runCheckOn } from './fixtures.ts';

const DEFAULT = 'force-app/main/default';

describe('check 2: cross-references', () => {
    it('reports a permission set naming a missing field or object, or granting what a deploy refuses', async () => {
        const report = await runCheckOn('permission-set-missing-field', crossReferencesCheck);
        const permissionSet = `${DEFAULT}/permissionsets/Baton_SDR.permissionset-meta.xml`;
        assert.deepEqual(located(report.problems), [
            `${permissionSet}:8: unknown field Lead.Fit_Scor__c`,
            `${permissionSet}:13: Lead.Days_In_Stage__c is a formula field; it cannot be editable`,
            `${permissionSet}:18: Lead.Segment__c is required; field permissions cannot be set on it (the deploy fails)`,
            `${permissionSet}:24: unknown object Lead_SLA__c`
        ]);
    });

    it('reports principal access to an External Credential principal the project does not define', async () => {
        const report = await runCheckOn('external-credential', crossReferencesCheck);
        const permissionSet = `${DEFAULT}/permissionsets/Poster.permissionset-meta.xml`;
        assert.deepEqual(located(report.problems), [
            `${permissionSet}:7: unknown external credential principal Chat-Token (expected <ExternalCredential>-<principal name>)`,
            `${permissionSet}:11: unknown external credential principal Slack-Webhook (expected <ExternalCredential>-<principal name>)`
        ]);
    });

    it('reports custom metadata records with an unknown type, an unknown field or a value outside the picklist', async () => {
        const report = await runCheckOn('cmdt-unknown-field', crossReferencesCheck);
        assert.deepEqual(located(report.problems), [
            `${DEFAULT}/customMetadata/Lead_Scoring_Rule.Default.md-meta.xml:2: unknown custom metadata type Lead_Scoring_Rule__mdt`,
            `${DEFAULT}/customMetadata/Lead_Stage_Criterion.MQL_Fit_Title.md-meta.xml:5: unknown field Lead_Stage_Criterion__mdt.Feild__c`,
            `${DEFAULT}/customMetadata/Lead_Stage_Criterion.SQL_Budget.md-meta.xml:9: Lead_Stage_Criterion__mdt.Stage__c: "Qualified" is not one of its values (MQL, SAL)`
        ]);
    });

    it('reports criteria naming a Lead field that does not exist or comparing it with a value it cannot hold', async () => {
        const report = await runCheckOn('criterion-unknown-lead-field', crossReferencesCheck);
        const records = `${DEFAULT}/customMetadata`;
        assert.deepEqual(located(report.problems), [
            `${records}/Lead_Stage_Criterion.MQL_Fit_Employees.md-meta.xml:5: unknown field Lead.NumberOfEmployes (a standard field must be listed in scripts/validate/standard-fields.json)`,
            `${records}/Lead_Stage_Criterion.MQL_Fit_Size.md-meta.xml:17: Lead.NumberOfEmployees: "fifty" is not a number (the engines would skip this rule)`,
            `${records}/Lead_Stage_Criterion.SQL_Timeline_Known.md-meta.xml:17: Lead.Timeline__c: "Next Quarter" is not one of its values (Within 3 Months, Unknown)`
        ]);
    });

    it('judges criteria with the engines: date and datetime ordering and negative whole points pass; what the engines would skip, fractional points and paths fail', async () => {
        const report = await runCheckOn('criterion-value-types', crossReferencesCheck);
        const records = `${DEFAULT}/customMetadata/Lead_Stage_Criterion`;
        assert.deepEqual(located(report.problems), [
            `${records}.Exponent.md-meta.xml:21: Lead.NumberOfEmployees: "5E+1" is not a number (the engines would skip this rule)`,
            `${records}.Half_Point.md-meta.xml:13: Lead_Stage_Criterion__mdt.Points__c: holds whole numbers only; 2.5 has decimals`,
            `${records}.Hexadecimal.md-meta.xml:21: Lead.NumberOfEmployees: "0x32" is not a number (the engines would skip this rule)`,
            `${records}.No_Break_Space.md-meta.xml:21: Lead.NumberOfEmployees: "\u00a050" is not a number (the engines would skip this rule)`,
            `${records}.Owner_Path.md-meta.xml:5: Field__c must be one Lead field API name, not "Owner.Name" (no relationship path)`,
            `${records}.Title_Ordered.md-meta.xml:21: Lead.Title: "Greater Than" cannot test the text field Title (the engines would skip this rule)`,
            `${records}.Too_Many_Points.md-meta.xml:13: Lead_Stage_Criterion__mdt.Points__c: holds at most 5 digits before the decimal point; 123456 has 6`
        ]);
    });

    it('reports LeadConvertSettings mappings with incompatible types, a shorter target or missing fields', async () => {
        const report = await runCheckOn('incompatible-mapping', crossReferencesCheck);
        const settings = `${DEFAULT}/LeadConvertSettings/LeadConvertSettings.LeadConvertSetting-meta.xml`;
        assert.deepEqual(located(report.problems), [
            `${settings}:6: cannot map Lead.Budget_Confirmed__c to Opportunity.Budget_Confirmed__c: Checkbox → Text: a Checkbox field maps only to a Checkbox field`,
            `${settings}:10: cannot map Lead.Buying_Notes__c to Opportunity.Buying_Notes__c: the target holds 80 characters, the source up to 255`,
            `${settings}:18: unknown field Lead.Need_Confirmed__c`,
            `${settings}:18: unknown field Opportunity.Need_Confirmed__c`
        ]);
    });

    it('reports a flexipage component that does not exist and one not exposed for the page type', async () => {
        const report = await runCheckOn('flexipage-components', crossReferencesCheck);
        const page = `${DEFAULT}/flexipages/Baton_Funnel.flexipage-meta.xml`;
        assert.deepEqual(located(report.problems), [
            `${page}:6: c:funnelPanel is not exposed for AppPage pages: add lightning__AppPage to the targets in ${DEFAULT}/lwc/funnelPanel/funnelPanel.js-meta.xml`,
            `${page}:12: unknown component c:funnelChart: no lwc/funnelChart bundle`
        ]);
    });

    it('resolves every reference of the clean project', async () => {
        const report = await runCheckOn('clean', crossReferencesCheck);
        assert.deepEqual(report.problems, []);
    });
});
