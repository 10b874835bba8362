/**
 * State and Country/Territory Picklists in the org double (Salesforce Help, "State and
 * Country/Territory Picklists"; Object Reference, address compound fields). When an org enables
 * them, every address gets a `CountryCode` and a `StateCode` picklist beside the text fields (ISO
 * 3166 codes as values, names as labels; the state picklist depends on the country, `validFor`).
 * A country or state written as text must be one the org lists, and setting one form sets the
 * other; anything else fails with FIELD_INTEGRITY_EXCEPTION.
 *
 * The double lists the countries Baton's seed and conversion check use, and the states of the
 * United States those need — a subset of the platform's list.
 */
import type { FieldDefinition } from '../lib/projectMetadata.ts';
import { ApiError } from './apiError.ts';
import type { SObjectRecord } from './store.ts';
import type { Schema } from './schema.ts';

interface Country {
    code: string;
    name: string;
    states: { code: string; name: string }[];
}

const COUNTRIES: readonly Country[] = [
    {
        code: 'US',
        name: 'United States',
        states: [
            { code: 'CA', name: 'California' },
            { code: 'CO', name: 'Colorado' },
            { code: 'GA', name: 'Georgia' },
            { code: 'IL', name: 'Illinois' },
            { code: 'MA', name: 'Massachusetts' },
            { code: 'NY', name: 'New York' },
            { code: 'TX', name: 'Texas' },
            { code: 'WA', name: 'Washington' }
        ]
    },
    { code: 'AU', name: 'Australia', states: [] },
    { code: 'BR', name: 'Brazil', states: [] },
    { code: 'CA', name: 'Canada', states: [] },
    { code: 'DE', name: 'Germany', states: [] },
    { code: 'FR', name: 'France', states: [] },
    { code: 'GB', name: 'United Kingdom', states: [] },
    { code: 'IE', name: 'Ireland', states: [] },
    { code: 'IN', name: 'India', states: [] },
    { code: 'JP', name: 'Japan', states: [] },
    { code: 'MX', name: 'Mexico', states: [] },
    { code: 'NZ', name: 'New Zealand', states: [] }
];

/** The address text fields of each object the double knows: [state field, country field]. */
const ADDRESSES: Record<string, [string, string][]> = {
    Lead: [['State', 'Country']],
    Account: [['BillingState', 'BillingCountry']],
    Contact: [['MailingState', 'MailingCountry']]
};

function codeField(name: string): string {
    return `${name}Code`;
}

function picklist(name: string, values: string[]): FieldDefinition {
    return {
        name,
        label: name,
        type: 'picklist',
        required: false,
        externalId: false,
        unique: false,
        readOnly: false,
        restrictedPicklist: true,
        picklistValues: values
    };
}

/** Adds the CountryCode and StateCode picklists to every address of the schema. */
export function enableStateCountryPicklists(schema: Schema): void {
    for (const [objectName, addresses] of Object.entries(ADDRESSES)) {
        const object = schema.get(objectName.toLowerCase());
        for (const [state, country] of addresses) {
            const countryCode = picklist(
                codeField(country),
                COUNTRIES.map((item) => item.code)
            );
            const stateCode = picklist(
                codeField(state),
                COUNTRIES.flatMap((item) => item.states.map((entry) => entry.code))
            );
            object?.fields.set(countryCode.name.toLowerCase(), countryCode);
            object?.fields.set(stateCode.name.toLowerCase(), stateCode);
        }
    }
}

/**
 * The describe of a code picklist value: its label and, for a state, `validFor` — a bitmap over the
 * country picklist's values, most significant bit first, in base64 (REST API Developer Guide,
 * "Get Field Values from a Dependent Picklist").
 */
export function addressPicklistEntry(
    fieldName: string,
    value: string
): { label: string; controllerName?: string; validFor?: string } | undefined {
    if (fieldName.endsWith('CountryCode')) {
        const country = COUNTRIES.find((item) => item.code === value);
        return country ? { label: country.name } : undefined;
    }
    if (fieldName.endsWith('StateCode')) {
        const index = COUNTRIES.findIndex((item) => item.states.some((state) => state.code === value));
        const country = COUNTRIES[index];
        if (!country) return undefined;
        const bits = new Uint8Array(Math.ceil(COUNTRIES.length / 8));
        bits[index >> 3] = (bits[index >> 3] ?? 0) | (0x80 >> (index & 7));
        return {
            label: country.states.find((state) => state.code === value)?.name ?? value,
            controllerName: fieldName.replace(/StateCode$/, 'CountryCode'),
            validFor: Buffer.from(bits).toString('base64')
        };
    }
    return undefined;
}

function integrity(kind: string, field: string): ApiError {
    return new ApiError(
        'FIELD_INTEGRITY_EXCEPTION',
        `There's a problem with this ${kind}, even though it may appear correct. Please select a ${kind} from the list of valid ${kind === 'country' ? 'countries' : 'states'}.`,
        { fields: [field] }
    );
}

/** The value the input gives for one address part, looked up by code or by name. */
function pick<T extends { code: string; name: string }>(
    items: readonly T[],
    input: SObjectRecord,
    textField: string,
    kind: string
): { changed: boolean; item: T | undefined } {
    const code = input[codeField(textField)];
    const text = input[textField];
    const given = [code, text].find((value) => typeof value === 'string' && value !== '') as string | undefined;
    if (!(codeField(textField) in input) && !(textField in input)) {
        return { changed: false, item: undefined };
    }
    if (given === undefined) {
        return { changed: true, item: undefined };
    }
    const wanted = given.toLowerCase();
    const item =
        typeof code === 'string' && code !== ''
            ? items.find((entry) => entry.code === code)
            : items.find((entry) => entry.name.toLowerCase() === wanted || entry.code.toLowerCase() === wanted);
    if (!item) {
        throw integrity(kind, textField);
    }
    return { changed: true, item };
}

/**
 * Checks the addresses `input` writes against the lists and stores both forms of each value in
 * `record` (the record as it will be saved).
 */
export function normaliseAddresses(objectName: string, record: SObjectRecord, input: SObjectRecord): void {
    for (const [stateField, countryField] of ADDRESSES[objectName] ?? []) {
        const country = pick(COUNTRIES, input, countryField, 'country');
        if (country.changed) {
            record[countryField] = country.item?.name ?? null;
            record[codeField(countryField)] = country.item?.code ?? null;
        }
        const current = COUNTRIES.find((item) => item.code === record[codeField(countryField)]);
        const state = pick(current?.states ?? [], input, stateField, 'state');
        if (state.changed) {
            record[stateField] = state.item?.name ?? null;
            record[codeField(stateField)] = state.item?.code ?? null;
        }
    }
}
