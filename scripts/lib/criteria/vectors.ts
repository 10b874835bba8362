/** Loads the shared criteria vectors (the static resource BatonCriteriaVectors). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../project.ts';
import type { Criterion, LeadValues, Outcome, Quadrant, SkipReason, Stage, Thresholds, Verdict } from './engine.ts';

export const VECTORS_FILE = path.join(
    PROJECT_ROOT,
    'force-app',
    'main',
    'default',
    'staticresources',
    'BatonCriteriaVectors.json'
);

export interface ExpectedRule {
    name: string;
    outcome: Outcome;
    reason?: SkipReason;
}

export interface CriteriaVector {
    name: string;
    note?: string;
    stage: Stage;
    thresholds: Thresholds;
    lead: LeadValues;
    rules: Criterion[];
    expect: {
        rules: ExpectedRule[];
        fitScore: number;
        interestScore: number;
        verdict: Verdict;
        quadrant: Quadrant | null;
    };
}

export interface CriteriaVectors {
    title: string;
    semantics: string[];
    cases: CriteriaVector[];
}

export async function loadVectors(file: string = VECTORS_FILE): Promise<CriteriaVectors> {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<CriteriaVectors>;
    if (!Array.isArray(parsed.cases) || !Array.isArray(parsed.semantics)) {
        throw new Error(`${file}: expected "semantics" and "cases" arrays`);
    }
    return parsed as CriteriaVectors;
}
