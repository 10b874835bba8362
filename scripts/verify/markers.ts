/**
 * Marker values for conversion checks: for each lead field, a value of the right type that fits
 * the source and every target field (length, digits), a real active picklist value accepted
 * by every restricted target, and never the field's default (so a carried value is told apart
 * from a defaulted one).
 *
 * Text, email, phone and URL markers are unique to the run and to the test lead: a word drawn from
 * the run id, the lead's number and the field, so the check's leads match neither each other nor
 * anything already in the org under the standard duplicate matching rules (which compare names,
 * email, phone, title, company and address fuzzily; see scripts/org-double/duplicates.ts).
 */
import { createHash } from 'node:crypto';
import type { DescribeSObjectResult } from '@jsforce/jsforce-node';
import { asText } from '../lib/text.ts';

export type DescribeField = DescribeSObjectResult['fields'][number];
export type MarkerValue = string | number | boolean;

/** `text` cut to the shortest field; without trailing spaces, which the platform would trim on save. */
function fitText(text: string, fields: DescribeField[]): string {
    const limit = Math.min(...fields.map((field) => (field.length > 0 ? field.length : Number.MAX_SAFE_INTEGER)));
    return text.slice(0, limit).trimEnd();
}

/** Who a marker is for: the run, the test lead's number and the field's number. */
export interface MarkerKey {
    runId: string;
    lead: number;
    seed: number;
}

/** Digits drawn from the key (0–9, as many as asked). */
function digits(key: MarkerKey, count: number): string {
    const hash = createHash('sha256').update(`${key.runId}:${key.lead}:${key.seed}`).digest();
    return [...hash.subarray(0, count)].map((byte) => String(byte % 10)).join('');
}

/** A ten-letter word drawn from the key, consonants and vowels in turn so it reads as a name. */
export function markerWord(key: MarkerKey): string {
    const consonants = 'bcdfghjklmnprstvwz';
    const vowels = 'aeiou';
    const hash = createHash('sha256').update(`word:${key.runId}:${key.lead}:${key.seed}`).digest();
    const letters = [...hash.subarray(0, 10)].map((byte, index) =>
        index % 2 === 0 ? consonants[byte % consonants.length] : vowels[byte % vowels.length]
    );
    return `${(letters[0] ?? 'b').toUpperCase()}${letters.slice(1).join('')}`;
}

function fitNumber(seed: number, fields: DescribeField[]): number {
    const digits = Math.min(
        ...fields.map((field) =>
            field.type === 'int' ? Math.max(field.digits, 1) : Math.max(field.precision - field.scale, 1)
        )
    );
    const max = 10 ** Math.min(digits, 9) - 1;
    return (seed % max) + 1;
}

interface PicklistOption {
    active: boolean;
    value: string;
    defaultValue: boolean;
}

const optionsOf = (field: DescribeField): PicklistOption[] => (field.picklistValues ?? []) as PicklistOption[];

function picklistValue(source: DescribeField, targets: DescribeField[]): string | undefined {
    const accepted = (value: string): boolean =>
        targets.every(
            (target) =>
                !target.restrictedPicklist ||
                optionsOf(target).some((option) => option.active && option.value === value)
        );
    const options = optionsOf(source).filter((option) => option.active && accepted(option.value));
    return (options.find((option) => !option.defaultValue) ?? options[0])?.value;
}

/**
 * A marker for `source` that every target can hold, or undefined when none can be built
 * (a lookup, or a picklist with no value every target accepts).
 */
export function markerValue(source: DescribeField, targets: DescribeField[], key: MarkerKey): MarkerValue | undefined {
    const fields = [source, ...targets];
    const { seed, runId } = key;
    const word = markerWord(key);
    switch (source.type) {
        case 'string':
        case 'textarea':
            return fitText(`${word} ${runId}`, fields);
        case 'email':
            return fitText(`${word}.${runId}@example.com`.toLowerCase(), fields);
        case 'phone':
            return fitText(`+1 555 ${digits(key, 3)} ${digits({ ...key, seed: seed + 1000 }, 4)}`, fields);
        case 'url':
            return fitText(`https://${word.toLowerCase()}.example.com/${runId}`, fields);
        case 'picklist':
        case 'multipicklist':
            return picklistValue(source, targets);
        case 'boolean':
            return String(source.defaultValue) !== 'true';
        case 'int':
        case 'double':
        case 'currency':
        case 'percent':
            return fitNumber(seed + 36, fields);
        case 'date':
            return `2026-01-${String((seed % 27) + 1).padStart(2, '0')}`;
        case 'datetime':
            return new Date(Date.UTC(2026, 0, 1 + (seed % 27), 9, seed % 60)).toISOString();
        default:
            return undefined;
    }
}

/** Whether the value read back from a target equals the expected one, by the field's type. */
export function sameValue(expected: unknown, actual: unknown, type: string): boolean {
    if (expected === null || expected === undefined || expected === '') {
        return actual === null || actual === undefined || actual === '';
    }
    if (actual === null || actual === undefined) {
        return false;
    }
    if (type === 'datetime') {
        const parse = (value: unknown): number => Date.parse(asText(value).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
        return parse(expected) === parse(actual);
    }
    if (['int', 'double', 'currency', 'percent'].includes(type)) {
        return Number(expected) === Number(actual);
    }
    if (type === 'reference' || type === 'id') {
        return asText(expected).slice(0, 15) === asText(actual).slice(0, 15);
    }
    return asText(expected) === asText(actual);
}
