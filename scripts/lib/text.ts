/** Text of an API value: strings as they are, numbers and booleans printed, null empty, objects as JSON. */
export function asText(value: unknown): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
    if (value === null || value === undefined) return '';
    return JSON.stringify(value);
}
