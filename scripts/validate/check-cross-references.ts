/**
 * Check 2: every name one piece of metadata uses resolves — objects, fields and External Credential
 * principals in permission sets, list views, layouts, compact layouts, flexipages and tabs; custom metadata records (type,
 * fields, picklist values, Lead field names held in criteria and SLA policies); LeadConvertSettings
 * mappings (fields exist, types and sizes compatible); components placed on flexipages.
 */
import path from 'node:path';
import { count, type Check, type CheckContext, type CheckOutcome, type Problem } from './check.ts';
import { resolveField, reportAt, type Reporter } from './field-references.ts';
import { checkCustomMetadataRecords } from './custom-metadata-references.ts';
import { checkFlexiPages } from './flexipage-references.ts';
import { checkLeadConvertMappings } from './lead-convert-settings.ts';
import { componentsOf, hasName, loadProjectModel, type ProjectModel } from './project-model.ts';
import { childrenNamed, childText } from './xml.ts';

export const crossReferencesCheck: Check = {
    id: 'cross-references',
    title: 'Cross-references',
    async run(context: CheckContext): Promise<CheckOutcome> {
        const model = await loadProjectModel(context);
        const problems: Problem[] = [];
        const report: Reporter = (component, element, message) => {
            problems.push({ file: component.file.relative, line: element.line, message });
        };
        checkPermissionSets(model, report);
        checkObjectViews(model, report);
        checkLayouts(model, report);
        checkTabsAndApps(model, report);
        checkFlexiPages(model, report);
        checkCustomMetadataRecords(model, report);
        for (const { component, element, message } of checkLeadConvertMappings(model).problems) {
            report(component, element, message);
        }
        const components = [...model.components.values()].reduce((sum, list) => sum + list.length, 0);
        return { problems, summary: `${count(components, 'component')}, ${count(model.objects.size, 'object')}` };
    }
};

function checkPermissionSets(model: ProjectModel, report: Reporter): void {
    for (const permissionSet of componentsOf(model, 'PermissionSet')) {
        const { root } = permissionSet;
        for (const entry of childrenNamed(root, 'fieldPermissions')) {
            const qualified = childText(entry, 'field') ?? '';
            const at = reportAt(report, permissionSet, entry);
            const field = resolveField(model, qualified, at);
            if (field?.required || field?.type === 'MasterDetail') {
                at(`${qualified} is required; field permissions cannot be set on it (the deploy fails)`);
            } else if (field?.formula && childText(entry, 'editable') === 'true') {
                at(`${qualified} is a formula field; it cannot be editable`);
            }
        }
        for (const entry of childrenNamed(root, 'objectPermissions')) {
            const object = childText(entry, 'object') ?? '';
            if (!model.objects.has(object.toLowerCase())) {
                report(permissionSet, entry, `unknown object ${object}`);
            } else if (object.endsWith('__mdt')) {
                report(permissionSet, entry, `${object} is custom metadata: grant it with customMetadataTypeAccesses`);
            }
        }
        const named: [string, string, string][] = [
            ['classAccesses', 'apexClass', 'class'],
            ['customPermissions', 'name', 'customPermission'],
            ['tabSettings', 'tab', 'tab'],
            ['applicationVisibilities', 'application', 'app']
        ];
        for (const [element, child, index] of named) {
            for (const entry of childrenNamed(root, element)) {
                const name = childText(entry, child) ?? '';
                if (!isStandardName(name) && !hasName(model, index, name)) {
                    report(permissionSet, entry, `unknown ${index} ${name}`);
                }
            }
        }
        for (const entry of childrenNamed(root, 'customMetadataTypeAccesses')) {
            const name = childText(entry, 'name') ?? '';
            if (!model.objects.has(name.toLowerCase())) {
                report(permissionSet, entry, `unknown custom metadata type ${name}`);
            }
        }
        for (const entry of childrenNamed(root, 'externalCredentialPrincipalAccesses')) {
            const principal = childText(entry, 'externalCredentialPrincipal') ?? '';
            if (!externalCredentialPrincipals(model).has(principal.toLowerCase())) {
                report(
                    permissionSet,
                    entry,
                    `unknown external credential principal ${principal} (expected <ExternalCredential>-<principal name>)`
                );
            }
        }
        for (const entry of childrenNamed(root, 'recordTypeVisibilities')) {
            const [objectName = '', recordType = ''] = (childText(entry, 'recordType') ?? '').split('.');
            if (!model.objects.get(objectName.toLowerCase())?.recordTypes.has(recordType.toLowerCase())) {
                report(permissionSet, entry, `unknown record type ${objectName}.${recordType}`);
            }
        }
    }
}

/** `<ExternalCredential>-<principal name>` of every named or per-user principal the project's External Credentials define. */
function externalCredentialPrincipals(model: ProjectModel): Set<string> {
    const principals = new Set<string>();
    for (const credential of componentsOf(model, 'ExternalCredential')) {
        for (const parameter of childrenNamed(credential.root, 'externalCredentialParameters')) {
            if (/^(NamedPrincipal|PerUserPrincipal)$/.test(childText(parameter, 'parameterType') ?? '')) {
                principals.add(`${credential.name}-${childText(parameter, 'parameterName') ?? ''}`.toLowerCase());
            }
        }
    }
    return principals;
}

/** Standard tabs and apps (standard-Account, standard__LightningSales) live in every org. */
function isStandardName(name: string): boolean {
    return name.startsWith('standard-') || name.startsWith('standard__');
}

/** List views and compact layouts of objects/<Object>/…: their field names belong to that object. */
function checkObjectViews(model: ProjectModel, report: Reporter): void {
    for (const type of ['ListView', 'CompactLayout']) {
        for (const view of componentsOf(model, type)) {
            const objectName = path.basename(path.dirname(path.dirname(view.file.relative)));
            const fieldElements =
                type === 'ListView'
                    ? [
                          ...childrenNamed(view.root, 'columns'),
                          ...childrenNamed(view.root, 'filters').flatMap((filter) => childrenNamed(filter, 'field'))
                      ]
                    : childrenNamed(view.root, 'fields');
            for (const element of fieldElements) {
                checkViewField(model, objectName, element.text.trim(), reportAt(report, view, element));
            }
        }
    }
}

/**
 * A list view column is either a custom field (`Fit_Score__c`, maybe prefixed by the object) or a
 * standard column token (`FULL_NAME`, `LEAD.COMPANY`): only the former can be resolved here.
 */
function checkViewField(
    model: ProjectModel,
    objectName: string,
    name: string,
    report: (message: string) => void
): void {
    const field = name.replace(new RegExp(`^${objectName}\\.`, 'i'), '');
    if (/^[A-Z0-9_.]+$/.test(field) && !field.endsWith('__C')) {
        return;
    }
    resolveField(model, `${objectName}.${field}`, report);
}

function checkLayouts(model: ProjectModel, report: Reporter): void {
    for (const layout of componentsOf(model, 'Layout')) {
        const objectName = layout.name.split('-')[0] ?? '';
        if (!model.objects.has(objectName.toLowerCase())) {
            report(layout, layout.root, `layout for unknown object ${objectName}`);
            continue;
        }
        const items = childrenNamed(layout.root, 'layoutSections')
            .flatMap((section) => childrenNamed(section, 'layoutColumns'))
            .flatMap((column) => childrenNamed(column, 'layoutItems'));
        for (const item of items) {
            const field = childText(item, 'field');
            if (field !== undefined) {
                resolveField(model, `${objectName}.${field}`, reportAt(report, layout, item));
            }
        }
    }
}

function checkTabsAndApps(model: ProjectModel, report: Reporter): void {
    for (const tab of componentsOf(model, 'CustomTab')) {
        if (childText(tab.root, 'customObject') === 'true' && !model.objects.has(tab.name.toLowerCase())) {
            report(tab, tab.root, `object tab for unknown object ${tab.name}`);
        }
        const flexiPage = childText(tab.root, 'flexiPage');
        if (flexiPage !== undefined && !hasName(model, 'flexipage', flexiPage)) {
            report(tab, tab.root, `unknown flexipage ${flexiPage}`);
        }
        const lwc = childText(tab.root, 'lwcComponent');
        if (lwc !== undefined) {
            const bundle = model.bundles.get(lwc.toLowerCase());
            if (!bundle) {
                report(tab, tab.root, `unknown Lightning web component ${lwc}`);
            } else if (!bundle.isExposed || !bundle.targets.includes('lightning__Tab')) {
                report(tab, tab.root, `${lwc} is not exposed for lightning__Tab (${bundle.file})`);
            }
        }
    }
    for (const app of componentsOf(model, 'CustomApplication')) {
        for (const tab of childrenNamed(app.root, 'tabs')) {
            const name = tab.text.trim();
            if (!isStandardName(name) && !hasName(model, 'tab', name)) {
                report(app, tab, `unknown tab ${name}`);
            }
        }
        const utilityBar = app.root.children.find((child) => child.name === 'utilityBar');
        if (utilityBar && !hasName(model, 'flexipage', utilityBar.text.trim())) {
            report(app, utilityBar, `unknown utility bar flexipage ${utilityBar.text.trim()}`);
        }
    }
}
