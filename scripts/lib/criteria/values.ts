/**
 * The one parser of criteria values (rule values and lead values alike), with the same rules as the Apex
 * class LeadFieldReader; the offline gate (scripts/validate) uses it too, so what the gate accepts is what
 * the engines evaluate. The rules are written in the header of
 * force-app/main/default/staticresources/BatonCriteriaVectors.json (contract version 2).
 *
 * Numbers are exact decimals (decimal.js), never binary doubles: dates are day numbers and datetimes epoch
 * milliseconds as decimals too, so every ordering comparison is one exact decimal comparison.
 */
import { Decimal } from 'decimal.js';

/**
 * Decimal arithmetic that never rounds: the engines only add whole points and compare values, and Apex's
 * Decimal keeps every digit of a sum; printing never switches to exponent notation.
 */
export const ExactDecimal = Decimal.clone({ precision: 1e9, toExpNeg: -9e15, toExpPos: 9e15 });
export type ExactDecimal = Decimal;

/** How a field is compared. */
export type FieldKind = 'text' | 'number' | 'date' | 'datetime' | 'checkbox' | 'multipicklist';

/** The field types the criteria vectors name, by comparison kind (contract point 6). */
const KIND_BY_TYPE: Readonly<Record<string, FieldKind>> = {
    text: 'text',
    textarea: 'text',
    longtextarea: 'text',
    email: 'text',
    phone: 'text',
    url: 'text',
    picklist: 'text',
    combobox: 'text',
    id: 'text',
    reference: 'text',
    number: 'number',
    currency: 'number',
    percent: 'number',
    integer: 'number',
    long: 'number',
    double: 'number',
    date: 'date',
    datetime: 'datetime',
    checkbox: 'checkbox',
    multipicklist: 'multipicklist'
};

/** The field types a criterion can test, named as in the criteria vectors. */
export const FIELD_TYPES = Object.keys(KIND_BY_TYPE);
export type FieldType = keyof typeof KIND_BY_TYPE;

/** The comparison kind of a field type; undefined for a type rules cannot test (rich text, encrypted, address). */
export function kindOf(type: string): FieldKind | undefined {
    return Object.hasOwn(KIND_BY_TYPE, type) ? KIND_BY_TYPE[type] : undefined;
}

/** A plain field API name: a letter, then letters, digits and underscores (no relationship path). */
const FIELD_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
const NUMBER_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_PATTERN =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;
const MS_PER_DAY = 86_400_000;
const MAX_OFFSET_MINUTES = 14 * 60;

export function isPlainFieldName(name: string): boolean {
    return FIELD_NAME_PATTERN.test(name);
}

/**
 * Removes leading and trailing characters up to U+0020 (spaces, tabs, line breaks, control characters),
 * exactly what Apex's String trim() removes; a non-breaking or em space is kept, as in Apex.
 */
export function trimSpaces(text: string): string {
    let start = 0;
    let end = text.length;
    while (start < end && text.charCodeAt(start) <= 0x20) {
        start++;
    }
    while (end > start && text.charCodeAt(end - 1) <= 0x20) {
        end--;
    }
    return text.slice(start, end);
}

/** A plain decimal number ("50", "-1.5", ".5", "5."); no exponent, no thousands separator, no unit. */
export function parseNumber(text: string): ExactDecimal | undefined {
    const trimmed = trimSpaces(text);
    return NUMBER_PATTERN.test(trimmed) ? new ExactDecimal(trimmed) : undefined;
}

/** A calendar date "YYYY-MM-DD" (years 0001–9999, real days only) as a day number (days since 1970-01-01). */
export function parseDate(text: string): ExactDecimal | undefined {
    const match = DATE_PATTERN.exec(trimSpaces(text));
    if (!match) {
        return undefined;
    }
    const day = dayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
    return day === undefined ? undefined : new ExactDecimal(day);
}

/**
 * An instant in every form the Salesforce APIs write: "2026-11-27T10:00:00.000+0000", "…Z", "…+01:00";
 * seconds and fractions optional, the zone required, offsets within ±14:00. Epoch milliseconds, exact
 * (a fraction finer than a millisecond is kept as a decimal fraction of a millisecond).
 */
export function parseDatetime(text: string): ExactDecimal | undefined {
    const match = DATETIME_PATTERN.exec(trimSpaces(text));
    if (!match) {
        return undefined;
    }
    const [hour, minute, second] = [match[4], match[5], match[6] ?? '0'].map(Number) as [number, number, number];
    const day = dayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
    const offsetMinutes = match[8] ? 0 : Number(match[10]) * 60 + Number(match[11]);
    if (
        day === undefined ||
        hour > 23 ||
        minute > 59 ||
        second > 59 ||
        Number(match[11] ?? 0) > 59 ||
        offsetMinutes > MAX_OFFSET_MINUTES
    ) {
        return undefined;
    }
    const signedOffset = match[9] === '-' ? -offsetMinutes : offsetMinutes;
    const wholeMs = day * MS_PER_DAY + ((hour * 60 + minute - signedOffset) * 60 + second) * 1000;
    const fraction = new ExactDecimal(`0.${match[7] ?? '0'}`).times(1000);
    return new ExactDecimal(wholeMs).plus(fraction);
}

/** "true" or "false", any case. */
export function parseBoolean(text: string): boolean | undefined {
    const lower = trimSpaces(text).toLowerCase();
    return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

/** Splits a ';'-separated list (In / Not In values, multi-select picklist values): trimmed, empty items dropped. */
export function splitList(value: string | null): string[] {
    return (value ?? '')
        .split(';')
        .map(trimSpaces)
        .filter((item) => item.length > 0);
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, or undefined when it is not a real day or outside
 * years 0001–9999 (civil-from-days arithmetic: no Date object, so years below 100 stay what they are).
 */
export function dayNumber(year: number, month: number, day: number): number | undefined {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
        return undefined;
    }
    const shiftedYear = month <= 2 ? year - 1 : year;
    const era = Math.floor(shiftedYear / 400);
    const yearOfEra = shiftedYear - era * 400;
    const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
    const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
    if (month === 2) {
        const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
        return leap ? 29 : 28;
    }
    return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** JSON.parse's reviver with the source text of primitive values (Node >= 21). */
type SourceReviver = (this: unknown, key: string, value: unknown, context: { source?: string }) => unknown;

/**
 * Parses JSON with every number as an exact decimal of its source text (as Apex's JSON parser reads a
 * Decimal): JSON.parse alone would round "12345678901234567" to the nearest double, 12345678901234568.
 */
export function parseExactJson(text: string): unknown {
    const reviver: SourceReviver = (_key, value, context) =>
        typeof value === 'number' && context.source !== undefined ? new ExactDecimal(context.source) : value;
    return JSON.parse(text, reviver as Parameters<typeof JSON.parse>[1]);
}
