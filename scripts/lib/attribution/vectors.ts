/**
 * Loads the shared attribution vectors (the static resource BatonAttributionVectors) and refuses a file either engine
 * could read differently, or whose hand-computed expectations contradict the contract: amounts are decimal text with
 * at most two places, days are `YYYY-MM-DD`, tie-break keys are unique within a case, every model is expected, every
 * expected credit has exactly two places, and each model's credits add up to the amount.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../project.ts';
import { Amount, MODELS, type Deal, type Model } from './engine.ts';

export const ATTRIBUTION_VECTORS_FILE = path.join(
    PROJECT_ROOT,
    'force-app',
    'main',
    'default',
    'staticresources',
    'BatonAttributionVectors.json'
);

export const ATTRIBUTION_CONTRACT_VERSION = 1;

export interface AttributionVector extends Deal {
    name: string;
    note?: string;
    /** Model → campaign ("" for no campaign) → credit as text. */
    expect: Record<Model, Record<string, string>>;
}

export interface AttributionVectors {
    title: string;
    contractVersion: number;
    semantics: string[];
    cases: AttributionVector[];
}

const AMOUNT_PATTERN = /^-?\d+(\.\d{1,2})?$/;
const CREDIT_PATTERN = /^-?\d+\.\d{2}$/;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDay(value: unknown): boolean {
    return typeof value === 'string' && DAY_PATTERN.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

export async function loadAttributionVectors(file: string = ATTRIBUTION_VECTORS_FILE): Promise<AttributionVectors> {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    const problems = attributionVectorProblems(parsed);
    if (problems.length > 0) {
        throw new Error(`${file} is not a valid attribution vector file:\n${problems.join('\n')}`);
    }
    return parsed as AttributionVectors;
}

/** Every reason the parsed file is not a valid vector file; empty when it is one. */
export function attributionVectorProblems(file: unknown): string[] {
    if (!isObject(file) || !Array.isArray(file.cases) || !Array.isArray(file.semantics)) {
        return ['expected an object with "semantics" and "cases" arrays'];
    }
    const problems: string[] = [];
    if (file.contractVersion !== ATTRIBUTION_CONTRACT_VERSION) {
        problems.push(`contractVersion must be ${ATTRIBUTION_CONTRACT_VERSION}`);
    }
    const names = new Set<string>();
    file.cases.forEach((entry, index) => {
        const name = isObject(entry) && typeof entry.name === 'string' ? entry.name : '';
        if (!name || names.has(name)) {
            problems.push(`cases[${index}]: name missing or not unique`);
        }
        names.add(name);
        problems.push(...caseProblems(entry).map((problem) => `cases[${index}] (${name}): ${problem}`));
    });
    return problems;
}

function caseProblems(entry: unknown): string[] {
    if (!isObject(entry)) {
        return ['not an object'];
    }
    const problems: string[] = [];
    const check = (ok: boolean, problem: string): void => {
        if (!ok) problems.push(problem);
    };
    const amountOk = entry.amount === null || (typeof entry.amount === 'string' && AMOUNT_PATTERN.test(entry.amount));
    check(amountOk, 'amount must be decimal text with at most two places, or null');
    check(entry.mqlDay === null || isDay(entry.mqlDay), 'mqlDay must be YYYY-MM-DD or null');
    check(isDay(entry.createdDay), 'createdDay must be YYYY-MM-DD');
    check(entry.closeDay === null || isDay(entry.closeDay), 'closeDay must be YYYY-MM-DD or null');
    const touches = Array.isArray(entry.touches) ? entry.touches : [];
    check(Array.isArray(entry.touches), 'touches must be an array');
    const tieBreaks = new Set<string>();
    touches.forEach((touch, index) => {
        const valid =
            isObject(touch) &&
            typeof touch.campaign === 'string' &&
            touch.campaign !== '' &&
            isDay(touch.day) &&
            typeof touch.tieBreak === 'string';
        check(valid, `touches[${index}] needs a campaign, a day and a tie-break key`);
        if (valid) {
            check(!tieBreaks.has(touch.tieBreak as string), `touches[${index}]: tie-break key not unique`);
            tieBreaks.add(touch.tieBreak as string);
        }
    });
    if (!isObject(entry.expect)) {
        return [...problems, 'expect must be an object'];
    }
    const expected = entry.expect;
    check(
        Object.keys(expected).every((model) => (MODELS as readonly string[]).includes(model)),
        'expect names a model that does not exist'
    );
    for (const model of MODELS) {
        const credits = expected[model];
        if (
            !isObject(credits) ||
            !Object.values(credits).every((v) => typeof v === 'string' && CREDIT_PATTERN.test(v))
        ) {
            problems.push(`expect.${model} must map campaigns to credits with two decimal places`);
            continue;
        }
        if (amountOk) {
            const total = Object.values(credits).reduce<Amount>(
                (sum, credit) => sum.plus(credit as string),
                new Amount(0)
            );
            check(
                total.eq(new Amount((entry.amount as string | null) ?? 0)),
                `expect.${model} adds up to ${total.toFixed(2)}, not the amount`
            );
        }
    }
    return problems;
}
