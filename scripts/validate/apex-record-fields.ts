/**
 * Record fields named in Apex code outside SOQL, checked against the project's objects:
 *
 * - an unknown field or relationship (`lead.Statuss`, `new Lead(Fit_Scor__c = 1)`, `Lead.Foo__c`) on
 *   an object whose fields are all known — custom objects and the standard objects listed in
 *   standard-fields.json. The Apex language server stops checking fields on a standard object as
 *   soon as the project adds a custom field to it (Lead, Opportunity, Contact here), and a deploy
 *   would fail with "Variable does not exist";
 * - a field read from a record whose static query in the same method (or the helper that returned
 *   it) did not select it, which compiles but throws SObjectException at run time.
 */
import type { Problem } from './check.ts';
import { findFieldAccesses, subqueriedRelationships, type FieldAccess } from './apex-field-access.ts';
import type { ParsedApex } from './apex-syntax.ts';
import { findField, relationshipField, type ProjectModel } from './project-model.ts';

export function checkApexRecordFields(model: ProjectModel, sources: ParsedApex[]): Problem[] {
    const childRelationships = childRelationshipNames(model);
    for (const [objectName, names] of subqueriedRelationships(sources)) {
        const known = childRelationships.get(objectName) ?? new Set<string>();
        names.forEach((name) => known.add(name));
        childRelationships.set(objectName, known);
    }
    const problems: Problem[] = [];
    for (const access of findFieldAccesses(model, sources)) {
        const known = knownMember(model, childRelationships, access);
        if (!known) {
            if (access.object.standardFieldsListed) {
                problems.push({
                    file: access.file,
                    line: access.line,
                    message: `unknown field ${access.object.name}.${access.name}`
                });
            }
        } else if (isRead(access) && access.origin && !selected(model, access)) {
            const { origin } = access;
            const where = origin.file === access.file ? `line ${origin.line}` : `${origin.file}:${origin.line}`;
            problems.push({
                file: access.file,
                line: access.line,
                message:
                    `${origin.object}.${access.path} is read from a record the query at ${where} did not select ` +
                    '(SObjectException at run time: add it to the SELECT)'
            });
        }
    }
    return problems;
}

/**
 * Child relationship names (lower-cased) per object, from the project's lookup and master-detail
 * fields; the caller adds those the project's queries name in subqueries.
 */
function childRelationshipNames(model: ProjectModel): Map<string, Set<string>> {
    const names = new Map<string, Set<string>>();
    for (const object of model.objects.values()) {
        for (const field of object.fields.values()) {
            const [target] = field.referenceTo ?? [];
            if (target && field.relationshipName) {
                const set = names.get(target.toLowerCase()) ?? new Set();
                set.add(`${field.relationshipName}__r`.toLowerCase());
                names.set(target.toLowerCase(), set);
            }
        }
    }
    return names;
}

function knownMember(model: ProjectModel, childRelationships: Map<string, Set<string>>, access: FieldAccess): boolean {
    const objectName = access.object.name;
    return (
        findField(model, objectName, access.name) !== undefined ||
        relationshipField(model, objectName, access.name)?.referenceTo !== undefined ||
        (childRelationships.get(objectName.toLowerCase())?.has(access.name.toLowerCase()) ?? false)
    );
}

/** A leaf read of a value (a relationship step on the way to a field is checked at the field). */
function isRead(access: FieldAccess): boolean {
    return (access.mode === 'read' || access.mode === 'readwrite') && !access.intermediate;
}

/**
 * Whether the record's query returns what is read. Id always comes back. A relationship (or its
 * lookup field, or the Id of the related record) counts as returned when any field through it was
 * selected.
 */
function selected(model: ProjectModel, access: FieldAccess): boolean {
    const selection = access.origin?.selected;
    if (!selection) {
        return true;
    }
    const path = access.path.toLowerCase();
    const parts = path.split('.');
    const name = parts.at(-1) ?? '';
    const parent = parts.slice(0, -1).join('.');
    const through = (relationship: string): boolean =>
        [...selection].some((selectedPath) => selectedPath.startsWith(`${relationship}.`));
    if (selection.has(path) || through(path)) {
        return true;
    }
    if (name === 'id' && parent !== '') {
        return through(parent);
    }
    // A lookup field read when the query selected fields through its relationship (Owner.Name → OwnerId).
    const field = findField(model, access.object.name, access.name);
    if (field?.referenceTo) {
        const relationship = /__c$/i.test(name) ? name.replace(/__c$/i, '__r') : name.replace(/id$/i, '');
        return through(parent === '' ? relationship : `${parent}.${relationship}`);
    }
    return false;
}
