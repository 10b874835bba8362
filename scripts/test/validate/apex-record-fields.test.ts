import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { apexCheck } from '../../validate/check-apex.ts';
import type { CheckReport } from '../../validate/run-gate.ts';
import { located, runCheckOn } from './fixtures.ts';

const CLASSES = 'force-app/main/default/classes';
const NOT_SELECTED = 'did not select (SObjectException at run time: add it to the SELECT)';

// Both fixtures add custom fields to Lead, which is what makes the Apex language server stop
// checking Lead's fields in expressions. The fixed project differs only where the broken one is wrong.
describe('check 3: record fields in Apex expressions', () => {
    let broken: CheckReport;
    let fixed: CheckReport;

    before(async () => {
        [broken, fixed] = await Promise.all([
            runCheckOn('record-fields-broken', apexCheck),
            runCheckOn('record-fields-fixed', apexCheck)
        ]);
    });

    it('reports unknown fields on records, lists, maps, relationships, constructors and field tokens, once each', () => {
        const problems = located(broken.problems).filter((line) => line.includes('LeadStages.cls'));
        assert.deepEqual(problems, [
            `${CLASSES}/LeadStages.cls:3: unknown field Lead.IsConvertd`,
            `${CLASSES}/LeadStages.cls:7: unknown field Lead.Fit_Scor__c`,
            `${CLASSES}/LeadStages.cls:11: Missing: Unknown field 'Nam' on SObject 'Schema.User'`,
            `${CLASSES}/LeadStages.cls:15: unknown field Lead.Fit_Scor__c`,
            `${CLASSES}/LeadStages.cls:19: Missing: Unknown field 'Fit_Scor__c' on SObject 'Schema.Lead'`,
            `${CLASSES}/LeadStages.cls:23: Missing: Unknown field 'Statu__c' on SObject 'Schema.Lead_SLA__c'`
        ]);
    });

    it('reports fields read from rows whose query did not select them: a helper query, a loop, a map, a relationship, the query itself', () => {
        const problems = located(broken.problems).filter((line) => line.includes('LeadStagesTest.cls'));
        assert.deepEqual(problems, [
            `${CLASSES}/LeadStagesTest.cls:8: Lead.IsConverted is read from a record the query at line 36 ${NOT_SELECTED}`,
            `${CLASSES}/LeadStagesTest.cls:14: Lead_SLA__c.Status__c is read from a record the query at line 13 ${NOT_SELECTED}`,
            `${CLASSES}/LeadStagesTest.cls:18: Lead.Fit_Score__c is read from a record the query at line 16 ${NOT_SELECTED}`,
            `${CLASSES}/LeadStagesTest.cls:21: Lead.Accepted_By__r.Name is read from a record the query at line 20 ${NOT_SELECTED}`,
            `${CLASSES}/LeadStagesTest.cls:22: Lead.Company is read from a record the query at line 22 ${NOT_SELECTED}`
        ]);
    });

    it('passes the fixed code, including fields set before they are read and rows replaced after the query', () => {
        assert.deepEqual(located(fixed.problems), []);
        assert.equal(fixed.passed, true);
    });
});
