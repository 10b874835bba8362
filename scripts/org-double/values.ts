/** Converts API input values to the stored form of a field, applying the platform's type rules. */
import type { FieldDefinition } from '../lib/projectMetadata.ts';
import { ApiError } from './apiError.ts';
import { asText } from '../lib/text.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Field types whose values are text, which the platform trims on save. */
const TEXT_TYPES = new Set(['string', 'textarea', 'email', 'phone', 'url', 'picklist', 'multipicklist']);

/** Salesforce's datetime format: `2026-11-23T18:04:49.000+0000`. */
export function formatDateTime(date: Date): string {
    return date.toISOString().replace('Z', '+0000');
}

/**
 * A double as Java's Double.toString writes it: the shortest digits that identify it, with at least one
 * digit after the point; plain from 10^-3 up to 10^7 ("50.0", "0.001"), otherwise in computerized
 * scientific notation ("1.0E7", "1.6147805824397E13", "1.0E-4").
 */
export function javaDoubleText(value: number): string {
    if (value === 0) {
        return Object.is(value, -0) ? '-0.0' : '0.0';
    }
    const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
    const exponent = Number(exponentText);
    const sign = value < 0 ? '-' : '';
    const digits = mantissa.replace('-', '').replace('.', '');
    const magnitude = Math.abs(value);
    if (magnitude >= 1e-3 && magnitude < 1e7) {
        const whole = exponent >= 0 ? digits.slice(0, exponent + 1).padEnd(exponent + 1, '0') : '0';
        const fraction = exponent >= 0 ? digits.slice(exponent + 1) : `${'0'.repeat(-exponent - 1)}${digits}`;
        return `${sign}${whole}.${fraction === '' ? '0' : fraction}`;
    }
    return `${sign}${digits[0] ?? '0'}.${digits.slice(1) || '0'}E${exponent}`;
}

function invalid(field: FieldDefinition, value: unknown, kind: string): ApiError {
    return new ApiError(
        'INVALID_TYPE_ON_FIELD_IN_RECORD',
        `${field.label}: value not of required type: ${String(value)} (${kind})`,
        { fields: [field.name] }
    );
}

function checkNumber(field: FieldDefinition, value: unknown): number {
    const number = typeof value === 'number' ? value : Number(value);
    if (typeof value === 'boolean' || !Number.isFinite(number)) {
        throw invalid(field, value, 'number');
    }
    if (field.type === 'int' && !Number.isInteger(number)) {
        throw invalid(field, value, 'integer');
    }
    const integerDigits = (field.precision ?? 18) - (field.scale ?? 0);
    if (Math.abs(Math.trunc(number)).toString().length > integerDigits) {
        throw new ApiError(
            'NUMBER_OUTSIDE_VALID_RANGE',
            `${field.label}: value outside of valid range on numeric field: ${number}`,
            {
                fields: [field.name]
            }
        );
    }
    return number;
}

function checkText(field: FieldDefinition, value: unknown): string {
    if (typeof value === 'object') {
        throw invalid(field, JSON.stringify(value), 'text');
    }
    const textValue = asText(value);
    if (field.length !== undefined && textValue.length > field.length) {
        throw new ApiError(
            'STRING_TOO_LONG',
            `${field.label}: data value too large: ${textValue.slice(0, 40)}… (max length=${field.length})`,
            { fields: [field.name] }
        );
    }
    if (field.type === 'email' && !EMAIL.test(textValue)) {
        throw new ApiError('INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${textValue}`, {
            fields: [field.name]
        });
    }
    return textValue;
}

function checkPicklist(field: FieldDefinition, value: unknown): string {
    const textValue = checkText({ ...field, length: 255 }, value);
    const values = field.picklistValues ?? [];
    const chosen = field.type === 'multipicklist' ? textValue.split(';') : [textValue];
    const bad = chosen.find((item) => !values.includes(item));
    if (bad !== undefined && field.restrictedPicklist) {
        throw new ApiError(
            'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            `${field.label}: bad value for restricted picklist field: ${bad}`,
            { fields: [field.name] }
        );
    }
    return textValue;
}

/**
 * The stored value for `value` written to `field` (null clears). Throws the platform's error
 * for a wrong type, a too-long text, a bad restricted picklist value or an out-of-range number.
 * Text is stored without leading and trailing white space, as the platform stores it (Change Data
 * Capture Developer Guide, "Considerations for Newline Characters and Computing the SHA-256 Hash");
 * a value of only white space is blank.
 */
export function coerceValue(field: FieldDefinition, input: unknown): unknown {
    const value = typeof input === 'string' && TEXT_TYPES.has(field.type) ? input.trim() : input;
    if (value === null || value === undefined || value === '') {
        return null;
    }
    switch (field.type) {
        case 'boolean':
            if (value === true || value === 'true' || value === 'TRUE') return true;
            if (value === false || value === 'false' || value === 'FALSE') return false;
            throw invalid(field, value, 'boolean');
        case 'double':
        case 'int':
        case 'currency':
        case 'percent':
            return checkNumber(field, value);
        case 'date':
            if (typeof value !== 'string' || !DATE.test(value.slice(0, 10))) throw invalid(field, value, 'date');
            return value.slice(0, 10);
        case 'datetime': {
            const date = new Date(typeof value === 'string' ? value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2') : NaN);
            if (Number.isNaN(date.getTime())) throw invalid(field, value, 'datetime');
            return formatDateTime(date);
        }
        case 'picklist':
        case 'multipicklist':
            return checkPicklist(field, value);
        default:
            return checkText(field, value);
    }
}
