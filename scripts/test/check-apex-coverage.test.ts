import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { judgeCoverage, main } from '../check-apex-coverage.ts';
import { capture } from './support.ts';

/** What `sf apex run test --code-coverage --json` prints (plugin-apex's JSON reporter), trimmed to what is read. */
function testRun({
    orgWide = '93%',
    failing = [] as { FullName: string; Message: string }[],
    classes = [
        { name: 'LeadLifecycleService', totalLines: 210, totalCovered: 199, coveredPercent: 94 },
        { name: 'LeadTrigger', totalLines: 2, totalCovered: 2, coveredPercent: 100 },
        { name: 'LeadRuleResult', totalLines: 0, totalCovered: 0, coveredPercent: 0 }
    ]
} = {}) {
    const passing = [
        { FullName: 'LeadLifecycleServiceTest.mqlGatePasses', Outcome: 'Pass', Message: null },
        { FullName: 'LeadSlaMonitorTest.breachesOverdueClocks', Outcome: 'Pass', Message: null }
    ];
    const tests = [...passing, ...failing.map((test) => ({ ...test, Outcome: 'Fail' }))];
    return {
        status: failing.length > 0 ? 100 : 0,
        result: {
            summary: {
                outcome: failing.length > 0 ? 'Failed' : 'Passed',
                testsRan: tests.length,
                passing: passing.length,
                failing: failing.length,
                orgWideCoverage: orgWide,
                testRunCoverage: orgWide
            },
            tests,
            coverage: { coverage: classes, records: [], summary: { orgWideCoverage: orgWide } }
        }
    };
}

describe('check:coverage (the scratch-org workflow judges its Apex test run with it)', () => {
    it('passes a run with every test passing, 90 %+ org-wide and every class at 75 %+ (classes without lines ignored)', () => {
        const verdict = judgeCoverage(testRun(), 90, 75);
        assert.equal(verdict.ok, true);
        assert.equal(verdict.orgWide, 93);
        assert.deepEqual(verdict.belowMinimum, []);
    });

    it('fails org-wide coverage under 90 %', () => {
        const verdict = judgeCoverage(testRun({ orgWide: '89%' }), 90, 75);
        assert.equal(verdict.ok, false);
        assert.equal(verdict.orgWide, 89);
    });

    it('fails a class under 75 % even when the org-wide figure passes, naming it', () => {
        const verdict = judgeCoverage(
            testRun({
                classes: [
                    { name: 'LeadSlaMonitor', totalLines: 100, totalCovered: 74, coveredPercent: 74 },
                    { name: 'LeadQueueController', totalLines: 300, totalCovered: 297, coveredPercent: 99 }
                ]
            }),
            90,
            75
        );
        assert.equal(verdict.ok, false);
        assert.deepEqual(verdict.belowMinimum, [{ name: 'LeadSlaMonitor', percent: 74, coveredLines: 74, lines: 100 }]);
    });

    it('fails a run with a failing test', () => {
        const verdict = judgeCoverage(
            testRun({
                failing: [{ FullName: 'LeadLifecycleServiceTest.conversion', Message: 'System.AssertException: stage' }]
            }),
            90,
            75
        );
        assert.equal(verdict.ok, false);
        assert.deepEqual(verdict.failedTests, [
            { test: 'LeadLifecycleServiceTest.conversion', message: 'Fail: System.AssertException: stage' }
        ]);
    });

    it('reports a run that did not complete, and one without coverage, as errors', () => {
        assert.throws(
            () => judgeCoverage({ status: 1, message: 'No authorization information found for baton-ci.' }, 90, 75),
            /The Apex test run did not complete: No authorization information found for baton-ci\./
        );
        const withoutCoverage = testRun();
        delete (withoutCoverage.result as { coverage?: unknown }).coverage;
        assert.throws(() => judgeCoverage(withoutCoverage, 90, 75), /run the tests with --code-coverage/);
    });

    it('prints the failures and classes below the minimum and exits 1; exits 0 on a good run', async () => {
        const dir = await mkdtemp(path.join(tmpdir(), 'baton-coverage-'));
        const bad = path.join(dir, 'bad.json');
        await writeFile(
            bad,
            JSON.stringify(
                testRun({
                    orgWide: '88%',
                    failing: [
                        {
                            FullName: 'LeadQueueControllerTest.acceptsInBulk',
                            Message: 'System.LimitException: Too many SOQL queries: 101'
                        }
                    ],
                    classes: [{ name: 'LeadFunnelRollupBatch', totalLines: 80, totalCovered: 40, coveredPercent: 50 }]
                })
            )
        );
        const output = capture();
        assert.equal(await main(['--file', bad], output), 1);
        assert.match(
            output.text(),
            /1 of 3 tests failed:\n {2}LeadQueueControllerTest\.acceptsInBulk: Fail: System\.LimitException/
        );
        assert.match(output.text(), /LeadFunnelRollupBatch\s+50 %\s+40 of 80/);
        assert.match(output.text(), /Org-wide coverage 88 % \(minimum 90 %\), 3 tests, 1 failed, 1 below 75 %: FAILED/);
        const good = path.join(dir, 'good.json');
        await writeFile(good, JSON.stringify(testRun()));
        assert.equal(await main(['--file', good], capture()), 0);
        assert.equal(await main([], capture()), 2, '--file is required');
    });
});
