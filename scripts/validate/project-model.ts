/**
 * What the project defines, indexed for name lookups: objects and their fields (the project's own
 * plus the standard fields listed in standard-fields.json), custom metadata records, Lightning web
 * component bundles and the other named components metadata refers to. Salesforce API names are
 * case-insensitive, so every index is keyed by the lower-cased name.
 */
import path from 'node:path';
import { oncePerRun, type CheckContext } from './check.ts';
import { readMetadataFiles, type MetadataFile } from './metadata-files.ts';
import { parseMetadataFileName } from './metadata-types.ts';
import standardFields from './standard-fields.json' with { type: 'json' };
import { childrenNamed, childText, type XmlElement } from './xml.ts';

export interface FieldInfo {
    name: string;
    /** Metadata API field type: Text, LongTextArea, Picklist, Number, Checkbox, Lookup, … */
    type: string;
    length?: number;
    precision?: number;
    scale?: number;
    required?: boolean;
    /** A formula field: read-only, never a mapping target. */
    formula?: boolean;
    restrictedPicklist?: boolean;
    /** Values of a picklist defined in the project; undefined when the values live in the org. */
    picklistValues?: string[];
    referenceTo?: string[];
    /** A lookup's child relationship name, as the parent names its children (`Lead_SLAs` → `Lead_SLAs__r`). */
    relationshipName?: string;
    /** Where the field is defined; undefined for standard fields. */
    file?: string;
}

export interface ObjectInfo {
    name: string;
    fields: Map<string, FieldInfo>;
    recordTypes: Set<string>;
    /** Whether all its fields are known: custom objects, and standard ones listed in standard-fields.json. */
    standardFieldsListed: boolean;
}

export interface BundleInfo {
    name: string;
    file: string;
    isExposed: boolean;
    targets: string[];
    /** Objects a target is restricted to by targetConfig (target → objects). */
    targetObjects: Map<string, string[]>;
}

/** A parsed metadata file with its component name and root element. */
export interface MetadataComponent {
    file: MetadataFile;
    name: string;
    root: XmlElement;
}

export interface ProjectModel {
    objects: Map<string, ObjectInfo>;
    bundles: Map<string, BundleInfo>;
    /** Metadata components by root element type (CustomMetadata, PermissionSet, FlexiPage, …). */
    components: Map<string, MetadataComponent[]>;
    /** Names of components by type, lower-cased: apex classes, tabs, apps, flexipages, channels, … */
    names: Map<string, Set<string>>;
}

/** Fields every custom object has. */
const CUSTOM_OBJECT_FIELDS: Record<string, FieldInfo> = {
    Id: { name: 'Id', type: 'Id' },
    Name: { name: 'Name', type: 'Text', length: 80 },
    OwnerId: { name: 'OwnerId', type: 'Lookup', referenceTo: ['User', 'Group'] },
    CreatedDate: { name: 'CreatedDate', type: 'DateTime' },
    CreatedById: { name: 'CreatedById', type: 'Lookup', referenceTo: ['User'] },
    LastModifiedDate: { name: 'LastModifiedDate', type: 'DateTime' },
    LastModifiedById: { name: 'LastModifiedById', type: 'Lookup', referenceTo: ['User'] },
    SystemModstamp: { name: 'SystemModstamp', type: 'DateTime' },
    IsDeleted: { name: 'IsDeleted', type: 'Checkbox' },
    LastViewedDate: { name: 'LastViewedDate', type: 'DateTime' },
    LastReferencedDate: { name: 'LastReferencedDate', type: 'DateTime' },
    LastActivityDate: { name: 'LastActivityDate', type: 'Date' }
};

/** Fields every custom metadata type has. */
const CUSTOM_METADATA_FIELDS: Record<string, FieldInfo> = {
    Id: { name: 'Id', type: 'Id' },
    DeveloperName: { name: 'DeveloperName', type: 'Text', length: 40 },
    MasterLabel: { name: 'MasterLabel', type: 'Text', length: 40 },
    Label: { name: 'Label', type: 'Text', length: 40 },
    QualifiedApiName: { name: 'QualifiedApiName', type: 'Text', length: 70 },
    NamespacePrefix: { name: 'NamespacePrefix', type: 'Text', length: 15 },
    Language: { name: 'Language', type: 'Picklist' },
    SystemModstamp: { name: 'SystemModstamp', type: 'DateTime' }
};

/** Types whose component names other metadata refers to, and the index they go to. */
const NAMED_TYPES: Record<string, string> = {
    ApexClass: 'class',
    ApexTrigger: 'trigger',
    CustomTab: 'tab',
    CustomApplication: 'app',
    FlexiPage: 'flexipage',
    LightningMessageChannel: 'messageChannel',
    CustomPermission: 'customPermission',
    CustomNotificationType: 'notificationType',
    PermissionSet: 'permissionSet',
    StaticResource: 'staticResource',
    AuraDefinitionBundle: 'aura'
};

export const loadProjectModel = oncePerRun(async (context: CheckContext): Promise<ProjectModel> =>
    buildModel(await readMetadataFiles(context))
);

/** The model of a set of parsed metadata files (a project's, or a project's with other records). */
export function buildModel(files: MetadataFile[]): ProjectModel {
    const model: ProjectModel = { objects: new Map(), bundles: new Map(), components: new Map(), names: new Map() };
    for (const objectName of standardFields.objectsWithoutFieldList) {
        ensureObject(model, objectName);
    }
    for (const [objectName, fields] of Object.entries(standardFields.objects)) {
        const object = ensureObject(model, objectName);
        object.standardFieldsListed = true;
        for (const [name, field] of Object.entries(fields)) {
            object.fields.set(name.toLowerCase(), { name, ...(field as Omit<FieldInfo, 'name'>) });
        }
    }
    for (const file of files) {
        if ('error' in file.parsed) {
            continue;
        }
        const root = file.parsed.root;
        const name = componentName(file, root);
        const list = model.components.get(root.name) ?? [];
        list.push({ file, name, root });
        model.components.set(root.name, list);
        const index = NAMED_TYPES[root.name];
        if (index) {
            nameSet(model, index).add(name.toLowerCase());
        }
        indexComponent(model, file, name, root);
    }
    return model;
}

function componentName(file: MetadataFile, root: XmlElement): string {
    const base = path.basename(file.relative);
    return parseMetadataFileName(base)?.name ?? childText(root, 'fullName') ?? base;
}

/** The object a nested component (field, list view, record type…) belongs to: objects/<Object>/<kind>/file. */
function parentObject(file: MetadataFile): string {
    return path.basename(path.dirname(path.dirname(file.relative)));
}

function indexComponent(model: ProjectModel, file: MetadataFile, name: string, root: XmlElement): void {
    switch (root.name) {
        case 'CustomObject':
            indexObject(ensureObject(model, name), root);
            break;
        case 'CustomField':
            ensureObject(model, parentObject(file)).fields.set(
                name.toLowerCase(),
                fieldInfo(name, root, file.relative)
            );
            break;
        case 'RecordType':
            ensureObject(model, parentObject(file)).recordTypes.add(name.toLowerCase());
            break;
        case 'LightningComponentBundle':
            model.bundles.set(name.toLowerCase(), bundleInfo(name, root, file.relative));
            break;
        default:
            break;
    }
}

/** A custom object or custom metadata type gets the fields every one of its kind has. */
function indexObject(object: ObjectInfo, root: XmlElement): void {
    const name = object.name;
    const base = name.endsWith('__mdt')
        ? CUSTOM_METADATA_FIELDS
        : name.endsWith('__c')
          ? CUSTOM_OBJECT_FIELDS
          : undefined;
    if (!base) {
        return; // a standard object's own settings
    }
    object.standardFieldsListed = true;
    for (const field of Object.values(base)) {
        if (!object.fields.has(field.name.toLowerCase())) {
            object.fields.set(field.name.toLowerCase(), field);
        }
    }
    const nameField = root.children.find((child) => child.name === 'nameField');
    if (nameField && childText(nameField, 'type') === 'AutoNumber') {
        object.fields.set('name', { name: 'Name', type: 'AutoNumber', length: 80 });
    }
}

function ensureObject(model: ProjectModel, name: string): ObjectInfo {
    let object = model.objects.get(name.toLowerCase());
    if (!object) {
        object = { name, fields: new Map(), recordTypes: new Set(), standardFieldsListed: false };
        model.objects.set(name.toLowerCase(), object);
    }
    return object;
}

function nameSet(model: ProjectModel, index: string): Set<string> {
    let names = model.names.get(index);
    if (!names) {
        names = new Set();
        model.names.set(index, names);
    }
    return names;
}

function numberOf(root: XmlElement, element: string): number | undefined {
    const text = childText(root, element);
    return text === undefined || text === '' ? undefined : Number(text);
}

/** What a `<CustomField>` element says about the field's type, size, values and target; also read by the org double's schema. */
export function fieldInfo(name: string, root: XmlElement, file: string): FieldInfo {
    const valueSet = root.children.find((child) => child.name === 'valueSet');
    const definition = valueSet?.children.find((child) => child.name === 'valueSetDefinition');
    const referenceTo = childText(root, 'referenceTo');
    const info: FieldInfo = { name, type: childText(root, 'type') ?? 'Unknown', file };
    const length = numberOf(root, 'length');
    const precision = numberOf(root, 'precision');
    const scale = numberOf(root, 'scale');
    if (length !== undefined) info.length = length;
    if (precision !== undefined) info.precision = precision;
    if (scale !== undefined) info.scale = scale;
    if (childText(root, 'required') === 'true') info.required = true;
    if (childText(root, 'formula') !== undefined) info.formula = true;
    if (valueSet && childText(valueSet, 'restricted') === 'true') info.restrictedPicklist = true;
    if (definition) {
        info.picklistValues = childrenNamed(definition, 'value').map((value) => childText(value, 'fullName') ?? '');
    }
    if (referenceTo) info.referenceTo = [referenceTo];
    const relationshipName = childText(root, 'relationshipName');
    if (relationshipName) info.relationshipName = relationshipName;
    return info;
}

function bundleInfo(name: string, root: XmlElement, file: string): BundleInfo {
    const targets = root.children.find((child) => child.name === 'targets');
    const targetObjects = new Map<string, string[]>();
    const configs = root.children.find((child) => child.name === 'targetConfigs');
    for (const config of configs ? childrenNamed(configs, 'targetConfig') : []) {
        const objects = config.children.find((child) => child.name === 'objects');
        if (!objects) {
            continue;
        }
        const names = childrenNamed(objects, 'object').map((object) => object.text.trim());
        for (const target of (config.attributes.targets ?? '').split(',')) {
            targetObjects.set(target.trim(), names);
        }
    }
    return {
        name,
        file,
        isExposed: childText(root, 'isExposed') === 'true',
        targets: targets ? childrenNamed(targets, 'target').map((target) => target.text.trim()) : [],
        targetObjects
    };
}

/** Looks up `Object.Field` or a field on an object; undefined when either is unknown. */
export function findField(model: ProjectModel, objectName: string, fieldName: string): FieldInfo | undefined {
    return model.objects.get(objectName.toLowerCase())?.fields.get(fieldName.toLowerCase());
}

/**
 * The lookup field behind a relationship name: `Accepted_By__r` → `Accepted_By__c`, `Owner` →
 * `OwnerId`; undefined when there is none.
 */
export function relationshipField(model: ProjectModel, objectName: string, name: string): FieldInfo | undefined {
    const fieldName = /__r$/i.test(name) ? name.replace(/__r$/i, '__c') : `${name}Id`;
    return findField(model, objectName, fieldName);
}

export function hasName(model: ProjectModel, index: string, name: string): boolean {
    return model.names.get(index)?.has(name.toLowerCase()) ?? false;
}

export function componentsOf(model: ProjectModel, type: string): MetadataComponent[] {
    return model.components.get(type) ?? [];
}
