/**
 * Loads the shared criteria vectors (the static resource BatonCriteriaVectors) and refuses a file the two
 * engines could read differently: every JSON number is read exactly (from its source text, as Apex's JSON
 * parser reads a Decimal), rule fields must have the types the org stores, points must be whole numbers,
 * and no two lead fields of a case may differ only in case (contract point 8).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../project.ts';
import type { Criterion, LeadValues, Outcome, Quadrant, SkipReason, Verdict } from './engine.ts';
import { ExactDecimal, parseExactJson } from './values.ts';

export const VECTORS_FILE = path.join(
    PROJECT_ROOT,
    'force-app',
    'main',
    'default',
    'staticresources',
    'BatonCriteriaVectors.json'
);

/** The contract version the vector header states and the engines follow. */
export const CONTRACT_VERSION = 2;

export interface ExpectedRule {
    name: string;
    outcome: Outcome;
    reason?: SkipReason;
    /** When given, the rule's detail must be exactly this text in both engines. */
    detail?: string;
    /** When given, the rule's description must be exactly this text in both engines. */
    description?: string;
}

export interface CriteriaVector {
    name: string;
    note?: string;
    stage: string;
    thresholds: { fit: ExactDecimal | null; interest: ExactDecimal | null };
    lead: LeadValues;
    rules: Criterion[];
    expect: {
        rules: ExpectedRule[];
        fitScore: ExactDecimal;
        interestScore: ExactDecimal;
        verdict: Verdict;
        quadrant: Quadrant | null;
    };
}

export interface CriteriaVectors {
    title: string;
    contractVersion: ExactDecimal;
    semantics: string[];
    cases: CriteriaVector[];
}

const RULE_TEXT_FIELDS = [
    'Stage__c',
    'Dimension__c',
    'Field__c',
    'Operator__c',
    'Value__c',
    'Description__c',
    'Rejection_Reason__c'
];
const RULE_NUMBER_FIELDS = ['Points__c', 'Sort_Order__c'];
const RULE_CHECKBOX_FIELDS = ['Required__c', 'Active__c'];

export async function loadVectors(file: string = VECTORS_FILE): Promise<CriteriaVectors> {
    const parsed = parseExactJson(await readFile(file, 'utf8'));
    const problems = vectorFileProblems(parsed);
    if (problems.length > 0) {
        throw new Error(`${file} is not a valid vector file:\n${problems.join('\n')}`);
    }
    return parsed as CriteriaVectors;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
    return typeof value === 'object' && value !== null && !Array.isArray(value) && !ExactDecimal.isDecimal(value);
}

const isText = (value: unknown): boolean => typeof value === 'string';
const isNumber = (value: unknown): boolean => ExactDecimal.isDecimal(value);
const orNull =
    (check: (value: unknown) => boolean) =>
    (value: unknown): boolean =>
        value === null || check(value);

/** Every reason the parsed file is not a vector file both engines read alike; empty when it is one. */
export function vectorFileProblems(file: unknown): string[] {
    if (!isObject(file) || !Array.isArray(file.cases) || !Array.isArray(file.semantics)) {
        return ['expected an object with "semantics" and "cases" arrays'];
    }
    const problems: string[] = [];
    if (!isNumber(file.contractVersion) || !(file.contractVersion as ExactDecimal).eq(CONTRACT_VERSION)) {
        problems.push(`contractVersion must be ${CONTRACT_VERSION}`);
    }
    const names = new Set<string>();
    file.cases.forEach((entry, index) => {
        const at = `cases[${index}]`;
        if (!isObject(entry)) {
            problems.push(`${at}: not an object`);
            return;
        }
        if (typeof entry.name !== 'string' || names.has(entry.name)) {
            problems.push(`${at}: name missing or not unique`);
        }
        names.add(String(entry.name));
        problems.push(...caseProblems(entry).map((problem) => `${at} (${String(entry.name)}): ${problem}`));
    });
    return problems;
}

function caseProblems(vector: Json): string[] {
    const problems: string[] = [];
    const expect = (ok: boolean, problem: string): void => {
        if (!ok) {
            problems.push(problem);
        }
    };
    expect(isText(vector.stage), 'stage must be text');
    const thresholds = vector.thresholds;
    expect(
        isObject(thresholds) && orNull(isNumber)(thresholds.fit) && orNull(isNumber)(thresholds.interest),
        'thresholds must hold fit and interest as numbers or null'
    );
    problems.push(...leadProblems(vector.lead));
    if (!Array.isArray(vector.rules)) {
        return [...problems, 'rules must be an array'];
    }
    vector.rules.forEach((rule, index) => problems.push(...ruleProblems(rule).map((p) => `rules[${index}]: ${p}`)));
    const expected = vector.expect;
    if (!isObject(expected) || !Array.isArray(expected.rules)) {
        return [...problems, 'expect must hold a rules array'];
    }
    expect(isNumber(expected.fitScore) && isNumber(expected.interestScore), 'expected scores must be numbers');
    expect(expected.verdict === 'Pass' || expected.verdict === 'Fail', 'expected verdict must be Pass or Fail');
    expect(orNull(isText)(expected.quadrant), 'expected quadrant must be text or null');
    expected.rules.forEach((rule, index) => {
        expect(
            isObject(rule) && isText(rule.name) && isText(rule.outcome),
            `expect.rules[${index}] needs name and outcome`
        );
    });
    return problems;
}

function leadProblems(lead: unknown): string[] {
    if (!isObject(lead)) {
        return ['lead must be an object of fields'];
    }
    const problems: string[] = [];
    const byLowerName = new Map<string, string>();
    for (const [name, field] of Object.entries(lead)) {
        const twin = byLowerName.get(name.toLowerCase());
        if (twin !== undefined) {
            problems.push(`lead fields "${twin}" and "${name}" differ only in case`);
        }
        byLowerName.set(name.toLowerCase(), name);
        const value = isObject(field) ? field.value : undefined;
        if (
            !isObject(field) ||
            !isText(field.type) ||
            !(value === undefined || value === null || isText(value) || isNumber(value) || typeof value === 'boolean')
        ) {
            problems.push(`lead field ${name} needs a type, and a value that is text, a number, a boolean or null`);
        }
    }
    return problems;
}

function ruleProblems(rule: unknown): string[] {
    if (!isObject(rule) || !isText(rule.DeveloperName)) {
        return ['a rule needs a DeveloperName'];
    }
    const problems: string[] = [];
    const check = (fields: string[], ok: (value: unknown) => boolean, kind: string): void => {
        for (const field of fields) {
            if (!ok(rule[field] ?? null)) {
                problems.push(`${field} must be ${kind} or null, as the org stores it`);
            }
        }
    };
    check(RULE_TEXT_FIELDS, orNull(isText), 'text');
    check(RULE_NUMBER_FIELDS, orNull(isNumber), 'a number');
    check(
        RULE_CHECKBOX_FIELDS,
        orNull((value) => typeof value === 'boolean'),
        'true, false'
    );
    if (isNumber(rule.Points__c) && !(rule.Points__c as ExactDecimal).isInteger()) {
        problems.push('Points__c must be a whole number (Points__c has no decimal places in the org)');
    }
    return problems;
}
