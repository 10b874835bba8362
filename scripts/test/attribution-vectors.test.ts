import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { credit, formatAmount, MODELS, type Credits } from '../lib/attribution/engine.ts';
import {
    ATTRIBUTION_CONTRACT_VERSION,
    attributionVectorProblems,
    loadAttributionVectors
} from '../lib/attribution/vectors.ts';

const vectors = await loadAttributionVectors();

/** Credits as the vectors write them: campaign ("" for none) → two-decimal text. */
function written(credits: Credits): Record<string, string> {
    return Object.fromEntries([...credits].map(([campaign, amount]) => [campaign ?? '', formatAmount(amount)]));
}

describe('attribution vectors (BatonAttributionVectors.json) on the TypeScript engine', () => {
    for (const vector of vectors.cases) {
        it(vector.name, () => {
            const credits = credit(vector);
            for (const model of MODELS) {
                assert.deepEqual(written(credits[model]), vector.expect[model], model);
            }
        });
    }
});

describe('attribution vectors file', () => {
    it(`states contract version ${ATTRIBUTION_CONTRACT_VERSION} and covers every model, rounding and window rule`, () => {
        assert.equal(vectors.contractVersion, ATTRIBUTION_CONTRACT_VERSION);
        assert.ok(vectors.cases.length >= 16, `${vectors.cases.length} cases`);
        const notes = vectors.cases.map((vector) => `${vector.name} ${vector.note ?? ''}`).join('\n');
        for (const topic of ['leftover', 'close day', 'no campaign', 'negative', 'same day', 'never became MQL']) {
            assert.match(notes, new RegExp(topic), `a case about ${topic}`);
        }
    });

    const valid = {
        contractVersion: 1,
        semantics: [],
        cases: [
            {
                name: 'one',
                amount: '10.00',
                mqlDay: null,
                createdDay: '2026-03-01',
                closeDay: null,
                touches: [{ campaign: 'A', day: '2026-03-01', tieBreak: 'x' }],
                expect: Object.fromEntries(MODELS.map((model) => [model, { A: '10.00' }]))
            }
        ]
    };

    it('accepts a consistent file', () => {
        assert.deepEqual(attributionVectorProblems(valid), []);
    });

    it('refuses expectations that do not add up to the amount, three-place amounts and repeated tie-breaks', () => {
        const [base] = valid.cases as [(typeof valid.cases)[number]];
        const broken = {
            ...valid,
            cases: [
                { ...base, expect: { ...base.expect, Even: { A: '9.99' } } },
                { ...base, name: 'two', amount: '1.005' },
                {
                    ...base,
                    name: 'three',
                    touches: [...base.touches, { campaign: 'B', day: '2026-03-02', tieBreak: 'x' }]
                }
            ]
        };
        assert.deepEqual(attributionVectorProblems(broken), [
            'cases[0] (one): expect.Even adds up to 9.99, not the amount',
            'cases[1] (two): amount must be decimal text with at most two places, or null',
            'cases[2] (three): touches[1]: tie-break key not unique'
        ]);
    });

    it('the engine refuses an amount with more than two decimal places', () => {
        assert.throws(
            () => credit({ amount: '1.005', mqlDay: null, createdDay: '2026-03-01', closeDay: null, touches: [] }),
            /at most 2 decimal places: 1\.005/
        );
    });
});
