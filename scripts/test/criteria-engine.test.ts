import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateStage, type Criterion } from '../lib/criteria/engine.ts';

const rule = (overrides: Partial<Record<keyof Criterion, unknown>>): Criterion =>
    ({
        DeveloperName: 'R1',
        Stage__c: 'MQL',
        Dimension__c: 'Fit',
        Field__c: 'Score__c',
        Operator__c: 'Greater Than',
        Value__c: '10',
        Points__c: 5,
        Required__c: false,
        Active__c: true,
        Sort_Order__c: null,
        ...overrides
    }) as Criterion;

describe('criteria engine on input the vector file cannot hold (JavaScript callers)', () => {
    it('reads rule fields of the wrong JSON type as blank instead of throwing', () => {
        const lead = { Score__c: { type: 'number', value: 50 } };
        const results = evaluateStage(
            lead,
            [
                rule({ Value__c: 50 }),
                rule({ DeveloperName: 'R2', Field__c: 7 }),
                rule({ DeveloperName: 'R3', Operator__c: {} })
            ],
            { fit: 0, interest: 0 },
            'MQL'
        ).results;
        assert.deepEqual(
            results.map((result) => result.reason),
            ['MISSING_VALUE', 'UNKNOWN_FIELD', 'UNKNOWN_OPERATOR']
        );
    });

    it('adds points given as text as numbers, never as concatenated text', () => {
        const lead = { Score__c: { type: 'number', value: 50 } };
        const evaluation = evaluateStage(
            lead,
            [rule({ Points__c: '05' }), rule({ DeveloperName: 'R2', Points__c: 5 })],
            { fit: '10', interest: null },
            'MQL'
        );
        assert.equal(evaluation.fitScore.toFixed(), '10');
        assert.equal(evaluation.verdict, 'Pass');
    });

    it('compares JavaScript numbers and decimal text exactly', () => {
        const lead = { Score__c: { type: 'double', value: 0.1 + 0.2 } };
        const [greater, equal] = evaluateStage(
            lead,
            [
                rule({ Value__c: '0.3' }),
                rule({ DeveloperName: 'R2', Operator__c: 'Equals', Value__c: '0.30000000000000004' })
            ],
            { fit: 0, interest: 0 },
            'MQL'
        ).results;
        assert.equal(greater?.outcome, 'Passed', '0.1 + 0.2 as a double is above 0.3');
        assert.equal(equal?.detail, 'Score__c is "0.30000000000000004"');
    });
});
