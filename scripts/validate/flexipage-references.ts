/**
 * FlexiPage references: the page's object exists, Dynamic Forms fields exist on it, and every
 * component placed on it exists and is exposed for the page's type — a project Lightning web
 * component (`c:name`) must be `isExposed` with the matching `lightning__…Page` target (and, on a
 * record page, allow the page's object when its targetConfig restricts objects).
 */
import { resolveField, reportAt, type Reporter } from './field-references.ts';
import { componentsOf, hasName, type ProjectModel } from './project-model.ts';
import { childText, type XmlElement } from './xml.ts';

const TARGET_BY_PAGE_TYPE: Record<string, string> = {
    AppPage: 'lightning__AppPage',
    HomePage: 'lightning__HomePage',
    RecordPage: 'lightning__RecordPage',
    UtilityBar: 'lightning__UtilityBar'
};

/** Namespaces of components Salesforce provides on Lightning pages. */
const STANDARD_NAMESPACES = new Set([
    'flexipage',
    'force',
    'forceChatter',
    'forceCommunity',
    'lst',
    'console',
    'home',
    'runtime_sales_activities',
    'runtime_sales_merge',
    'runtime_sales_pathassistant',
    'runtime_sales_lead',
    'runtime_sales_social',
    'runtime_sales_campaign',
    'runtime_sales_insights',
    'runtime_sales_forecasting',
    'runtime_platform_actions',
    'runtime_service_predictions',
    'sfa',
    'wave',
    'analytics',
    'record_flexipage',
    'lightning',
    'einstein_discovery'
]);

function descendants(element: XmlElement, name: string): XmlElement[] {
    return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...descendants(child, name)]);
}

export function checkFlexiPages(model: ProjectModel, report: Reporter): void {
    for (const page of componentsOf(model, 'FlexiPage')) {
        const pageType = childText(page.root, 'type') ?? '';
        const objectName = childText(page.root, 'sobjectType');
        if (objectName !== undefined && !model.objects.has(objectName.toLowerCase())) {
            report(page, page.root, `unknown object ${objectName}`);
        }
        for (const fieldItem of descendants(page.root, 'fieldItem')) {
            const field = fieldItem.text.trim().replace(/^Record\./, '');
            resolveField(model, `${objectName ?? '?'}.${field}`, reportAt(report, page, fieldItem));
        }
        for (const component of descendants(page.root, 'componentName')) {
            const problem = componentProblem(model, component.text.trim(), pageType, objectName);
            if (problem) {
                report(page, component, problem);
            }
        }
    }
}

function componentProblem(
    model: ProjectModel,
    componentName: string,
    pageType: string,
    objectName: string | undefined
): string | undefined {
    const [namespace, name] = componentName.includes(':') ? componentName.split(':') : ['c', componentName];
    if (namespace !== 'c') {
        return STANDARD_NAMESPACES.has(namespace ?? '') || namespace?.startsWith('runtime_')
            ? undefined
            : `unknown component ${componentName} (neither c: nor a standard namespace)`;
    }
    const bundle = model.bundles.get((name ?? '').toLowerCase());
    if (!bundle) {
        return hasName(model, 'aura', name ?? '')
            ? undefined
            : `unknown component ${componentName}: no lwc/${name} bundle`;
    }
    const target = TARGET_BY_PAGE_TYPE[pageType];
    if (!bundle.isExposed) {
        return `${componentName} is not exposed (isExposed is not true in ${bundle.file})`;
    }
    if (target && !bundle.targets.includes(target)) {
        return `${componentName} is not exposed for ${pageType} pages: add ${target} to the targets in ${bundle.file}`;
    }
    const allowedObjects = target ? bundle.targetObjects.get(target) : undefined;
    if (
        objectName &&
        allowedObjects &&
        !allowedObjects.some((allowed) => allowed.toLowerCase() === objectName.toLowerCase())
    ) {
        return `${componentName} allows ${target} only on ${allowedObjects.join(', ')}, not ${objectName}`;
    }
    return undefined;
}
