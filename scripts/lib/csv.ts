/** RFC 4180 CSV as the Bulk API 2.0 reads and writes it (comma, double quotes, LF line endings). */

function quote(value: string): string {
    return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows of named columns to CSV with a header line. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, string>[]): string {
    const lines = [columns.map(quote).join(',')];
    for (const row of rows) {
        lines.push(columns.map((column) => quote(row[column] ?? '')).join(','));
    }
    return `${lines.join('\n')}\n`;
}

/** Parses CSV with a header line into rows keyed by column name. */
export function parseCsv(text: string): { columns: string[]; rows: Record<string, string>[] } {
    const records: string[][] = [];
    let record: string[] = [];
    let value = '';
    let quoted = false;
    for (let index = 0; index < text.length; index++) {
        const char = text.charAt(index);
        if (quoted) {
            if (char === '"' && text[index + 1] === '"') {
                value += '"';
                index++;
            } else if (char === '"') {
                quoted = false;
            } else {
                value += char;
            }
        } else if (char === '"') {
            quoted = true;
        } else if (char === ',') {
            record.push(value);
            value = '';
        } else if (char === '\n' || char === '\r') {
            if (char === '\r' && text[index + 1] === '\n') index++;
            record.push(value);
            records.push(record);
            record = [];
            value = '';
        } else {
            value += char;
        }
    }
    if (value !== '' || record.length > 0) {
        record.push(value);
        records.push(record);
    }
    const [columns = [], ...data] = records;
    return {
        columns,
        rows: data.map((cells) => Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? ''])))
    };
}
