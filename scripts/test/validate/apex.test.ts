import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { apexCheck } from '../../validate/check-apex.ts';
import { apexRulesCheck } from '../../validate/check-apex-rules.ts';
import type { CheckReport } from '../../validate/run-gate.ts';
import { runGate } from '../../validate/run-gate.ts';
import { fixture, located, runCheckOn } from './fixtures.ts';

const CLASSES = 'force-app/main/default/classes';

// The Java checks start one JVM each per run: one broken project holds every Apex case, and both
// checks run once, side by side.
describe('checks 3 and 4: Apex semantics and PMD rules', () => {
    let semantics: CheckReport;
    let rules: CheckReport;

    before(async () => {
        const { checks } = await runGate(fixture('apex-errors'), [apexCheck, apexRulesCheck]);
        [semantics, rules] = checks as [CheckReport, CheckReport];
    });

    it('reports a type mismatch and unknown fields in expressions (Apex language server) and in SOQL', () => {
        const report = semantics;
        assert.deepEqual(located(report.problems), [
            `${CLASSES}/LeadFinder.cls:4: SOQL: unknown field Lead.Fit_Scor__c`,
            `${CLASSES}/LeadFinder.cls:4: SOQL: unknown relationship Lead.Accepted_By__r`,
            `${CLASSES}/LeadFinder.cls:6: SOQL: unknown field Lead.Statuss`,
            `${CLASSES}/LeadScoring.cls:3: Incompatible types in assignment, from 'System.String' to 'System.Integer'`,
            `${CLASSES}/LeadScoring.cls:4: Missing: Unknown field 'Fit_Scor__c' on SObject 'Schema.Lead'`
        ]);
        assert.equal(report.summary, '3 classes, 0 triggers checked');
    });

    it('reports SOQL and DML in a loop with PMD', () => {
        const report = rules;
        assert.deepEqual(located(report.problems), [
            `${CLASSES}/LeadStamper.cls:4: OperationWithLimitsInLoop: Avoid operations in loops that may hit governor limits`,
            `${CLASSES}/LeadStamper.cls:6: OperationWithLimitsInLoop: Avoid operations in loops that may hit governor limits`
        ]);
    });

    it('passes a project without Apex without starting Java', async () => {
        const withoutApex = await runCheckOn('flexipage-components', apexCheck);
        const rulesWithoutApex = await runCheckOn('flexipage-components', apexRulesCheck);
        assert.equal(withoutApex.passed, true);
        assert.equal(withoutApex.summary, 'no Apex: 0 classes checked');
        assert.equal(rulesWithoutApex.passed, true);
        assert.match(rulesWithoutApex.summary, /0 classes checked/);
    });
});
