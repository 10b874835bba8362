import { findField, type FieldInfo, type MetadataComponent, type ProjectModel } from './project-model.ts';
import type { XmlElement } from './xml.ts';

/** Reports a problem at an element of a metadata component. */
export type Reporter = (component: MetadataComponent, element: XmlElement, message: string) => void;

/** A one-argument reporter bound to one element of one component. */
export function reportAt(
    report: Reporter,
    component: MetadataComponent,
    element: XmlElement
): (message: string) => void {
    return (message) => {
        report(component, element, message);
    };
}

/** Resolves `Object.Field`; reports an unknown object or field and returns undefined. */
export function resolveField(
    model: ProjectModel,
    qualified: string,
    report: (message: string) => void
): FieldInfo | undefined {
    const [objectName = '', fieldName = ''] = qualified.split('.');
    if (!model.objects.has(objectName.toLowerCase())) {
        report(`unknown object ${objectName} (in "${qualified}")`);
        return undefined;
    }
    const field = findField(model, objectName, fieldName);
    if (!field) {
        report(`unknown field ${qualified}${standardHint(objectName, fieldName)}`);
    }
    return field;
}

function standardHint(objectName: string, fieldName: string): string {
    return fieldName.endsWith('__c') || objectName.endsWith('__c') || objectName.endsWith('__mdt')
        ? ''
        : ' (a standard field must be listed in scripts/validate/standard-fields.json)';
}
