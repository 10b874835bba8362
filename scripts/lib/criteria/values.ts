/**
 * Parsing of rule values and lead values, shared semantics with the Apex class LeadFieldReader.
 * The rules are written down in the header of force-app/main/default/staticresources/BatonCriteriaVectors.json.
 */

/** The field types a criterion can test, named as in the criteria vectors. */
export type FieldType =
    'text' | 'picklist' | 'email' | 'phone' | 'number' | 'currency' | 'percent' | 'date' | 'datetime' | 'checkbox';

/** How a type is compared: text-like, numeric, calendar day, instant or boolean. */
export type FieldKind = 'text' | 'number' | 'date' | 'datetime' | 'checkbox';

const KIND_BY_TYPE: Readonly<Record<FieldType, FieldKind>> = {
    text: 'text',
    picklist: 'text',
    email: 'text',
    phone: 'text',
    number: 'number',
    currency: 'number',
    percent: 'number',
    date: 'date',
    datetime: 'datetime',
    checkbox: 'checkbox'
};

/** The comparison kind of a field type, or undefined for a type Baton cannot compare (e.g. address). */
export function kindOf(type: string): FieldKind | undefined {
    return Object.hasOwn(KIND_BY_TYPE, type) ? KIND_BY_TYPE[type as FieldType] : undefined;
}

const NUMBER_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;
const MS_PER_DAY = 86_400_000;

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

/** A plain decimal number ("50", "-1.5", ".5"); no exponent, no thousands separator, no unit. */
export function parseNumber(text: string): number | undefined {
    const trimmed = trimSpaces(text);
    return NUMBER_PATTERN.test(trimmed) ? Number(trimmed) : undefined;
}

/** A calendar date "YYYY-MM-DD" as a day number (days since 1970-01-01); invalid days are rejected. */
export function parseDate(text: string): number | undefined {
    const match = DATE_PATTERN.exec(trimSpaces(text));
    if (!match) {
        return undefined;
    }
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return isValidDay(year, month, day) ? Date.UTC(year, month - 1, day) / MS_PER_DAY : undefined;
}

/** An ISO-8601 instant with an explicit zone ("2026-03-02T09:30:00Z", "…+01:00") as epoch milliseconds. */
export function parseDatetime(text: string): number | undefined {
    const match = DATETIME_PATTERN.exec(trimSpaces(text));
    if (!match) {
        return undefined;
    }
    const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((index) => Number(match[index]));
    const second = Number(match[6] ?? '0');
    const millis = Number((match[7] ?? '0').padEnd(3, '0'));
    const zone = match[8] ?? 'Z';
    if (
        year === undefined ||
        month === undefined ||
        day === undefined ||
        hour === undefined ||
        minute === undefined ||
        !isValidDay(year, month, day) ||
        hour > 23 ||
        minute > 59 ||
        second > 59
    ) {
        return undefined;
    }
    const offsetMinutes =
        zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
    return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

/** "true" or "false", any case. */
export function parseBoolean(text: string): boolean | undefined {
    const lower = trimSpaces(text).toLowerCase();
    return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

function isValidDay(year: number, month: number, day: number): boolean {
    if (month < 1 || month > 12 || day < 1) {
        return false;
    }
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return day <= daysInMonth;
}
