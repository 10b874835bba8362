import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateStage, OPERATORS, type RuleResult } from '../lib/criteria/engine.ts';
import { CONTRACT_VERSION, loadVectors, vectorFileProblems } from '../lib/criteria/vectors.ts';
import { FIELD_TYPES, parseExactJson } from '../lib/criteria/values.ts';

const vectors = await loadVectors();

/** The result as the vector states it: detail and description only where the vector gives them. */
function asExpected(result: RuleResult, expected: Record<string, unknown> | undefined): Record<string, unknown> {
    return {
        name: result.ruleName,
        outcome: result.outcome,
        ...(result.reason ? { reason: result.reason } : {}),
        ...(expected && 'detail' in expected ? { detail: result.detail } : {}),
        ...(expected && 'description' in expected ? { description: result.description } : {})
    };
}

describe('criteria vectors (BatonCriteriaVectors.json) on the TypeScript engine', () => {
    for (const vector of vectors.cases) {
        it(vector.name, () => {
            const evaluation = evaluateStage(vector.lead, vector.rules, vector.thresholds, vector.stage);
            assert.deepEqual(
                evaluation.results.map((result, index) =>
                    asExpected(result, vector.expect.rules[index] as unknown as Record<string, unknown>)
                ),
                vector.expect.rules,
                'per-rule outcomes'
            );
            // Scores compare exactly, as decimals (LeadCriteriaVectorsTest compares the same way).
            assert.equal(evaluation.fitScore.toFixed(), vector.expect.fitScore.toFixed(), 'fit score');
            assert.equal(evaluation.interestScore.toFixed(), vector.expect.interestScore.toFixed(), 'interest score');
            assert.equal(evaluation.verdict, vector.expect.verdict, 'verdict');
            assert.equal(evaluation.quadrant, vector.expect.quadrant, 'quadrant');
        });
    }
});

describe('criteria vectors file', () => {
    it('states contract version 2 and holds at least 118 cases with unique names', () => {
        assert.equal(CONTRACT_VERSION, 2);
        assert.ok(vectors.contractVersion.eq(2));
        assert.ok(vectors.cases.length >= 118, `${vectors.cases.length} cases`);
    });

    it('exercises every operator on every field type, on a value and on a blank', () => {
        const missing: string[] = [];
        for (const type of FIELD_TYPES) {
            for (const blank of [false, true]) {
                for (const operator of OPERATORS) {
                    const covered = vectors.cases.some((vector) =>
                        vector.rules.some((rule) => {
                            const field = Object.entries(vector.lead).find(
                                ([name]) => name.toLowerCase() === (rule.Field__c ?? '').trim().toLowerCase()
                            )?.[1];
                            return (
                                rule.Operator__c === operator &&
                                field?.type === type &&
                                (field.value === null) === blank
                            );
                        })
                    );
                    if (!covered) {
                        missing.push(`${operator} on ${blank ? 'blank ' : ''}${type}`);
                    }
                }
            }
        }
        assert.deepEqual(missing, []);
    });

    it('expects every skip reason at least once, and states the detail of each', () => {
        const expected = vectors.cases.flatMap((vector) => vector.expect.rules);
        for (const reason of [
            'WRONG_DIMENSION',
            'UNKNOWN_FIELD',
            'UNSUPPORTED_FIELD_TYPE',
            'UNKNOWN_OPERATOR',
            'OPERATOR_NOT_FOR_TYPE',
            'MISSING_VALUE',
            'NOT_A_NUMBER',
            'NOT_A_DATE',
            'NOT_A_DATETIME',
            'NOT_A_BOOLEAN'
        ]) {
            assert.ok(
                expected.some((rule) => rule.reason === reason && rule.detail !== undefined),
                `${reason} with its detail`
            );
        }
    });

    it('uses whole points only', () => {
        const fractional = vectors.cases.flatMap((vector) =>
            vector.rules.filter((rule) => rule.Points__c !== null && !String(rule.Points__c).match(/^-?\d+$/))
        );
        assert.deepEqual(fractional, []);
    });
});

describe('vector file validation', () => {
    /** The problems of a one-case file after a change to its lead, its rule or the file's top level. */
    const problemsOf = (
        change: (parts: { lead: Record<string, unknown>; rule: Record<string, unknown> }) => void,
        top: Record<string, unknown> = {}
    ): string[] => {
        const lead: Record<string, unknown> = { Title: { type: 'text', value: 'CEO' } };
        const rule: Record<string, unknown> = { DeveloperName: 'R1', Points__c: 5, Value__c: 'CEO', Active__c: true };
        change({ lead, rule });
        const vector = {
            name: 'one',
            stage: 'MQL',
            thresholds: { fit: 1, interest: null },
            lead,
            rules: [rule],
            expect: { rules: [], fitScore: 0, interestScore: 0, verdict: 'Fail', quadrant: null }
        };
        const file = { contractVersion: 2, semantics: [], cases: [vector], ...top };
        return vectorFileProblems(parseExactJson(JSON.stringify(file)));
    };

    it('accepts a well-formed file', () => {
        assert.deepEqual(
            problemsOf(() => undefined),
            []
        );
    });

    it('refuses lead keys that differ only in case (first or last would win)', () => {
        const problems = problemsOf(({ lead }) => {
            lead.title = { type: 'text', value: 'cfo' };
        });
        assert.deepEqual(problems, ['cases[0] (one): lead fields "Title" and "title" differ only in case']);
    });

    it('refuses rule fields the org could not hold: text values as numbers, points as text or fractions', () => {
        assert.match(problemsOf(({ rule }) => Object.assign(rule, { Value__c: 5 })).join(), /Value__c must be text/);
        assert.match(
            problemsOf(({ rule }) => Object.assign(rule, { Points__c: '05' })).join(),
            /Points__c must be a number/
        );
        assert.match(problemsOf(({ rule }) => Object.assign(rule, { Points__c: 2.5 })).join(), /whole number/);
    });

    it('refuses a file of another contract version', () => {
        assert.deepEqual(
            problemsOf(() => undefined, { contractVersion: 1 }),
            ['contractVersion must be 2']
        );
    });

    it('reads numbers exactly, beyond what a binary double holds', () => {
        const parsed = parseExactJson('{"a": 12345678901234567890.12}') as { a: { toFixed(): string } };
        assert.equal(parsed.a.toFixed(), '12345678901234567890.12');
    });
});
