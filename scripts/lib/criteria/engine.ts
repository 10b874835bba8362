/**
 * Baton's criteria engine for scripts: evaluates one lead against one stage gate's rules.
 * Pure (no I/O) and total: no rule and no lead value makes it throw. Same semantics as the Apex class
 * LeadCriteriaEngine; both are held to the cases in
 * force-app/main/default/staticresources/BatonCriteriaVectors.json, whose header states the contract.
 */
import { equalsIgnoreCase, foldCase } from './caseFold.ts';
import {
    ExactDecimal,
    isPlainFieldName,
    kindOf,
    parseBoolean,
    parseDate,
    parseDatetime,
    parseNumber,
    splitList,
    trimSpaces,
    type FieldKind
} from './values.ts';

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

/** A number as the engines take it: an exact decimal, a JavaScript number, or decimal text. */
export type NumberInput = ExactDecimal | number | string;

/**
 * A lead field value as an API returns it: text, a number (exact decimal or JavaScript number), a boolean,
 * a date "YYYY-MM-DD", a datetime in any form the Salesforce APIs write, multi-select items joined by ';',
 * or blank. A value the field's type cannot hold is read as blank, and the rule's detail says so.
 */
export type FieldValue = string | number | boolean | ExactDecimal | null;

/** One lead field with its type (the Apex engine reads the type from the schema). */
export interface LeadField {
    type: string;
    value?: FieldValue;
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
    Points__c: NumberInput | null;
    Required__c: boolean | null;
    Active__c: boolean | null;
    Sort_Order__c: NumberInput | null;
    Description__c?: string | null;
    Rejection_Reason__c?: string | null;
}

/** MQL_Fit_Threshold__c and MQL_Interest_Threshold__c of Lead_Handoff_Setting__mdt; blank means 0. */
export interface Thresholds {
    fit: NumberInput | null | undefined;
    interest: NumberInput | null | undefined;
}

export interface RuleResult {
    ruleName: string;
    description: string;
    stage: string;
    dimension: string;
    outcome: Outcome;
    points: ExactDecimal;
    required: boolean;
    reason: SkipReason | null;
    detail: string;
    rejectionReason: string | null;
}

export interface StageEvaluation {
    stage: string;
    results: RuleResult[];
    fitScore: ExactDecimal;
    interestScore: ExactDecimal;
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
const ORDERED_KINDS: readonly FieldKind[] = ['number', 'date', 'datetime'];
const NEGATED: Readonly<Record<string, Operator>> = {
    'Not Equals': 'Equals',
    'Does Not Contain': 'Contains',
    'Not In': 'In'
};

const PARSE_FAILURE: Readonly<Record<FieldKind, SkipReason>> = {
    text: 'MISSING_VALUE',
    multipicklist: 'MISSING_VALUE',
    number: 'NOT_A_NUMBER',
    date: 'NOT_A_DATE',
    datetime: 'NOT_A_DATETIME',
    checkbox: 'NOT_A_BOOLEAN'
};

const KIND_WORDS: Readonly<Record<FieldKind, string>> = {
    text: 'text',
    multipicklist: 'text',
    number: 'a number',
    date: 'a date (YYYY-MM-DD)',
    datetime: 'a date and time with a zone (ISO 8601)',
    checkbox: 'true or false'
};

/** A value in comparable form: trimmed text, selected items, an exact decimal (number, day, instant) or a boolean. */
type Comparable = string | string[] | ExactDecimal | boolean;

/** The text of a rule field; a value of another JSON type counts as blank (the org stores text). */
function textOf(value: unknown): string | null {
    return typeof value === 'string' ? value : null;
}

/** A number input as an exact decimal; blank, or anything that is not a plain decimal, is null. */
export function decimalOf(value: unknown): ExactDecimal | null {
    if (ExactDecimal.isDecimal(value)) {
        return new ExactDecimal(value);
    }
    if (typeof value === 'number') {
        return Number.isFinite(value) ? new ExactDecimal(value) : null;
    }
    return typeof value === 'string' ? (parseNumber(value) ?? null) : null;
}

const ZERO = new ExactDecimal(0);

/** The stage gate a name stands for, matched ignoring case ("mql" is the MQL gate); null for any other name. */
function stageOf(stage: string): Stage | null {
    return (Object.keys(DIMENSIONS_BY_STAGE) as Stage[]).find((known) => equalsIgnoreCase(known, stage)) ?? null;
}

/** The active rules of one stage, in display order: Sort_Order__c (blank last), then DeveloperName. */
export function stageRules(rules: readonly Criterion[], stage: string): Criterion[] {
    const ordered = rules
        .filter((rule) => rule.Active__c === true && rule.Stage__c === stage)
        .map((rule) => ({ rule, order: decimalOf(rule.Sort_Order__c) }));
    ordered.sort((a, b) => {
        if (a.order === null || b.order === null) {
            return a.order === b.order ? byName(a.rule, b.rule) : a.order === null ? 1 : -1;
        }
        return a.order.eq(b.order) ? byName(a.rule, b.rule) : a.order.lt(b.order) ? -1 : 1;
    });
    return ordered.map(({ rule }) => rule);
}

function byName(a: Criterion, b: Criterion): number {
    return a.DeveloperName < b.DeveloperName ? -1 : a.DeveloperName > b.DeveloperName ? 1 : 0;
}

/**
 * One stage gate made ready to evaluate many leads: its active rules in order with their points and, per
 * field type met, their parsed values. Evaluating a prepared gate is exactly evaluateStage, without parsing
 * and sorting the rules again for every lead.
 */
export interface Gate {
    stage: string;
    /** The gate the stage names; null for an unknown stage (no rules, never passes). */
    gate: Stage | null;
    rules: PreparedRule[];
    fitThreshold: ExactDecimal;
    interestThreshold: ExactDecimal;
}

/** A rule with what does not depend on the lead worked out once. */
interface PreparedRule {
    base: Omit<RuleResult, 'outcome' | 'reason' | 'detail'>;
    /** Set when the rule's dimension does not belong to its gate: it is skipped for every lead. */
    wrongDimension: Check | null;
    fieldName: string;
    lowerFieldName: string;
    plain: boolean;
    rule: Criterion;
    stage: Stage;
    /** How the rule tests a field, by the field's type (a lead names the type of each value). */
    plans: Map<string, Plan>;
}

/** A rule's test of a field of one type: skipped for a reason, or what to compare with. */
type Plan = { skip: Check } | { kind: FieldKind; operator: Operator; expected: Comparable[] };

/** Prepares the active rules of one stage gate for evaluating many leads; an unknown stage has no rules. */
export function prepareGate(rules: readonly Criterion[], thresholds: Thresholds, stage: string): Gate {
    const gate = stageOf(stage);
    return {
        stage: gate ?? stage,
        gate,
        rules: gate ? stageRules(rules, gate).map((rule) => prepareRule(rule, gate)) : [],
        fitThreshold: decimalOf(thresholds.fit) ?? ZERO,
        interestThreshold: decimalOf(thresholds.interest) ?? ZERO
    };
}

/** Evaluates a lead against a prepared gate: the same evaluation as evaluateStage with the gate's rules. */
export function evaluateGate(gate: Gate, lead: LeadValues): StageEvaluation {
    const results = gate.rules.map((rule) => evaluatePrepared(rule, lead));
    let fitScore = ZERO;
    let interestScore = ZERO;
    let requiredPass = true;
    for (const result of results) {
        if (result.outcome === 'Passed' && result.dimension === 'Fit') {
            fitScore = fitScore.plus(result.points);
        } else if (result.outcome === 'Passed' && result.dimension === 'Interest') {
            interestScore = interestScore.plus(result.points);
        } else if (result.outcome === 'Failed' && result.required) {
            requiredPass = false;
        }
    }
    const goodFit = fitScore.gte(gate.fitThreshold);
    const salesReady = interestScore.gte(gate.interestThreshold);
    const gatePasses = gate.gate === 'MQL' ? requiredPass && goodFit && salesReady : gate.gate !== null && requiredPass;
    return {
        stage: gate.stage,
        results,
        fitScore,
        interestScore,
        verdict: gatePasses ? 'Pass' : 'Fail',
        quadrant: gate.gate === 'MQL' ? quadrantOf(goodFit, salesReady) : null
    };
}

/** Evaluates a lead against the active rules of one stage gate; an unknown stage has no rules and fails. */
export function evaluateStage(
    lead: LeadValues,
    rules: readonly Criterion[],
    thresholds: Thresholds,
    stage: string
): StageEvaluation {
    return evaluateGate(prepareGate(rules, thresholds, stage), lead);
}

function quadrantOf(goodFit: boolean, salesReady: boolean): Quadrant {
    return `${goodFit ? 'Good Fit' : 'Poor Fit'}, ${salesReady ? 'Sales Ready' : 'Sales Unready'}`;
}

/** Evaluates one rule; a misconfigured rule is Skipped with a reason, never thrown. */
export function evaluateRule(lead: LeadValues, rule: Criterion, stage: Stage): RuleResult {
    return evaluatePrepared(prepareRule(rule, stage), lead);
}

function prepareRule(rule: Criterion, stage: Stage): PreparedRule {
    const description = textOf(rule.Description__c);
    const dimension = textOf(rule.Dimension__c) ?? '';
    const fieldName = trimSpaces(textOf(rule.Field__c) ?? '');
    return {
        base: {
            ruleName: rule.DeveloperName,
            description: description === null || trimSpaces(description) === '' ? rule.DeveloperName : description,
            stage,
            dimension,
            points: decimalOf(rule.Points__c) ?? ZERO,
            required: rule.Required__c === true,
            rejectionReason: textOf(rule.Rejection_Reason__c)
        },
        wrongDimension: DIMENSIONS_BY_STAGE[stage].includes(dimension)
            ? null
            : skip('WRONG_DIMENSION', `dimension "${dimension}" does not belong to the ${stage} gate`),
        fieldName,
        lowerFieldName: fieldName.toLowerCase(),
        plain: isPlainFieldName(fieldName),
        rule,
        stage,
        plans: new Map()
    };
}

function evaluatePrepared(prepared: PreparedRule, lead: LeadValues): RuleResult {
    const check = checkRule(prepared, lead);
    if ('reason' in check) {
        return { ...prepared.base, outcome: 'Skipped', reason: check.reason, detail: check.detail };
    }
    return { ...prepared.base, outcome: check.passed ? 'Passed' : 'Failed', reason: null, detail: check.detail };
}

type Check = { passed: boolean; detail: string } | { reason: SkipReason; detail: string };

function checkRule(prepared: PreparedRule, lead: LeadValues): Check {
    if (prepared.wrongDimension) {
        return prepared.wrongDimension;
    }
    const field = prepared.plain ? findField(lead, prepared.fieldName, prepared.lowerFieldName) : undefined;
    if (!field) {
        return skip('UNKNOWN_FIELD', `Lead has no field "${prepared.fieldName}"`);
    }
    let plan = prepared.plans.get(field.type);
    if (plan === undefined) {
        plan = planRule(prepared.rule, prepared.fieldName, field.type);
        prepared.plans.set(field.type, plan);
    }
    if ('skip' in plan) {
        return plan.skip;
    }
    const actual = readLeadValue(plan.kind, field.value ?? null);
    const detail = `${prepared.fieldName} is ${actual.shown}`;
    if (plan.operator === 'Is Blank' || plan.operator === 'Is Not Blank') {
        return { passed: (actual.value === null) === (plan.operator === 'Is Blank'), detail };
    }
    return { passed: compare(plan.operator, actual.value, plan.expected), detail };
}

/** How a rule tests a field of this type: the checks of the rule that do not depend on the lead's value. */
function planRule(rule: Criterion, fieldName: string, fieldType: string): Plan {
    const kind = kindOf(fieldType);
    if (!kind) {
        return {
            skip: skip('UNSUPPORTED_FIELD_TYPE', `${fieldName} is a ${fieldType} field, which rules cannot test`)
        };
    }
    const operator = textOf(rule.Operator__c) ?? '';
    if (!(OPERATORS as readonly string[]).includes(operator)) {
        return { skip: skip('UNKNOWN_OPERATOR', `unknown operator "${operator}"`) };
    }
    if (operator === 'Is Blank' || operator === 'Is Not Blank') {
        return { kind, operator, expected: [] };
    }
    if (!operatorFits(operator, kind)) {
        return { skip: skip('OPERATOR_NOT_FOR_TYPE', `"${operator}" cannot test the ${fieldType} field ${fieldName}`) };
    }
    const value = textOf(rule.Value__c);
    const listed = operator === 'In' || operator === 'Not In' || kind === 'multipicklist';
    const texts = listed ? splitList(value) : [trimSpaces(value ?? '')].filter(Boolean);
    if (texts.length === 0) {
        return { skip: skip('MISSING_VALUE', `"${operator}" needs a value`) };
    }
    const expected: Comparable[] = [];
    for (const text of texts) {
        const parsed = parseRuleValue(kind, text);
        if (parsed === undefined) {
            return { skip: skip(PARSE_FAILURE[kind], `"${text}" is not ${KIND_WORDS[kind]}`) };
        }
        expected.push(typeof parsed === 'string' ? foldCase(parsed) : parsed);
    }
    return { kind, operator: operator as Operator, expected };
}

function operatorFits(operator: string, kind: FieldKind): boolean {
    if (ORDERING_OPERATORS.includes(operator)) {
        return ORDERED_KINDS.includes(kind);
    }
    if (operator === 'Contains' || operator === 'Does Not Contain') {
        return kind === 'text' || kind === 'multipicklist';
    }
    return operator !== 'Starts With' || kind === 'text';
}

function skip(reason: SkipReason, detail: string): Check {
    return { reason, detail: `Skipped: ${detail}` };
}

/**
 * The lead's field of that plain API name, ignoring case (the name as written first, then any spelling);
 * relationship paths are never fields.
 */
function findField(lead: LeadValues, fieldName: string, lowerName: string): LeadField | undefined {
    if (Object.hasOwn(lead, fieldName)) {
        return lead[fieldName];
    }
    const key = Object.keys(lead).find((name) => name.toLowerCase() === lowerName);
    return key === undefined ? undefined : lead[key];
}

function parseRuleValue(kind: FieldKind, text: string): Comparable | undefined {
    switch (kind) {
        case 'text':
        case 'multipicklist':
            return text;
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

interface LeadValue {
    /** Comparable form; null when blank (or unreadable). A checkbox is never blank: unset or unreadable is false. */
    value: Comparable | null;
    /** How the detail shows it: "…" quoted, or blank, with why a value could not be read. */
    shown: string;
}

/** Reads a lead value by its field's kind: what the kind cannot hold is blank, never an exception. */
function readLeadValue(kind: FieldKind, raw: FieldValue): LeadValue {
    const blank = kind === 'checkbox' ? { value: false, shown: '"false"' } : { value: null, shown: 'blank' };
    if (raw === null || (typeof raw === 'string' && trimSpaces(raw) === '')) {
        return blank;
    }
    const value = comparableLeadValue(kind, raw);
    if (Array.isArray(value) && value.length === 0) {
        return blank;
    }
    if (value === undefined) {
        return { ...blank, shown: `${blank.shown} (cannot read ${rawText(raw)} as ${KIND_WORDS[kind]})` };
    }
    // Text as stored; a checkbox as the boolean read; a number in plain decimal form.
    if (typeof value === 'boolean') {
        return { value, shown: `"${String(value)}"` };
    }
    return { value, shown: `"${typeof raw === 'string' ? raw : canonicalText(raw)}"` };
}

function comparableLeadValue(kind: FieldKind, raw: Exclude<FieldValue, null>): Comparable | undefined {
    if (kind === 'checkbox' && typeof raw === 'boolean') {
        return raw;
    }
    if (kind === 'number' && typeof raw !== 'string' && typeof raw !== 'boolean') {
        return decimalOf(raw) ?? undefined;
    }
    if (typeof raw !== 'string') {
        return undefined;
    }
    switch (kind) {
        case 'text':
            return trimSpaces(raw);
        case 'multipicklist':
            return splitList(raw);
        default:
            return parseRuleValue(kind, raw);
    }
}

/** A lead value as written in a detail: text quoted, numbers in plain decimal form, booleans as words. */
function rawText(raw: Exclude<FieldValue, null>): string {
    return typeof raw === 'string' ? `"${raw}"` : canonicalText(raw);
}

function canonicalText(raw: number | boolean | ExactDecimal): string {
    const number = typeof raw === 'boolean' ? null : decimalOf(raw);
    // Apex's Decimal has no negative zero.
    return number === null ? String(raw) : number.isZero() ? '0' : number.toFixed();
}

/**
 * Negative operators are the exact complement of their positive twin, blanks included. Text is compared
 * folded (caseFold.ts): the plan holds the rule's text values folded, the lead's text is folded here once.
 */
function compare(operator: Operator, actual: Comparable | null, expected: Comparable[]): boolean {
    const positive = NEGATED[operator];
    if (positive) {
        return !compare(positive, actual, expected);
    }
    if (actual === null) {
        return false;
    }
    if (Array.isArray(actual)) {
        return compareSelection(operator, actual.map(foldCase), expected as string[]);
    }
    const first = expected[0] as Comparable;
    if (typeof actual === 'string') {
        const text = foldCase(actual);
        switch (operator) {
            case 'Equals':
                return text === first;
            case 'In':
                return expected.includes(text);
            case 'Contains':
                return text.includes(first as string);
            default:
                return text.startsWith(first as string);
        }
    }
    switch (operator) {
        case 'Equals':
            return same(actual, first);
        case 'In':
            return expected.some((candidate) => same(actual, candidate));
        default:
            return ordered(operator, actual as ExactDecimal, first as ExactDecimal);
    }
}

/** Multi-select picklists as sets of folded items, like SOQL's INCLUDES / EXCLUDES (contract point 7). */
function compareSelection(operator: Operator, selected: string[], listed: string[]): boolean {
    const isSelected = (item: string): boolean => selected.includes(item);
    switch (operator) {
        case 'Equals':
            return listed.every(isSelected) && selected.every((choice) => listed.includes(choice));
        case 'In':
            return listed.some(isSelected);
        default:
            return listed.every(isSelected);
    }
}

function same(actual: ExactDecimal | boolean, candidate: Comparable): boolean {
    return typeof actual === 'boolean' ? actual === candidate : actual.eq(candidate as ExactDecimal);
}

function ordered(operator: Operator, actual: ExactDecimal, limit: ExactDecimal): boolean {
    switch (operator) {
        case 'Greater Than':
            return actual.gt(limit);
        case 'Greater Or Equal':
            return actual.gte(limit);
        case 'Less Than':
            return actual.lt(limit);
        default:
            return actual.lte(limit);
    }
}
