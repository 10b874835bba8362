/**
 * Reads the project's own metadata source: custom objects and fields under each package
 * directory's `objects/` folder, custom metadata records under `customMetadata/`, permission sets
 * and the LeadConvertSettings file, shaped as the REST describe and the API return them. Used by
 * the local org double, seeding and the conversion drift check. Files are parsed by the gate's XML
 * reader, and a field's type, size and values are the gate's reading of it (fieldInfo); the gate and
 * the offline mapping check index the whole project through scripts/validate/project-model.ts.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT, readSfdxProject } from './project.ts';
import { fieldInfo } from '../validate/project-model.ts';
import { childrenNamed, childText, parseXml, type XmlElement } from '../validate/xml.ts';

/** Field types as the REST describe names them. */
export type FieldType =
    | 'id'
    | 'string'
    | 'textarea'
    | 'email'
    | 'phone'
    | 'url'
    | 'picklist'
    | 'multipicklist'
    | 'boolean'
    | 'double'
    | 'int'
    | 'currency'
    | 'percent'
    | 'date'
    | 'datetime'
    | 'reference';

export interface FieldDefinition {
    name: string;
    label: string;
    type: FieldType;
    /** Maximum characters for text types. */
    length?: number;
    precision?: number;
    scale?: number;
    /** Required on create (the platform rejects a save without it). */
    required: boolean;
    externalId: boolean;
    unique: boolean;
    /** Set by the system or a formula: never written by an API client. */
    readOnly: boolean;
    /** Writable on create only (the platform rejects it in an update). */
    createOnly?: boolean;
    picklistValues?: string[];
    restrictedPicklist?: boolean;
    defaultValue?: string;
    referenceTo?: string[];
    relationshipName?: string;
}

export interface ObjectDefinition {
    name: string;
    label: string;
    custom: boolean;
    fields: FieldDefinition[];
}

export interface FieldMapping {
    inputField: string;
    outputField: string;
}

export interface ObjectMapping {
    inputObject: string;
    outputObject: string;
    mappingFields: FieldMapping[];
}

export interface LeadConvertSettings {
    allowOwnerChange?: boolean;
    opportunityCreationOptions?: string;
    objectMapping: ObjectMapping[];
}

export interface CustomMetadataRecord {
    type: string;
    developerName: string;
    label: string;
    values: Record<string, string | null>;
}

const TEXT_LENGTHS: Record<string, number> = { Email: 80, Phone: 40, Url: 255, TextArea: 255 };

/** Metadata API field type → the describe type of the field. */
export const SOURCE_TYPES: Record<string, FieldType> = {
    Text: 'string',
    TextArea: 'textarea',
    LongTextArea: 'textarea',
    Html: 'textarea',
    EncryptedText: 'string',
    Email: 'email',
    Phone: 'phone',
    Url: 'url',
    Picklist: 'picklist',
    MultiselectPicklist: 'multipicklist',
    Checkbox: 'boolean',
    Number: 'double',
    Currency: 'currency',
    Percent: 'percent',
    Date: 'date',
    DateTime: 'datetime',
    Lookup: 'reference',
    MasterDetail: 'reference',
    AutoNumber: 'string',
    Summary: 'double'
};

/** Converts one `*.field-meta.xml` document into a field definition, from what the gate reads of it. */
export function parseFieldXml(xml: string, source: string): FieldDefinition {
    const root = parseRoot(xml, source, 'CustomField');
    const name = childText(root, 'fullName');
    if (!name) {
        throw new Error(`${source}: <fullName> is missing`);
    }
    const field = fieldInfo(name, root, source);
    const type = SOURCE_TYPES[field.type];
    if (!type) {
        throw new Error(`${source}: unsupported field type ${childText(root, 'type') ?? '(none)'}`);
    }
    const definition: FieldDefinition = {
        name,
        label: childText(root, 'label') ?? name,
        type,
        required: field.required === true || field.type === 'MasterDetail',
        externalId: childText(root, 'externalId') === 'true',
        unique: childText(root, 'unique') === 'true',
        readOnly: field.formula === true || field.type === 'AutoNumber' || field.type === 'Summary'
    };
    const length = field.length ?? TEXT_LENGTHS[field.type];
    if (length !== undefined && ['string', 'textarea', 'email', 'phone', 'url'].includes(type)) {
        definition.length = field.type === 'AutoNumber' ? 30 : length;
    }
    if (['double', 'currency', 'percent'].includes(type)) {
        definition.precision = field.precision ?? 18;
        definition.scale = field.scale ?? 0;
    }
    if (type === 'boolean') {
        definition.defaultValue = childText(root, 'defaultValue') ?? 'false';
    }
    if (type === 'picklist' || type === 'multipicklist') {
        definition.picklistValues = field.picklistValues ?? [];
        definition.restrictedPicklist = field.restrictedPicklist === true;
        const defaultValue = picklistValueElements(root).find((value) => childText(value, 'default') === 'true');
        if (defaultValue) {
            definition.defaultValue = childText(defaultValue, 'fullName');
        }
    }
    if (type === 'reference') {
        definition.referenceTo = field.referenceTo ?? [];
        // The XML's <relationshipName> names the parent's child list; from this side the path is Field__r.
        definition.relationshipName = name.replace(/__c$/, '__r');
    }
    return definition;
}

/** The root element of a metadata document; malformed XML or another root names the file. */
function parseRoot(xml: string, source: string, expected: string): XmlElement {
    const parsed = parseXml(xml);
    if ('error' in parsed) {
        throw new Error(`${source}:${parsed.error.line}: ${parsed.error.message}`);
    }
    if (parsed.root.name !== expected) {
        throw new Error(`${source}: expected <${expected}>, found <${parsed.root.name}>`);
    }
    return parsed.root;
}

async function readRoot(file: string, expected: string): Promise<XmlElement> {
    return parseRoot(await readFile(file, 'utf8'), file, expected);
}

function picklistValueElements(root: XmlElement): XmlElement[] {
    const valueSet = childrenNamed(root, 'valueSet')[0];
    const definition = valueSet ? childrenNamed(valueSet, 'valueSetDefinition')[0] : undefined;
    return definition ? childrenNamed(definition, 'value') : [];
}

async function listDir(dir: string): Promise<string[]> {
    try {
        return (await readdir(dir)).sort();
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
            return [];
        }
        throw error;
    }
}

/** The `main/default`-style folders holding metadata of each package directory. */
async function metadataFolders(projectDir: string, kind: string): Promise<string[]> {
    const project = await readSfdxProject(projectDir);
    const folders: string[] = [];
    for (const directory of project.packageDirectories) {
        const root = path.join(projectDir, directory.path);
        const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
        for (const entry of entries) {
            if (entry.isDirectory() && entry.name === kind) {
                folders.push(path.join(entry.parentPath, entry.name));
            }
        }
    }
    return folders.sort();
}

/**
 * Every object folder in the project with its custom fields (standard objects appear with only
 * the custom fields the project adds). Custom metadata types (`__mdt`) are included.
 */
export async function readProjectObjects(projectDir: string = PROJECT_ROOT): Promise<ObjectDefinition[]> {
    const objects = new Map<string, ObjectDefinition>();
    for (const folder of await metadataFolders(projectDir, 'objects')) {
        for (const objectName of await listDir(folder)) {
            const objectDir = path.join(folder, objectName);
            const definition = objects.get(objectName) ?? {
                name: objectName,
                label: objectName,
                custom: objectName.endsWith('__c') || objectName.endsWith('__mdt'),
                fields: []
            };
            const objectFile = path.join(objectDir, `${objectName}.object-meta.xml`);
            const objectXml = await readFile(objectFile, 'utf8').catch(() => undefined);
            if (objectXml !== undefined) {
                const object = parseRoot(objectXml, objectFile, 'CustomObject');
                definition.label = childText(object, 'label') ?? objectName;
                const nameField = childrenNamed(object, 'nameField')[0];
                if (nameField !== undefined && definition.custom) {
                    const autoNumber = childText(nameField, 'type') === 'AutoNumber';
                    definition.fields.push({
                        name: 'Name',
                        label: childText(nameField, 'label') ?? 'Name',
                        type: 'string',
                        length: 80,
                        required: !autoNumber,
                        externalId: false,
                        unique: false,
                        readOnly: autoNumber
                    });
                }
            }
            const fieldsDir = path.join(objectDir, 'fields');
            for (const file of await listDir(fieldsDir)) {
                if (file.endsWith('.field-meta.xml')) {
                    const fieldFile = path.join(fieldsDir, file);
                    definition.fields.push(parseFieldXml(await readFile(fieldFile, 'utf8'), fieldFile));
                }
            }
            objects.set(objectName, definition);
        }
    }
    return [...objects.values()];
}

function parseObjectMappings(root: XmlElement): ObjectMapping[] {
    return childrenNamed(root, 'objectMapping').map((mapping) => ({
        inputObject: childText(mapping, 'inputObject') ?? '',
        outputObject: childText(mapping, 'outputObject') ?? '',
        mappingFields: childrenNamed(mapping, 'mappingFields').map((field) => ({
            inputField: childText(field, 'inputField') ?? '',
            outputField: childText(field, 'outputField') ?? ''
        }))
    }));
}

/** Parses a `<LeadConvertSettings>` element. */
function parseLeadConvertSettings(root: XmlElement): LeadConvertSettings {
    const allowOwnerChange = childText(root, 'allowOwnerChange');
    const settings: LeadConvertSettings = { objectMapping: parseObjectMappings(root) };
    if (allowOwnerChange !== undefined) {
        settings.allowOwnerChange = allowOwnerChange === 'true';
    }
    const options = childText(root, 'opportunityCreationOptions');
    if (options !== undefined) {
        settings.opportunityCreationOptions = options;
    }
    return settings;
}

/** A LeadConvertSettings file anywhere (one retrieved from an org, for example). */
export async function readLeadConvertSettingsFile(file: string): Promise<LeadConvertSettings> {
    return parseLeadConvertSettings(await readRoot(file, 'LeadConvertSettings'));
}

/** Source folder and file suffix of the LeadConvertSettings type (Metadata API Developer Guide, "LeadConvertSettings"). */
const LEAD_CONVERT_SETTINGS_FOLDER = 'LeadConvertSettings';
const LEAD_CONVERT_SETTINGS_SUFFIX = '.LeadConvertSetting-meta.xml';

/** The project's LeadConvertSettings file (`LeadConvertSettings/*.LeadConvertSetting-meta.xml`, the first in any package directory). */
export async function readLeadConvertSettings(
    projectDir: string = PROJECT_ROOT
): Promise<{ file: string; settings: LeadConvertSettings }> {
    for (const folder of await metadataFolders(projectDir, LEAD_CONVERT_SETTINGS_FOLDER)) {
        const name = (await listDir(folder)).find((file) => file.endsWith(LEAD_CONVERT_SETTINGS_SUFFIX));
        if (name !== undefined) {
            const file = path.join(folder, name);
            return { file, settings: await readLeadConvertSettingsFile(file) };
        }
    }
    throw new Error(
        `No ${LEAD_CONVERT_SETTINGS_FOLDER}/*${LEAD_CONVERT_SETTINGS_SUFFIX} in any package directory of ${projectDir}`
    );
}

/**
 * Whether the project turns on "Require Validation for Converted Leads"
 * (LeadConfigSettings.shouldLeadConvertRequireValidation in settings/LeadConfig.settings-meta.xml;
 * off when the project has no such file, as in a new org).
 */
export async function readRequireValidationForConvertedLeads(projectDir: string = PROJECT_ROOT): Promise<boolean> {
    for (const folder of await metadataFolders(projectDir, 'settings')) {
        const file = path.join(folder, 'LeadConfig.settings-meta.xml');
        const xml = await readFile(file, 'utf8').catch(() => undefined);
        if (xml !== undefined) {
            return (
                childText(parseRoot(xml, file, 'LeadConfigSettings'), 'shouldLeadConvertRequireValidation') === 'true'
            );
        }
    }
    return false;
}

/** `<Type>.<Record>.md-meta.xml`: a custom metadata record's file name (type without __mdt). */
export const CUSTOM_METADATA_FILE = /^(\w+)\.(\w+)\.md-meta\.xml$/;

/** A custom metadata record from its file name and its `<CustomMetadata>` element. */
export function customMetadataRecord(fileName: string, record: XmlElement): CustomMetadataRecord | undefined {
    const match = CUSTOM_METADATA_FILE.exec(fileName);
    if (!match?.[1] || !match[2]) {
        return undefined;
    }
    const values: Record<string, string | null> = {};
    for (const value of childrenNamed(record, 'values')) {
        const field = childText(value, 'field');
        if (field) {
            const raw = childText(value, 'value');
            values[field] = raw === undefined || raw === '' ? null : raw;
        }
    }
    return {
        type: `${match[1]}__mdt`,
        developerName: match[2],
        label: childText(record, 'label') ?? match[2],
        values
    };
}

/** Every custom metadata record (`customMetadata/*.md-meta.xml`) in the project. */
export async function readCustomMetadataRecords(projectDir: string = PROJECT_ROOT): Promise<CustomMetadataRecord[]> {
    const records: CustomMetadataRecord[] = [];
    for (const folder of await metadataFolders(projectDir, 'customMetadata')) {
        for (const file of await listDir(folder)) {
            if (!CUSTOM_METADATA_FILE.test(file)) {
                continue;
            }
            const record = customMetadataRecord(file, await readRoot(path.join(folder, file), 'CustomMetadata'));
            if (record) {
                records.push(record);
            }
        }
    }
    return records;
}

/** Custom permission names and, per permission set, the custom permissions it enables. */
export async function readProjectPermissions(
    projectDir: string = PROJECT_ROOT
): Promise<{ customPermissions: string[]; permissionSets: { name: string; customPermissions: string[] }[] }> {
    const customPermissions: string[] = [];
    for (const folder of await metadataFolders(projectDir, 'customPermissions')) {
        for (const file of await listDir(folder)) {
            const match = /^(\w+)\.customPermission-meta\.xml$/.exec(file);
            if (match?.[1]) customPermissions.push(match[1]);
        }
    }
    const permissionSets: { name: string; customPermissions: string[] }[] = [];
    for (const folder of await metadataFolders(projectDir, 'permissionsets')) {
        for (const file of await listDir(folder)) {
            const match = /^(\w+)\.permissionset-meta\.xml$/.exec(file);
            if (!match?.[1]) continue;
            const root = await readRoot(path.join(folder, file), 'PermissionSet');
            permissionSets.push({
                name: match[1],
                customPermissions: childrenNamed(root, 'customPermissions')
                    .filter((permission) => childText(permission, 'enabled') === 'true')
                    .map((permission) => childText(permission, 'name') ?? '')
            });
        }
    }
    return { customPermissions, permissionSets };
}
