/**
 * The org double's in-memory records and DML with the platform rules the scripts could get
 * wrong: unknown and read-only fields, types and lengths, restricted picklists, required fields,
 * unique external ids, converted leads read-only and never referenced, lookups that must point at
 * existing records, duplicate rules on create, campaigns only for marketing users, and the
 * cascades of delete.
 */
import type { FieldDefinition } from '../lib/projectMetadata.ts';
import { ApiError } from './apiError.ts';
import { normaliseAddresses } from './addresses.ts';
import { accountKey, findDuplicates, personKey, type DuplicateRule } from './duplicates.ts';
import { relationshipField, type Schema, type SchemaObject } from './schema.ts';
import { coerceValue, formatDateTime } from './values.ts';
import { asText } from '../lib/text.ts';

export type SObjectRecord = Record<string, unknown>;

/** How a save treats the org's rules. */
export interface SaveOptions {
    /** The DuplicateRuleHeader's allowSave: a duplicate rule's alert does not block the save. */
    allowDuplicates?: boolean;
    /** Validation rules run (false: lead conversion without "Require Validation for Converted Leads"). */
    runValidationRules?: boolean;
}

/** A validation rule: the save fails with `message` when `failsWhen` holds for the record. */
export interface ValidationRule {
    object: string;
    message: string;
    failsWhen: (record: SObjectRecord) => boolean;
}

/** Child records removed with their parent (master-detail and the platform's standard cascades). */
const CASCADES: Record<string, { object: string; field: string }[]> = {
    Lead: [{ object: 'CampaignMember', field: 'LeadId' }],
    Contact: [{ object: 'CampaignMember', field: 'ContactId' }],
    Campaign: [{ object: 'CampaignMember', field: 'CampaignId' }],
    Account: [
        { object: 'Contact', field: 'AccountId' },
        { object: 'Opportunity', field: 'AccountId' }
    ]
};

function indexKey(object: string, field: string, value: unknown): string {
    return `${object}|${field}|${String(value).toLowerCase()}`;
}

/** Duplicate matching rules look records up by these keys (see duplicates.ts). */
const MATCH_KEYS: Record<string, (record: SObjectRecord) => string | undefined> = {
    Lead: personKey,
    Contact: personKey,
    Account: accountKey
};
const MATCH_FIELD = 'match key';

/** The member status that counts as a response (see derive()). */
const RESPONDED_STATUS = 'Responded';
const CLOSED_STAGES: Record<string, { isWon: boolean }> = {
    'Closed Won': { isWon: true },
    'Closed Lost': { isWon: false }
};

/**
 * A converted lead cannot be referenced by another record: the platform answers
 * CANNOT_UPDATE_CONVERTED_LEAD "cannot reference converted lead" (Salesforce KB 000384333, 000240598).
 */
function rejectConvertedLead(objectName: string, target: SObjectRecord, field: FieldDefinition): void {
    if (objectName === 'Lead' && target.IsConverted === true) {
        throw new ApiError('CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead', {
            fields: [field.name]
        });
    }
}

/** 15-character case-sensitive key of an Id (15- and 18-character forms name the same record). */
export function idKey(id: string): string {
    return id.slice(0, 15);
}

export class Store {
    readonly schema: Schema;
    readonly currentUserId: string;
    private readonly now: () => Date;
    private records = new Map<string, Map<string, SObjectRecord>>();
    /** Ids by "object|field|lower-case value" for external id and unique fields, and campaign memberships. */
    private index = new Map<string, Set<string>>();
    readonly validationRules: ValidationRule[] = [];
    /** Active duplicate rules (the standard ones unless the org double was started without). */
    readonly duplicateRules: DuplicateRule[] = [];
    /**
     * The running user has the Marketing User feature checkbox, without which campaigns cannot be
     * created or edited (Salesforce Help, "Campaign Permissions").
     */
    marketingUser = true;
    /** New leads go to this owner (a queue), as a lead assignment rule or Baton's MQL routing would do. */
    leadOwnerOnInsert: string | undefined;
    /** State and Country/Territory Picklists are enabled (see addresses.ts). */
    stateCountryPicklists = false;
    private nextId = 1;

    constructor(schema: Schema, currentUserId: string, now: () => Date) {
        this.schema = schema;
        this.currentUserId = currentUserId;
        this.now = now;
    }

    object(name: string): SchemaObject {
        const object = this.schema.get(name.toLowerCase());
        if (!object) {
            throw new ApiError(
                'NOT_FOUND',
                `The requested resource does not exist: sObject type '${name}' is not supported.`,
                {
                    status: 404
                }
            );
        }
        return object;
    }

    field(object: SchemaObject, name: string): FieldDefinition {
        const field = object.fields.get(name.toLowerCase());
        if (!field) {
            throw new ApiError('INVALID_FIELD', `No such column '${name}' on sobject of type ${object.name}`, {
                fields: [name]
            });
        }
        return field;
    }

    newId(object: SchemaObject): string {
        const serial = (this.nextId++).toString(36).toUpperCase().padStart(9, '0');
        return `${object.keyPrefix}000${serial}AAA`;
    }

    all(objectName: string): SObjectRecord[] {
        return [...this.table(this.object(objectName).name).values()];
    }

    /** The record with this Id and its object, if any. */
    find(id: string): { object: SchemaObject; record: SObjectRecord } | undefined {
        for (const [name, table] of this.records) {
            const record = table.get(idKey(id));
            if (record) {
                return { object: this.object(name), record };
            }
        }
        return undefined;
    }

    /** Adds a row as the platform would hold it (setup data, metadata rows): no field rules. */
    addSystemRecord(objectName: string, values: SObjectRecord): SObjectRecord {
        const object = this.object(objectName);
        const record: SObjectRecord = { Id: this.newId(object), CreatedDate: formatDateTime(this.now()), ...values };
        this.table(object.name).set(idKey(String(record.Id)), record);
        this.addToIndex(object, record);
        return record;
    }

    /** Whether the running user may create, edit and delete records of `object` (describe's createable). */
    canWrite(object: SchemaObject): boolean {
        return !object.readOnlyObject && (object.name !== 'Campaign' || this.marketingUser);
    }

    /** Records of `objectName` under a duplicate match key, or all of them. */
    candidates(objectName: string, key?: string): SObjectRecord[] {
        if (key === undefined) {
            return this.all(objectName);
        }
        const name = this.object(objectName).name;
        return [...(this.index.get(indexKey(name, MATCH_FIELD, key)) ?? [])]
            .map((id) => this.table(name).get(id))
            .filter((record): record is SObjectRecord => record !== undefined);
    }

    /** Removes a setup row (an admin's change in Setup): no access check, no cascades. */
    removeSystemRecord(id: string): void {
        const found = this.find(id);
        if (found) {
            this.removeFromIndex(found.object, found.record);
            this.table(found.object.name).delete(idKey(id));
        }
    }

    /** A new record of `object` with every field at its default (false for checkboxes, null otherwise). */
    private blankRecord(object: SchemaObject): SObjectRecord {
        const record: SObjectRecord = {};
        for (const field of object.fields.values()) {
            if (field.defaultValue !== undefined && !field.readOnly) {
                record[field.name] = coerceValue(field, field.defaultValue);
            } else if (field.type === 'boolean') {
                record[field.name] = false;
            } else {
                record[field.name] = null;
            }
        }
        return record;
    }

    /**
     * Adds a record as a data load would leave it, for benchmarks that need a million leads in the store:
     * every field at its default, the values given as they are (no type, picklist or length rules, no
     * validation or duplicate rules) and system fields set; it is not indexed, so external ids and
     * duplicate matching do not find it. Returns its Id.
     */
    load(objectName: string, values: SObjectRecord): string {
        const object = this.object(objectName);
        const now = formatDateTime(this.now());
        const record: SObjectRecord = {
            ...this.blankRecord(object),
            CreatedDate: now,
            CreatedById: this.currentUserId,
            LastModifiedDate: now,
            ...(object.fields.has('ownerid') ? { OwnerId: this.currentUserId } : {}),
            ...values,
            Id: this.newId(object)
        };
        this.table(object.name).set(idKey(String(record.Id)), record);
        return String(record.Id);
    }

    insert(objectName: string, input: SObjectRecord, options: SaveOptions = {}): string {
        const object = this.writableObject(objectName);
        const values = this.resolveInput(object, input, 'insert');
        const record = this.blankRecord(object);
        if (object.fields.has('ownerid')) {
            record.OwnerId = (object.name === 'Lead' ? this.leadOwnerOnInsert : undefined) ?? this.currentUserId;
        }
        Object.assign(record, values);
        if (this.stateCountryPicklists) {
            normaliseAddresses(object.name, record, values);
        }
        if (object.name === 'CampaignMember' && record.ContactId && record.LeadId) {
            // "A record must contain either a ContactId or a LeadId, but can't contain both. Any attempt to create a
            // single record with both results in a successful insert but only the ContactId is inserted." (Object
            // Reference, CampaignMember, Usage)
            record.LeadId = null;
        }
        record.Id = this.newId(object);
        record.CreatedDate = formatDateTime(this.now());
        record.CreatedById = this.currentUserId;
        this.checkRequired(object, record);
        if (options.runValidationRules !== false) {
            this.checkValidationRules(object, record);
        }
        this.checkDuplicates(object, record, options.allowDuplicates === true);
        this.checkUnique(object, record);
        this.derive(object, record);
        this.table(object.name).set(idKey(String(record.Id)), record);
        this.addToIndex(object, record);
        return String(record.Id);
    }

    update(objectName: string, id: string, input: SObjectRecord): void {
        const object = this.writableObject(objectName);
        const record = this.table(object.name).get(idKey(id));
        if (!record) {
            throw new ApiError('ENTITY_IS_DELETED', `entity is deleted or does not exist: ${id}`);
        }
        if (object.name === 'Lead' && record.IsConverted === true) {
            throw new ApiError('CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead');
        }
        const values = this.resolveInput(object, input, 'update');
        const updated = { ...record, ...values };
        if (this.stateCountryPicklists) {
            normaliseAddresses(object.name, updated, values);
        }
        this.checkRequired(object, updated);
        this.checkValidationRules(object, updated);
        this.checkUnique(object, updated);
        this.derive(object, updated);
        this.removeFromIndex(object, record);
        Object.assign(record, updated);
        this.addToIndex(object, record);
    }

    /** Upsert on an external id field (or Id): one match updates, none inserts, several fail. */
    upsert(
        objectName: string,
        externalIdField: string,
        input: SObjectRecord,
        options: SaveOptions = {}
    ): { id: string; created: boolean } {
        const object = this.writableObject(objectName);
        const keyField = this.field(object, externalIdField);
        if (!keyField.externalId && keyField.name !== 'Id') {
            throw new ApiError(
                'INVALID_FIELD',
                `Field ${keyField.name} is not an external id field on ${object.name}`,
                {
                    fields: [keyField.name]
                }
            );
        }
        const entry = Object.entries(input).find(([name]) => name.toLowerCase() === keyField.name.toLowerCase());
        const key = entry?.[1];
        if (key === undefined || key === null || key === '') {
            throw new ApiError('MISSING_ARGUMENT', `${keyField.name} not specified`, { fields: [keyField.name] });
        }
        const matches = this.findBy(object, keyField, key);
        if (matches.length > 1) {
            throw new ApiError(
                'MULTIPLE_CHOICES',
                `More than one record found for external id field ${keyField.name}: ${asText(key)}`,
                {
                    status: 300
                }
            );
        }
        const [match] = matches;
        if (match) {
            const rest = Object.fromEntries(Object.entries(input).filter(([name]) => name !== entry?.[0]));
            this.update(object.name, String(match.Id), rest);
            return { id: String(match.Id), created: false };
        }
        return { id: this.insert(object.name, input, options), created: true };
    }

    delete(id: string): void {
        this.deleteMany([id]);
    }

    /**
     * Deletes records with the platform's cascades (campaign memberships with their lead, contact
     * or campaign; contacts and opportunities with their account) and clears lookups to them.
     * Fails before deleting anything when one is missing or read-only.
     */
    deleteMany(ids: string[]): void {
        if (ids.length === 0) {
            return;
        }
        for (const id of ids) {
            const found = this.find(id);
            if (!found) {
                throw new ApiError('ENTITY_IS_DELETED', `entity is deleted or does not exist: ${id}`);
            }
            if (found.object.readOnlyObject) {
                throw new ApiError('INSUFFICIENT_ACCESS_OR_READONLY', `insufficient access rights on object id: ${id}`);
            }
        }
        const deleted = new Set<string>();
        const remove = (objectName: string, keys: string[]): void => {
            const object = this.object(objectName);
            const table = this.table(objectName);
            const removed: string[] = [];
            for (const key of keys) {
                const record = table.get(key);
                if (record) {
                    this.removeFromIndex(object, record);
                    table.delete(key);
                    deleted.add(key);
                    removed.push(key);
                }
            }
            const gone = new Set(removed);
            for (const cascade of CASCADES[objectName] ?? []) {
                const children = this.all(cascade.object)
                    .filter(
                        (child) =>
                            typeof child[cascade.field] === 'string' && gone.has(idKey(child[cascade.field] as string))
                    )
                    .map((child) => idKey(String(child.Id)));
                if (children.length > 0) remove(cascade.object, children);
            }
        };
        const byObject = new Map<string, string[]>();
        for (const id of ids) {
            const name = this.find(id)?.object.name;
            if (name) byObject.set(name, [...(byObject.get(name) ?? []), idKey(id)]);
        }
        for (const [objectName, keys] of byObject) {
            remove(objectName, keys);
        }
        // Lookups to deleted records are cleared, as the platform does for optional lookups.
        for (const [name, table] of this.records) {
            const lookups = [...this.object(name).fields.values()].filter((field) => field.type === 'reference');
            for (const record of table.values()) {
                for (const lookup of lookups) {
                    const value = record[lookup.name];
                    if (typeof value === 'string' && deleted.has(idKey(value))) {
                        record[lookup.name] = null;
                    }
                }
            }
        }
    }

    /** A copy of every record, for undoing an all-or-none call. */
    snapshot(): unknown {
        return structuredClone({ records: this.records, index: this.index });
    }

    restore(snapshot: unknown): void {
        const copy = snapshot as { records: Map<string, Map<string, SObjectRecord>>; index: Map<string, Set<string>> };
        this.records = copy.records;
        this.index = copy.index;
    }

    /** Writes the conversion's read-only fields (only the convert operation may). */
    /**
     * Conversion links the lead's campaign memberships to the new contact: the same records, now the contact's too, so
     * the contact cannot be added to those campaigns again ("The API determines whether a record exists with the
     * specified CampaignId and either ContactId or LeadId ... If the record exists, an error is returned": Object
     * Reference, CampaignMember, Usage).
     */
    linkMembershipsToContact(leadId: string, contactId: string): void {
        const object = this.object('CampaignMember');
        for (const member of this.table('CampaignMember').values()) {
            if (typeof member.LeadId === 'string' && idKey(member.LeadId) === idKey(leadId)) {
                this.removeFromIndex(object, member);
                member.ContactId = contactId;
                this.addToIndex(object, member);
            }
        }
    }

    markConverted(leadId: string, values: SObjectRecord): void {
        const record = this.table('Lead').get(idKey(leadId));
        if (record) {
            Object.assign(record, values);
        }
    }

    private table(objectName: string): Map<string, SObjectRecord> {
        let table = this.records.get(objectName.toLowerCase());
        if (!table) {
            table = new Map();
            this.records.set(objectName.toLowerCase(), table);
        }
        return table;
    }

    private writableObject(name: string): SchemaObject {
        const object = this.object(name);
        if (object.readOnlyObject) {
            throw new ApiError('INVALID_TYPE', `entity type ${object.name} does not support this operation`);
        }
        if (!this.canWrite(object)) {
            throw new ApiError(
                'INSUFFICIENT_ACCESS_OR_READONLY',
                `insufficient access rights on object: ${object.name} (the user is not a Marketing User)`
            );
        }
        return object;
    }

    /**
     * Duplicate rules on create (edits only report). An alert blocks the save unless the request
     * allows duplicates; a Block rule blocks always. DUPLICATES_DETECTED carries the rule's result.
     */
    private checkDuplicates(object: SchemaObject, record: SObjectRecord, allowDuplicates: boolean): void {
        const blocking = this.duplicateRules.filter((rule) => rule.actionOnInsert === 'Block' || !allowDuplicates);
        const found = this.findDuplicates(object.name, record, new Set([idKey(String(record.Id))]), blocking);
        if (found) {
            throw new ApiError('DUPLICATES_DETECTED', found.rule.alertText, { duplicateResult: found.result });
        }
    }

    /** The duplicate rule that matches `record` (of `objectName`) to existing records not in `exclude`. */
    findDuplicates(
        objectName: string,
        record: SObjectRecord,
        exclude: ReadonlySet<string>,
        rules: readonly DuplicateRule[] = this.duplicateRules
    ): ReturnType<typeof findDuplicates> {
        return findDuplicates(
            rules,
            objectName,
            record,
            { candidates: (name, key) => this.candidates(name, key), find: (id) => this.find(id)?.record },
            exclude
        );
    }

    private findBy(object: SchemaObject, field: FieldDefinition, value: unknown): SObjectRecord[] {
        if (field.name === 'Id') {
            const record = this.table(object.name).get(idKey(String(value)));
            return record ? [record] : [];
        }
        if (field.externalId || field.unique) {
            const ids = this.index.get(indexKey(object.name, field.name, value)) ?? new Set<string>();
            return [...ids]
                .map((id) => this.table(object.name).get(id))
                .filter((record): record is SObjectRecord => record !== undefined);
        }
        const wanted = String(value).toLowerCase();
        return [...this.table(object.name).values()].filter(
            (record) =>
                typeof record[field.name] === 'string' && (record[field.name] as string).toLowerCase() === wanted
        );
    }

    /** Checks and converts input fields, resolving `Relationship__r: { ExtId__c: value }` references. */
    private resolveInput(object: SchemaObject, input: SObjectRecord, operation: 'insert' | 'update'): SObjectRecord {
        const values: SObjectRecord = {};
        for (const [name, value] of Object.entries(input)) {
            if (name === 'attributes' || (name === 'Id' && operation === 'update')) {
                continue;
            }
            const lookup = relationshipField(object, name);
            if (lookup && value !== null && typeof value === 'object') {
                if (lookup.createOnly && operation === 'update') {
                    throw new ApiError(
                        'INVALID_FIELD_FOR_INSERT_UPDATE',
                        `Unable to create/update fields: ${lookup.name}. The field can be set only when the record is created.`,
                        {
                            fields: [lookup.name]
                        }
                    );
                }
                values[lookup.name] = this.resolveReference(object, lookup, value as SObjectRecord);
                continue;
            }
            const field = this.field(object, name);
            if (field.readOnly || field.type === 'id') {
                throw new ApiError(
                    'INVALID_FIELD_FOR_INSERT_UPDATE',
                    `Unable to create/update fields: ${field.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
                    { fields: [field.name] }
                );
            }
            if (field.createOnly && operation === 'update') {
                throw new ApiError(
                    'INVALID_FIELD_FOR_INSERT_UPDATE',
                    `Unable to create/update fields: ${field.name}. The field can be set only when the record is created.`,
                    {
                        fields: [field.name]
                    }
                );
            }
            const coerced = coerceValue(field, value);
            if (field.type === 'reference' && coerced !== null) {
                values[field.name] = this.checkReference(field, asText(coerced));
            } else {
                values[field.name] = coerced;
            }
        }
        return values;
    }

    private resolveReference(object: SchemaObject, lookup: FieldDefinition, reference: SObjectRecord): string {
        const [target = ''] = lookup.referenceTo ?? [];
        const targetObject = this.object(target);
        const entries = Object.entries(reference).filter(([name]) => name !== 'attributes');
        const [keyName, keyValue] = entries[0] ?? [];
        if (entries.length !== 1 || keyName === undefined) {
            throw new ApiError(
                'INVALID_FIELD',
                `${object.name}.${lookup.relationshipName ?? ''}: name exactly one external id field`
            );
        }
        const keyField = this.field(targetObject, keyName);
        if (!keyField.externalId) {
            throw new ApiError('INVALID_FIELD', `${targetObject.name}.${keyField.name} is not an external id field`);
        }
        const matches = this.findBy(targetObject, keyField, keyValue);
        const [match] = matches;
        if (!match) {
            throw new ApiError(
                'INVALID_FIELD',
                `Foreign key external ID: ${String(keyValue)} not found for field ${keyField.name} in entity ${targetObject.name}`,
                { fields: [lookup.name] }
            );
        }
        rejectConvertedLead(targetObject.name, match, lookup);
        return String(match.Id);
    }

    private checkReference(field: FieldDefinition, id: string): string {
        if (!/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(id)) {
            throw new ApiError('MALFORMED_ID', `${field.label}: id value of incorrect type: ${id}`, {
                fields: [field.name]
            });
        }
        const found = this.find(id);
        if (!found || !(field.referenceTo ?? []).includes(found.object.name)) {
            throw new ApiError('INVALID_CROSS_REFERENCE_KEY', `${field.label}: invalid cross reference id`, {
                fields: [field.name]
            });
        }
        rejectConvertedLead(found.object.name, found.record, field);
        return String(found.record.Id);
    }

    private checkRequired(object: SchemaObject, record: SObjectRecord): void {
        const missing = [...object.fields.values()]
            .filter((field) => field.required && !field.readOnly)
            .filter((field) => record[field.name] === null || record[field.name] === undefined)
            .map((field) => field.name);
        if (missing.length > 0) {
            throw new ApiError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, {
                fields: missing
            });
        }
    }

    private checkValidationRules(object: SchemaObject, record: SObjectRecord): void {
        const rule = this.validationRules.find((item) => item.object === object.name && item.failsWhen(record));
        if (rule) {
            throw new ApiError('FIELD_CUSTOM_VALIDATION_EXCEPTION', rule.message);
        }
    }

    private checkUnique(object: SchemaObject, record: SObjectRecord): void {
        for (const [key, field] of this.indexEntries(object, record)) {
            const clash = [...(this.index.get(key) ?? [])].find((id) => id !== idKey(String(record.Id)));
            if (clash === undefined) {
                continue;
            }
            if (field === 'CampaignMember') {
                throw new ApiError('DUPLICATE_VALUE', 'Already a campaign member.');
            }
            if (object.fields.get(field.toLowerCase())?.unique) {
                throw new ApiError(
                    'DUPLICATE_VALUE',
                    `duplicate value found: ${field} duplicates value on record with id: ${clash}`,
                    {
                        fields: [field]
                    }
                );
            }
        }
    }

    /** The index keys of a record: [key, field name (or 'CampaignMember' for the membership pair)]. */
    private indexEntries(object: SchemaObject, record: SObjectRecord): [string, string][] {
        const entries: [string, string][] = [];
        for (const field of object.fields.values()) {
            const value = record[field.name];
            if ((field.unique || field.externalId) && typeof value === 'string' && value !== '') {
                entries.push([indexKey(object.name, field.name, value), field.name]);
            }
        }
        const matchKey = MATCH_KEYS[object.name]?.(record);
        if (matchKey !== undefined) {
            entries.push([indexKey(object.name, MATCH_FIELD, matchKey), MATCH_FIELD]);
        }
        if (object.name === 'CampaignMember' && typeof record.CampaignId === 'string') {
            // A converted lead's membership is its contact's as well: one key each.
            for (const member of [record.LeadId, record.ContactId]) {
                if (typeof member === 'string') {
                    entries.push([
                        indexKey('CampaignMember', 'member', `${idKey(record.CampaignId)}|${idKey(member)}`),
                        'CampaignMember'
                    ]);
                }
            }
        }
        return entries;
    }

    private addToIndex(object: SchemaObject, record: SObjectRecord): void {
        for (const [key] of this.indexEntries(object, record)) {
            let ids = this.index.get(key);
            if (!ids) {
                ids = new Set();
                this.index.set(key, ids);
            }
            ids.add(idKey(String(record.Id)));
        }
    }

    private removeFromIndex(object: SchemaObject, record: SObjectRecord): void {
        for (const [key] of this.indexEntries(object, record)) {
            this.index.get(key)?.delete(idKey(String(record.Id)));
        }
    }

    /** Fields the platform computes from others. */
    private derive(object: SchemaObject, record: SObjectRecord): void {
        record.LastModifiedDate = formatDateTime(this.now());
        if (object.name === 'Lead' || object.name === 'Contact') {
            record.Name = [record.FirstName, record.LastName]
                .filter((part) => typeof part === 'string' && part !== '')
                .join(' ');
        }
        if (object.name === 'Opportunity') {
            const closed = CLOSED_STAGES[String(record.StageName)];
            record.IsClosed = closed !== undefined;
            record.IsWon = closed?.isWon ?? false;
        }
        if (object.name === 'CampaignMember') {
            // The member status sets HasResponded, and the first responded status stamps FirstRespondedDate with the
            // day of the change (Object Reference, CampaignMember). The double does not keep each campaign's member
            // statuses: Responded, the responded status of a new campaign's two defaults, is its one responded status.
            record.HasResponded = record.Status === RESPONDED_STATUS;
            if (record.HasResponded === true && !record.FirstRespondedDate) {
                record.FirstRespondedDate = formatDateTime(this.now()).slice(0, 10);
            }
        }
    }
}
