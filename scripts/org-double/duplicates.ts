/**
 * Duplicate rules in the org double: the standard Account, Contact and Lead duplicate rules of an
 * org created in Summer '17 or later, and rules a test adds.
 *
 * Standard rules (Salesforce Help, "Standard Duplicate Rules"; release notes Summer '17, "Detect
 * Duplicates Across Contacts and Leads Using Standard Rules"): active by default; on create the
 * action is Allow with an alert ("Use one of these records?"), on edit Allow with a report only, so
 * only creates can be stopped. The contact rule matches a new contact against contacts and leads,
 * the lead rule a new lead against leads and contacts.
 *
 * Matching rules (Salesforce Help, "Standard Contact Matching Rule and Standard Lead Matching Rule",
 * "Standard Account Matching Rule"): a person matches on First Name AND Last Name AND (Title AND
 * Company/Account Name, or Email, or Phone); an account on Account Name AND (Billing Street, or City
 * AND ZIP, or Phone). Blank fields never match. Converted leads are never compared (KB 000204497).
 * The platform's fuzzy algorithms (Jaro-Winkler, Metaphone 3, name variants, acronyms) are
 * approximated by comparing normalised values: case, accents, punctuation and company suffixes are
 * ignored, phones compare by digits. A real org therefore matches more near-twins than the double.
 *
 * Through the API an alert blocks the save unless the DuplicateRuleHeader (REST header
 * `Sforce-Duplicate-Rule-Header: allowSave=true`) allows it; the header applies to create, update
 * and upsert only (SOAP API Developer Guide, "DuplicateRuleHeader"). A Block rule blocks always.
 */
import type { SObjectRecord } from './store.ts';

export interface MatchResult {
    entityType: string;
    rule: string;
    ids: string[];
}

/** What the platform reports in `duplicateResult` (SOAP API Developer Guide, "DuplicateResult"). */
export interface DuplicateResult {
    allowSave: boolean;
    duplicateRule: string;
    duplicateRuleEntityType: string;
    errorMessage: string;
    matchResults: MatchResult[];
}

/** The records a matcher compares with, and a lookup of any record by Id (for Contact.Account.Name). */
export interface MatchSource {
    /** Records of `objectName` indexed under `key` (the match keys of the standard rules), or all of them. */
    candidates(objectName: string, key?: string): SObjectRecord[];
    find(id: string): SObjectRecord | undefined;
}

export interface Matcher {
    /** The object whose existing records are compared with the saved one. */
    against: string;
    matchingRule: string;
    /** The match key a saved record is looked up under (without one it never matches); none: compare with all. */
    key?: (record: SObjectRecord) => string | undefined;
    matches: (saved: SObjectRecord, existing: SObjectRecord, source: MatchSource) => boolean;
}

export interface DuplicateRule {
    name: string;
    object: string;
    actionOnInsert: 'Allow' | 'Block';
    alertText: string;
    matchers: Matcher[];
}

const ALERT = 'Use one of these records?';
const COMPANY_SUFFIXES = new Set(['inc', 'incorporated', 'corp', 'corporation', 'co', 'llc', 'ltd', 'limited', 'plc']);

function text(value: unknown): string {
    return typeof value === 'string'
        ? value
              .normalize('NFD')
              .replace(/\p{M}/gu, '')
              .toLowerCase()
              .replace(/[^\p{L}\p{N}@.]+/gu, ' ')
              .trim()
        : '';
}

function company(value: unknown): string {
    const words = text(value).replace(/\./g, ' ').split(/\s+/).filter(Boolean);
    while (words.length > 1 && COMPANY_SUFFIXES.has(words.at(-1) ?? '')) {
        words.pop();
    }
    return words.join(' ');
}

function phone(value: unknown): string {
    const digits = typeof value === 'string' ? value.replace(/\D/g, '') : '';
    return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

/** Both values present and equal. */
function same(a: string, b: string): boolean {
    return a !== '' && a === b;
}

interface Person {
    first: string;
    last: string;
    email: string;
    phone: string;
    title: string;
    company: string;
}

function person(record: SObjectRecord, source: MatchSource): Person {
    const account = typeof record.AccountId === 'string' ? source.find(record.AccountId) : undefined;
    return {
        first: text(record.FirstName),
        last: text(record.LastName),
        email: text(record.Email),
        phone: phone(record.Phone),
        title: text(record.Title),
        company: company(record.Company ?? account?.Name)
    };
}

/** The key people are indexed under: first and last name (every clause of the rule needs both). */
export function personKey(record: SObjectRecord): string | undefined {
    const first = text(record.FirstName);
    const last = text(record.LastName);
    return first && last ? `${first}|${last}` : undefined;
}

export function accountKey(record: SObjectRecord): string | undefined {
    return company(record.Name) || undefined;
}

function samePerson(saved: SObjectRecord, existing: SObjectRecord, source: MatchSource): boolean {
    const a = person(saved, source);
    const b = person(existing, source);
    if (!same(a.first, b.first) || !same(a.last, b.last)) {
        return false;
    }
    return (same(a.title, b.title) && same(a.company, b.company)) || same(a.email, b.email) || same(a.phone, b.phone);
}

function sameAccount(saved: SObjectRecord, existing: SObjectRecord): boolean {
    if (!same(company(saved.Name), company(existing.Name))) {
        return false;
    }
    return (
        same(text(saved.BillingStreet), text(existing.BillingStreet)) ||
        (same(text(saved.BillingCity), text(existing.BillingCity)) &&
            same(text(saved.BillingPostalCode), text(existing.BillingPostalCode))) ||
        same(phone(saved.Phone), phone(existing.Phone))
    );
}

const CONTACT_MATCHER: Matcher = {
    against: 'Contact',
    matchingRule: 'Standard_Contact_Match_Rule_v1_1',
    key: personKey,
    matches: samePerson
};
const LEAD_MATCHER: Matcher = {
    against: 'Lead',
    matchingRule: 'Standard_Lead_Match_Rule_v1_0',
    key: personKey,
    matches: samePerson
};

export const STANDARD_DUPLICATE_RULES: readonly DuplicateRule[] = [
    {
        name: 'Standard_Account_Duplicate_Rule',
        object: 'Account',
        actionOnInsert: 'Allow',
        alertText: ALERT,
        matchers: [
            {
                against: 'Account',
                matchingRule: 'Standard_Account_Match_Rule_v1_0',
                key: accountKey,
                matches: sameAccount
            }
        ]
    },
    {
        name: 'Standard_Contact_Duplicate_Rule',
        object: 'Contact',
        actionOnInsert: 'Allow',
        alertText: ALERT,
        matchers: [CONTACT_MATCHER, LEAD_MATCHER]
    },
    {
        name: 'Standard_Lead_Duplicate_Rule',
        object: 'Lead',
        actionOnInsert: 'Allow',
        alertText: ALERT,
        matchers: [LEAD_MATCHER, CONTACT_MATCHER]
    }
];

/**
 * The first rule on `objectName` that finds duplicates of `record`, with what it found. Records in
 * `exclude` (the record itself, the lead being converted) and converted leads are not compared.
 */
export function findDuplicates(
    rules: readonly DuplicateRule[],
    objectName: string,
    record: SObjectRecord,
    source: MatchSource,
    exclude: ReadonlySet<string>
): { rule: DuplicateRule; result: DuplicateResult } | undefined {
    for (const rule of rules.filter((item) => item.object === objectName)) {
        const matchResults: MatchResult[] = [];
        for (const matcher of rule.matchers) {
            const key = matcher.key?.(record);
            if (matcher.key && key === undefined) continue;
            const ids = source
                .candidates(matcher.against, key)
                .filter((existing) => !exclude.has(String(existing.Id).slice(0, 15)))
                .filter((existing) => !(matcher.against === 'Lead' && existing.IsConverted === true))
                .filter((existing) => matcher.matches(record, existing, source))
                .map((existing) => String(existing.Id));
            if (ids.length > 0) {
                matchResults.push({ entityType: matcher.against, rule: matcher.matchingRule, ids });
            }
        }
        if (matchResults.length > 0) {
            return {
                rule,
                result: {
                    allowSave: rule.actionOnInsert === 'Allow',
                    duplicateRule: rule.name,
                    duplicateRuleEntityType: rule.object,
                    errorMessage: rule.alertText,
                    matchResults
                }
            };
        }
    }
    return undefined;
}
