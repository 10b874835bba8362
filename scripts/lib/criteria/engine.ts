/**
 * Baton's criteria engine for scripts: evaluates one lead against one stage gate's rules.
 * Pure (no I/O). Same semantics as the Apex class LeadCriteriaEngine; both are held to the cases in
 * force-app/main/default/staticresources/BatonCriteriaVectors.json, whose header states the rules.
 */
import { kindOf, parseBoolean, parseDate, parseDatetime, parseNumber, trimSpaces } from './values.ts';
import type { FieldKind } from './values.ts';

export type Stage = 'MQL' | 'SAL' | 'SQL';
export type Outcome = 'Passed' | 'Failed' | 'Skipped';
export type Verdict = 'Pass' | 'Fail';
export type Quadrant =
    'Good Fit, Sales Ready' | 'Good Fit, Sales Unready' | 'Poor Fit, Sales Ready' | 'Poor Fit, Sales Unready';

/** Why a misconfigured rule was skipped. */
export type SkipReason =
    | 'WRONG_DIMENSION'
    | 'UNKNOWN_FIELD'
    | 'UNSUPPORTED_FIELD_TYPE'
    | 'UNKNOWN_OPERATOR'
    | 'OPERATOR_NOT_FOR_TYPE'
    | 'MISSING_VALUE'
    | 'NOT_A_NUMBER'
    | 'NOT_A_DATE'
    | 'NOT_A_DATETIME'
    | 'NOT_A_BOOLEAN';

export const OPERATORS = [
    'Equals',
    'Not Equals',
    'Greater Than',
    'Greater Or Equal',
    'Less Than',
    'Less Or Equal',
    'Contains',
    'Does Not Contain',
    'Starts With',
    'In',
    'Not In',
    'Is Blank',
    'Is Not Blank'
] as const;
export type Operator = (typeof OPERATORS)[number];

/** A lead field value: text, number, boolean, a date "YYYY-MM-DD", an ISO instant with zone, or blank. */
export type FieldValue = string | number | boolean | null;

/** One lead field with its type (the Apex engine reads the type from the schema). */
export interface LeadField {
    type: string;
    value: FieldValue;
}

/** Lead field values by API name; names match case-insensitively, as in Salesforce. */
export type LeadValues = Record<string, LeadField>;

/** A Lead_Stage_Criterion__mdt record, with its API names. */
export interface Criterion {
    DeveloperName: string;
    Stage__c: string | null;
    Dimension__c: string | null;
    Field__c: string | null;
    Operator__c: string | null;
    Value__c: string | null;
    Points__c: number | null;
    Required__c: boolean | null;
    Active__c: boolean | null;
    Sort_Order__c: number | null;
    Description__c?: string | null;
    Rejection_Reason__c?: string | null;
}

/** MQL_Fit_Threshold__c and MQL_Interest_Threshold__c of Lead_Handoff_Setting__mdt. */
export interface Thresholds {
    fit: number;
    interest: number;
}

export interface RuleResult {
    ruleName: string;
    description: string;
    stage: Stage;
    dimension: string;
    outcome: Outcome;
    points: number;
    required: boolean;
    reason: SkipReason | null;
    detail: string;
    rejectionReason: string | null;
}

export interface StageEvaluation {
    stage: Stage;
    results: RuleResult[];
    fitScore: number;
    interestScore: number;
    verdict: Verdict;
    /** MQL only: the seeds' fit × sales-ready quadrant of the two scores. */
    quadrant: Quadrant | null;
}

const DIMENSIONS_BY_STAGE: Readonly<Record<Stage, readonly string[]>> = {
    MQL: ['Fit', 'Interest'],
    SAL: ['Acceptance'],
    SQL: ['Readiness']
};

const ORDERING_OPERATORS: readonly string[] = ['Greater Than', 'Greater Or Equal', 'Less Than', 'Less Or Equal'];
const TEXT_OPERATORS: readonly string[] = ['Contains', 'Does Not Contain', 'Starts With'];
const NEGATED: Readonly<Record<string, Operator>> = {
    'Not Equals': 'Equals',
    'Does Not Contain': 'Contains',
    'Not In': 'In'
};

/** The active rules of one stage, in display order: Sort_Order__c (blank last), then DeveloperName. */
export function stageRules(rules: readonly Criterion[], stage: Stage): Criterion[] {
    return rules
        .filter((rule) => rule.Active__c === true && rule.Stage__c === stage)
        .sort((a, b) => {
            const orderA = a.Sort_Order__c ?? Number.POSITIVE_INFINITY;
            const orderB = b.Sort_Order__c ?? Number.POSITIVE_INFINITY;
            if (orderA !== orderB) {
                return orderA < orderB ? -1 : 1;
            }
            return a.DeveloperName < b.DeveloperName ? -1 : a.DeveloperName > b.DeveloperName ? 1 : 0;
        });
}

/** Evaluates a lead against the active rules of one stage gate. */
export function evaluateStage(
    lead: LeadValues,
    rules: readonly Criterion[],
    thresholds: Thresholds,
    stage: Stage
): StageEvaluation {
    const results = stageRules(rules, stage).map((rule) => evaluateRule(lead, rule, stage));
    const fitScore = sumPoints(results, 'Fit');
    const interestScore = sumPoints(results, 'Interest');
    const requiredPass = results.every((result) => !(result.required && result.outcome === 'Failed'));
    const goodFit = fitScore >= thresholds.fit;
    const salesReady = interestScore >= thresholds.interest;
    const gatePasses = stage === 'MQL' ? requiredPass && goodFit && salesReady : requiredPass;
    return {
        stage,
        results,
        fitScore,
        interestScore,
        verdict: gatePasses ? 'Pass' : 'Fail',
        quadrant: stage === 'MQL' ? quadrantOf(goodFit, salesReady) : null
    };
}

function quadrantOf(goodFit: boolean, salesReady: boolean): Quadrant {
    return `${goodFit ? 'Good Fit' : 'Poor Fit'}, ${salesReady ? 'Sales Ready' : 'Sales Unready'}`;
}

function sumPoints(results: readonly RuleResult[], dimension: string): number {
    return results
        .filter((result) => result.outcome === 'Passed' && result.dimension === dimension)
        .reduce((total, result) => total + result.points, 0);
}

/** Evaluates one rule; a misconfigured rule is Skipped with a reason, never thrown. */
export function evaluateRule(lead: LeadValues, rule: Criterion, stage: Stage): RuleResult {
    const base = {
        ruleName: rule.DeveloperName,
        description: rule.Description__c ?? rule.DeveloperName,
        stage,
        dimension: rule.Dimension__c ?? '',
        points: rule.Points__c ?? 0,
        required: rule.Required__c === true,
        rejectionReason: rule.Rejection_Reason__c ?? null
    };
    const check = checkRule(lead, rule, stage);
    if ('reason' in check) {
        return { ...base, outcome: 'Skipped', reason: check.reason, detail: check.detail };
    }
    return { ...base, outcome: check.passed ? 'Passed' : 'Failed', reason: null, detail: check.detail };
}

type Check = { passed: boolean; detail: string } | { reason: SkipReason; detail: string };

function checkRule(lead: LeadValues, rule: Criterion, stage: Stage): Check {
    const dimension = rule.Dimension__c ?? '';
    if (!DIMENSIONS_BY_STAGE[stage].includes(dimension)) {
        return skip('WRONG_DIMENSION', `dimension "${dimension}" does not belong to the ${stage} gate`);
    }
    const fieldName = trimSpaces(rule.Field__c ?? '');
    const field = findField(lead, fieldName);
    if (!field) {
        return skip('UNKNOWN_FIELD', `Lead has no field "${fieldName}" (or it cannot be read)`);
    }
    const kind = kindOf(field.type);
    if (!kind) {
        return skip('UNSUPPORTED_FIELD_TYPE', `${fieldName} is a ${field.type} field, which rules cannot test`);
    }
    const operator = rule.Operator__c ?? '';
    if (!(OPERATORS as readonly string[]).includes(operator)) {
        return skip('UNKNOWN_OPERATOR', `unknown operator "${operator}"`);
    }
    const value = normalise(kind, field.value);
    const shown = `${fieldName} is ${value === null ? 'blank' : `"${String(field.value)}"`}`;
    if (operator === 'Is Blank' || operator === 'Is Not Blank') {
        return { passed: (value === null) === (operator === 'Is Blank'), detail: shown };
    }
    if (
        (ORDERING_OPERATORS.includes(operator) && (kind === 'text' || kind === 'checkbox')) ||
        (TEXT_OPERATORS.includes(operator) && kind !== 'text')
    ) {
        return skip('OPERATOR_NOT_FOR_TYPE', `"${operator}" cannot test the ${field.type} field ${fieldName}`);
    }
    const listOperator = operator === 'In' || operator === 'Not In';
    const texts = listOperator ? splitList(rule.Value__c) : [trimSpaces(rule.Value__c ?? '')].filter(Boolean);
    if (texts.length === 0) {
        return skip('MISSING_VALUE', `"${operator}" needs a value`);
    }
    const expected: (string | number | boolean)[] = [];
    for (const text of texts) {
        const parsed = parseValue(kind, text);
        if (parsed === undefined) {
            return skip(PARSE_FAILURE[kind], `"${text}" is not ${DESCRIPTION_OF_KIND[kind]}`);
        }
        expected.push(parsed);
    }
    return { passed: compare(operator as Operator, value, expected), detail: shown };
}

function skip(reason: SkipReason, detail: string): Check {
    return { reason, detail: `Skipped: ${detail}` };
}

function findField(lead: LeadValues, fieldName: string): LeadField | undefined {
    const lower = fieldName.toLowerCase();
    const key = Object.keys(lead).find((name) => name.toLowerCase() === lower);
    return fieldName && key !== undefined ? lead[key] : undefined;
}

/** Splits an In / Not In list on ';', trimming each item and dropping empty ones. */
export function splitList(value: string | null): string[] {
    return (value ?? '')
        .split(';')
        .map(trimSpaces)
        .filter((item) => item.length > 0);
}

const PARSE_FAILURE: Readonly<Record<FieldKind, SkipReason>> = {
    text: 'MISSING_VALUE',
    number: 'NOT_A_NUMBER',
    date: 'NOT_A_DATE',
    datetime: 'NOT_A_DATETIME',
    checkbox: 'NOT_A_BOOLEAN'
};

const DESCRIPTION_OF_KIND: Readonly<Record<FieldKind, string>> = {
    text: 'text',
    number: 'a number',
    date: 'a date (YYYY-MM-DD)',
    datetime: 'an ISO-8601 date and time with a zone',
    checkbox: 'true or false'
};

function parseValue(kind: FieldKind, text: string): string | number | boolean | undefined {
    switch (kind) {
        case 'text':
            return text.toLowerCase();
        case 'number':
            return parseNumber(text);
        case 'date':
            return parseDate(text);
        case 'datetime':
            return parseDatetime(text);
        case 'checkbox':
            return parseBoolean(text);
    }
}

/** The lead value in comparable form, or null when blank (a blank checkbox is false). */
function normalise(kind: FieldKind, value: FieldValue): string | number | boolean | null {
    if (kind === 'checkbox') {
        return value === true;
    }
    if (value === null || (typeof value === 'string' && trimSpaces(value) === '')) {
        return null;
    }
    if (kind === 'text') {
        return trimSpaces(String(value)).toLowerCase();
    }
    if (typeof value === 'number') {
        return value;
    }
    const parsed =
        kind === 'date'
            ? parseDate(String(value))
            : kind === 'datetime'
              ? parseDatetime(String(value))
              : parseNumber(String(value));
    if (parsed === undefined) {
        throw new Error(`Lead value ${JSON.stringify(value)} is not a valid ${kind}`);
    }
    return parsed;
}

/** Negative operators are the exact complement of their positive twin, blanks included. */
function compare(
    operator: Operator,
    actual: string | number | boolean | null,
    expected: (string | number | boolean)[]
): boolean {
    const positive = NEGATED[operator];
    if (positive) {
        return !compare(positive, actual, expected);
    }
    if (actual === null) {
        return false;
    }
    const [first] = expected;
    switch (operator) {
        case 'Equals':
            return actual === first;
        case 'In':
            return expected.includes(actual);
        case 'Contains':
            return String(actual).includes(String(first));
        case 'Starts With':
            return String(actual).startsWith(String(first));
        case 'Greater Than':
            return (actual as number) > (first as number);
        case 'Greater Or Equal':
            return (actual as number) >= (first as number);
        case 'Less Than':
            return (actual as number) < (first as number);
        case 'Less Or Equal':
            return (actual as number) <= (first as number);
        default:
            return false;
    }
}
