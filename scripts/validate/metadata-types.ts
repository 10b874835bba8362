/**
 * Source-format file suffixes and the Metadata API type each file's root element must be.
 * `.settings-meta.xml` is special: `LeadConvert.settings-meta.xml` holds `<LeadConvertSettings>`.
 */
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
    /** The component's name as the file spells it (`Lead_SLA__c`, `LeadConvert`, `Fit_Score__c`). */
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
