/**
 * The drift rules against LeadLifecycleService.applyBeforeSave, case by case: which stages Baton stamps on
 * save, that an MQL is never demoted, that a Recycled lead returns to MQL only with a higher score, that a
 * SAL lead becomes SQL on a later save, and which evidence names the likely cause.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StageEvaluation } from '../lib/criteria/engine.ts';
import { ExactDecimal } from '../lib/criteria/values.ts';
import { driftOf, type DriftContext, type StoredLead } from '../simulate/drift.ts';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-20T12:00:00Z');

function gate(stage: string, passes: boolean, fit = 0, interest = 0): StageEvaluation {
    return {
        stage,
        results: [],
        fitScore: new ExactDecimal(fit),
        interestScore: new ExactDecimal(interest),
        verdict: passes ? 'Pass' : 'Fail',
        quadrant: null
    };
}

function lead(
    overrides: Partial<Omit<StoredLead, 'fit' | 'interest'>> & { fit?: number | null; interest?: number | null }
): StoredLead {
    const { fit = 60, interest = 50, ...rest } = overrides;
    return {
        stage: 'Inquiry',
        fit: fit === null ? null : new ExactDecimal(fit),
        interest: interest === null ? null : new ExactDecimal(interest),
        converted: false,
        acceptedAt: null,
        lastModifiedAt: NOW,
        ...rest
    };
}

const ON: DriftContext = { automationEnabled: true, criteriaInUseSince: NOW - 30 * DAY };
const passing = gate('MQL', true, 60, 50);
const failing = gate('MQL', false, 60, 50);
const sqlFails = gate('SQL', false);

function cause(stored: StoredLead, mql = passing, sql = sqlFails, context = ON): string | null {
    const finding = driftOf(stored, mql, sql, context);
    return finding ? `${finding.cause} → ${finding.expectedStage}` : null;
}

describe('drift rules (LeadLifecycleService.applyBeforeSave)', () => {
    it('Inquiry: scores stamped on every save, promoted to MQL when the gate passes', () => {
        assert.equal(cause(lead({}), failing), null);
        assert.equal(cause(lead({})), 'unexplained → MQL');
        assert.equal(cause(lead({ fit: 55 }), failing), 'unexplained → Inquiry');
        assert.equal(cause(lead({ fit: 55, lastModifiedAt: NOW - 60 * DAY }), failing), 'criteria-version → Inquiry');
    });

    it('a blank stage or a blank score is Baton not having run', () => {
        assert.equal(cause(lead({ stage: null }), failing), 'automation-bypassed → Inquiry');
        assert.equal(cause(lead({ stage: null })), 'automation-bypassed → MQL');
        assert.equal(cause(lead({ stage: 'MQL', interest: null })), 'automation-bypassed → MQL');
        assert.equal(
            cause(lead({}), passing, sqlFails, { ...ON, automationEnabled: false }),
            'automation-bypassed → MQL'
        );
    });

    it('MQL: never demoted; a failing gate with agreeing scores is Baton’s rule', () => {
        assert.equal(cause(lead({ stage: 'MQL' })), null);
        assert.equal(cause(lead({ stage: 'MQL' }), failing), 'mql-kept → MQL');
        assert.equal(cause(lead({ stage: 'MQL', fit: 70 }), failing), 'unexplained → MQL');
    });

    it('Recycled: back to MQL only when a save raises a score', () => {
        assert.equal(cause(lead({ stage: 'Recycled' })), 'recycled → Recycled');
        assert.equal(cause(lead({ stage: 'Recycled' }), failing), null);
        assert.equal(cause(lead({ stage: 'Recycled', fit: 40 })), 'unexplained → MQL');
        assert.equal(cause(lead({ stage: 'Recycled', fit: 80 })), 'unexplained → Recycled');
        assert.equal(
            cause(lead({ stage: 'Recycled', fit: 40, lastModifiedAt: NOW - 60 * DAY })),
            'criteria-version → MQL'
        );
    });

    it('SAL: promoted to SQL by a save after the acceptance, not by the acceptance itself', () => {
        const sqlPasses = gate('SQL', true);
        const accepted = NOW - DAY;
        assert.equal(cause(lead({ stage: 'SAL', acceptedAt: accepted }), failing, sqlFails), null);
        assert.equal(
            cause(lead({ stage: 'SAL', acceptedAt: accepted, lastModifiedAt: accepted + 5000 }), failing, sqlPasses),
            'awaiting-save → SAL'
        );
        assert.equal(cause(lead({ stage: 'SAL', acceptedAt: accepted }), failing, sqlPasses), 'unexplained → SQL');
        // Scores are not stamped after MQL: SAL scores that disagree are no drift.
        assert.equal(cause(lead({ stage: 'SAL', fit: 0, acceptedAt: accepted }), passing, sqlFails), null);
    });

    it('SQL, Disqualified and converted leads are not evaluated by Baton', () => {
        for (const stored of [
            lead({ stage: 'SQL', fit: 0 }),
            lead({ stage: 'Disqualified', fit: 0 }),
            lead({ stage: 'Converted', fit: 0 }),
            lead({ stage: 'Inquiry', fit: 0, converted: true })
        ]) {
            assert.equal(cause(stored, passing, gate('SQL', true)), null, String(stored.stage));
        }
    });
});
