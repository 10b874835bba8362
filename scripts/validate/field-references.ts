import { findField, type MetadataComponent, type ProjectModel } from './project-model.ts';
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

/** Reports an unknown `Object.Field` (or object); returns whether it resolved. */
export function checkFieldReference(
    model: ProjectModel,
    qualified: string,
    report: (message: string) => void
): boolean {
    const [objectName = '', fieldName = ''] = qualified.split('.');
    if (!model.objects.has(objectName.toLowerCase())) {
        report(`unknown object ${objectName} (in "${qualified}")`);
        return false;
    }
    if (!findField(model, objectName, fieldName)) {
        report(`unknown field ${qualified}${standardHint(objectName, fieldName)}`);
        return false;
    }
    return true;
}

function standardHint(objectName: string, fieldName: string): string {
    return fieldName.endsWith('__c') || objectName.endsWith('__c') || objectName.endsWith('__mdt')
        ? ''
        : ' (a standard field must be listed in scripts/validate/standard-fields.json)';
}
