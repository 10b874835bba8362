/**
 * Source-format file suffixes and the Metadata API type each file's root element must be (the
 * CLI's registry agrees: metadata-types.test.ts). `.settings-meta.xml` is special: `LeadConfig.settings-meta.xml`
 * holds `<LeadConfigSettings>`. A few settings are types of their own, with their own folder and
 * suffix (`LeadConvertSettings/LeadConvertSettings.LeadConvertSetting-meta.xml`): see misplacedSettings.
 */
import path from 'node:path';
import { registryTypeByName } from './metadata-registry.ts';

const SUFFIX_TYPES: Record<string, string> = {
    app: 'CustomApplication',
    approvalProcess: 'ApprovalProcess',
    assignmentRules: 'AssignmentRules',
    businessProcess: 'BusinessProcess',
    cls: 'ApexClass',
    cmp: 'AuraDefinitionBundle',
    compactLayout: 'CompactLayout',
    component: 'ApexComponent',
    customPermission: 'CustomPermission',
    dashboard: 'Dashboard',
    duplicateRule: 'DuplicateRule',
    email: 'EmailTemplate',
    externalCredential: 'ExternalCredential',
    field: 'CustomField',
    fieldSet: 'FieldSet',
    flexipage: 'FlexiPage',
    flow: 'Flow',
    globalValueSet: 'GlobalValueSet',
    group: 'Group',
    index: 'Index',
    js: 'LightningComponentBundle',
    labels: 'CustomLabels',
    layout: 'Layout',
    LeadConvertSetting: 'LeadConvertSettings',
    listView: 'ListView',
    matchingRule: 'MatchingRules',
    md: 'CustomMetadata',
    messageChannel: 'LightningMessageChannel',
    namedCredential: 'NamedCredential',
    notiftype: 'CustomNotificationType',
    object: 'CustomObject',
    objectTranslation: 'CustomObjectTranslation',
    page: 'ApexPage',
    pathAssistant: 'PathAssistant',
    permissionset: 'PermissionSet',
    permissionsetgroup: 'PermissionSetGroup',
    profile: 'Profile',
    queue: 'Queue',
    quickAction: 'QuickAction',
    recordType: 'RecordType',
    remoteSite: 'RemoteSiteSetting',
    report: 'Report',
    reportType: 'ReportType',
    resource: 'StaticResource',
    sharingReason: 'SharingReason',
    sharingRules: 'SharingRules',
    standardValueSet: 'StandardValueSet',
    tab: 'CustomTab',
    trigger: 'ApexTrigger',
    validationRule: 'ValidationRule',
    webLink: 'WebLink',
    workflow: 'Workflow'
};

const META_SUFFIX = /^(?<name>.+)\.(?<suffix>[A-Za-z]+)-meta\.xml$/;

export interface MetadataFileName {
    /** The component's name as the file spells it (`Lead_SLA__c`, `LeadConfig`, `Fit_Score__c`). */
    name: string;
    suffix: string;
    /** The root element the file must have, when the suffix is known. */
    expectedType?: string;
}

/** Reads `Name.suffix-meta.xml`; undefined for files that are not metadata XML. */
export function parseMetadataFileName(fileName: string): MetadataFileName | undefined {
    const groups = META_SUFFIX.exec(fileName)?.groups;
    if (!groups?.name || !groups.suffix) {
        return undefined;
    }
    const { name, suffix } = groups;
    const expectedType = suffix === 'settings' ? `${name}Settings` : SUFFIX_TYPES[suffix];
    return { name, suffix, ...(expectedType ? { expectedType } : {}) };
}

export interface MisplacedSettings {
    /** The Settings component the CLI would send (`LeadConvert`). */
    settingsName: string;
    /** The metadata type the file holds (`LeadConvertSettings`). */
    type: string;
    /** Where the file belongs, relative like the file (`…/LeadConvertSettings/LeadConvertSettings.LeadConvertSetting-meta.xml`). */
    path: string;
}

/**
 * Where a `<Name>.settings-meta.xml` file belongs when `<Name>Settings` is a metadata type of its
 * own in the CLI's registry (LeadConvertSettings: Metadata API Developer Guide, "LeadConvertSettings",
 * suffix LeadConvertSetting in the LeadConvertSettings folder). The CLI sends such a file as the
 * Settings component `<Name>`, not as that type; an org names its one LeadConvertSettings component
 * after the type, so the file becomes `<Type>/<Type>.<suffix>-meta.xml` beside the `settings` folder.
 * Undefined for an ordinary settings file (LeadConfig) and for any other file.
 */
export function misplacedSettings(relative: string): MisplacedSettings | undefined {
    const fileName = parseMetadataFileName(path.posix.basename(relative));
    if (fileName?.suffix !== 'settings') {
        return undefined;
    }
    const type = registryTypeByName(`${fileName.name}Settings`);
    if (!type?.directoryName || !type.suffix || type.suffix === 'settings') {
        return undefined;
    }
    const folder = path.posix.dirname(relative);
    const base = path.posix.basename(folder) === 'settings' ? path.posix.dirname(folder) : folder;
    return {
        settingsName: fileName.name,
        type: type.name,
        path: path.posix.join(base, type.directoryName, `${type.name}.${type.suffix}-meta.xml`)
    };
}
