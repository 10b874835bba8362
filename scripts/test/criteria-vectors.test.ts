import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateStage, OPERATORS, splitList } from '../lib/criteria/engine.ts';
import { loadVectors } from '../lib/criteria/vectors.ts';

const vectors = await loadVectors();
const FIELD_TYPES = [
    'text',
    'picklist',
    'email',
    'phone',
    'number',
    'currency',
    'percent',
    'date',
    'datetime',
    'checkbox'
];

describe('criteria vectors (BatonCriteriaVectors.json) on the TypeScript engine', () => {
    for (const vector of vectors.cases) {
        it(vector.name, () => {
            const evaluation = evaluateStage(vector.lead, vector.rules, vector.thresholds, vector.stage);
            assert.deepEqual(
                evaluation.results.map(({ ruleName, outcome, reason }) =>
                    reason ? { name: ruleName, outcome, reason } : { name: ruleName, outcome }
                ),
                vector.expect.rules,
                'per-rule outcomes'
            );
            assert.equal(evaluation.fitScore, vector.expect.fitScore, 'fit score');
            assert.equal(evaluation.interestScore, vector.expect.interestScore, 'interest score');
            assert.equal(evaluation.verdict, vector.expect.verdict, 'verdict');
            assert.equal(evaluation.quadrant, vector.expect.quadrant, 'quadrant');
        });
    }
});

describe('criteria vectors coverage', () => {
    it('holds at least 60 cases with unique names', () => {
        assert.ok(vectors.cases.length >= 60, `${vectors.cases.length} cases`);
        assert.equal(new Set(vectors.cases.map((vector) => vector.name)).size, vectors.cases.length);
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

    it('expects every skip reason at least once', () => {
        const reasons = new Set(vectors.cases.flatMap((vector) => vector.expect.rules.map((rule) => rule.reason)));
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
            assert.ok(reasons.has(reason as never), reason);
        }
    });
});

describe('splitList', () => {
    it('splits on semicolons, trims and drops empty items', () => {
        assert.deepEqual(splitList(' a ; b;;c ; '), ['a', 'b', 'c']);
        assert.deepEqual(splitList(null), []);
    });
});

describe('evaluateStage detail', () => {
    it('explains skipped and failed rules in words', () => {
        const evaluation = evaluateStage(
            { Title: { type: 'text', value: null } },
            [
                {
                    DeveloperName: 'Title_Known',
                    Stage__c: 'MQL',
                    Dimension__c: 'Fit',
                    Field__c: 'Title',
                    Operator__c: 'Equals',
                    Value__c: 'CEO',
                    Points__c: 5,
                    Required__c: false,
                    Active__c: true,
                    Sort_Order__c: 1
                },
                {
                    DeveloperName: 'Typo',
                    Stage__c: 'MQL',
                    Dimension__c: 'Fit',
                    Field__c: 'Titel',
                    Operator__c: 'Equals',
                    Value__c: 'CEO',
                    Points__c: 5,
                    Required__c: false,
                    Active__c: true,
                    Sort_Order__c: 2
                }
            ],
            { fit: 5, interest: 0 },
            'MQL'
        );
        assert.deepEqual(
            evaluation.results.map((result) => result.detail),
            ['Title is blank', 'Skipped: Lead has no field "Titel" (or it cannot be read)']
        );
    });
});
