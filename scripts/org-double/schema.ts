/**
 * The org double's schema: the standard objects and fields in standard-objects.json merged with
 * the project's own objects and custom fields (force-app), plus system fields every object has.
 */
import { readFile } from 'node:fs/promises';
import { PROJECT_ROOT } from '../lib/project.ts';
import { readProjectObjects, type FieldDefinition, type FieldType } from '../lib/projectMetadata.ts';

export interface SchemaObject {
    name: string;
    label: string;
    custom: boolean;
    /** Setup and system objects the API can read but not write. */
    readOnlyObject: boolean;
    keyPrefix: string;
    fields: Map<string, FieldDefinition>;
}

export type Schema = Map<string, SchemaObject>;

/** A standard field as standard-objects.json writes it: a field definition with defaults left out. */
type StandardField = Partial<Omit<FieldDefinition, 'name' | 'label' | 'type'>> & {
    type: FieldType;
    /** Reuse another field's picklist values ("Object.Field"). */
    sameAs?: string;
};

interface StandardObjects {
    objects: Record<string, { label: string; readOnlyObject?: boolean; fields: Record<string, StandardField> }>;
}

const KEY_PREFIXES: Record<string, string> = {
    Lead: '00Q',
    Account: '001',
    Contact: '003',
    Opportunity: '006',
    Campaign: '701',
    CampaignMember: '00v',
    User: '005',
    Organization: '00D',
    LeadStatus: '01J',
    OpportunityStage: '01J',
    Group: '00G',
    CustomPermission: '0CP',
    PermissionSet: '0PS',
    PermissionSetAssignment: '0Pa',
    SetupEntityAccess: '0J0'
};

function systemField(name: string, type: FieldType, extra: Partial<FieldDefinition> = {}): FieldDefinition {
    return { name, label: name, type, required: false, externalId: false, unique: false, readOnly: true, ...extra };
}

function toDefinition(name: string, field: StandardField, objects: StandardObjects): FieldDefinition {
    const { sameAs, required, readOnly, ...rest } = field;
    const definition: FieldDefinition = {
        ...rest,
        name,
        label: name,
        required: required ?? false,
        readOnly: readOnly ?? false,
        externalId: false,
        unique: false
    };
    if (sameAs) {
        const [objectName = '', fieldName = ''] = sameAs.split('.');
        definition.picklistValues = objects.objects[objectName]?.fields[fieldName]?.picklistValues ?? [];
    }
    return definition;
}

/** Field map keyed by lower-case API name (the API is case-insensitive). */
function fieldMap(fields: FieldDefinition[]): Map<string, FieldDefinition> {
    return new Map(fields.map((field) => [field.name.toLowerCase(), field]));
}

export async function loadSchema(projectDir: string = PROJECT_ROOT): Promise<Schema> {
    const standard = JSON.parse(
        await readFile(new URL('./standard-objects.json', import.meta.url), 'utf8')
    ) as StandardObjects;
    const schema: Schema = new Map();
    for (const [name, object] of Object.entries(standard.objects)) {
        const fields = Object.entries(object.fields).map(([fieldName, field]) =>
            toDefinition(fieldName, field, standard)
        );
        schema.set(name.toLowerCase(), {
            name,
            label: object.label,
            custom: false,
            readOnlyObject: object.readOnlyObject ?? false,
            keyPrefix: KEY_PREFIXES[name] ?? '000',
            fields: fieldMap(fields)
        });
    }
    let customIndex = 0;
    for (const object of await readProjectObjects(projectDir)) {
        const existing = schema.get(object.name.toLowerCase());
        if (existing) {
            for (const field of object.fields) {
                existing.fields.set(field.name.toLowerCase(), field);
            }
            continue;
        }
        const isMetadataType = object.name.endsWith('__mdt');
        const extraFields = isMetadataType
            ? [
                  systemField('DeveloperName', 'string', { length: 40 }),
                  systemField('MasterLabel', 'string', { length: 40 })
              ]
            : [];
        schema.set(object.name.toLowerCase(), {
            name: object.name,
            label: object.label,
            custom: true,
            readOnlyObject: isMetadataType,
            keyPrefix: `${isMetadataType ? 'm' : 'a'}${String(customIndex++).padStart(2, '0')}`,
            fields: fieldMap([...extraFields, ...object.fields])
        });
    }
    for (const object of schema.values()) {
        object.fields.set('id', systemField('Id', 'id', { length: 18 }));
        object.fields.set('createddate', systemField('CreatedDate', 'datetime'));
        object.fields.set(
            'createdbyid',
            systemField('CreatedById', 'reference', { referenceTo: ['User'], relationshipName: 'CreatedBy' })
        );
        object.fields.set('lastmodifieddate', systemField('LastModifiedDate', 'datetime'));
    }
    return schema;
}

/** The field whose relationship name is `relationship` (e.g. `Lead__r`, `Owner`) on `object`. */
export function relationshipField(object: SchemaObject, relationship: string): FieldDefinition | undefined {
    const wanted = relationship.toLowerCase();
    return [...object.fields.values()].find((field) => field.relationshipName?.toLowerCase() === wanted);
}
