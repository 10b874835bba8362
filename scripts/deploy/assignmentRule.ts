/**
 * The org's active lead assignment rule against Baton's routing. Salesforce runs assignment rules
 * after the after triggers (Apex Developer Guide, "Triggers and Order of Execution"), so for saves
 * that run the rule (web-to-lead, imports, the API's assignment rule header, the "Assign using
 * active assignment rule" checkbox) the rule decides the MQL's owner, not Baton's SDR queue. The
 * admin routes MQLs in the rule instead: its first entry, criteria Lifecycle Stage equals MQL,
 * assigned to the SDR queue (docs/admin.md, "Routing: Baton's SDR queue and assignment rules").
 *
 * AssignmentRule is queryable (Name, Active, SobjectType) but its entries are not; they come from
 * the Metadata API: `AssignmentRules:Lead` is one file, `assignmentRules/Lead.assignmentRules-meta.xml`,
 * whose `assignmentRule` elements each hold `fullName`, `active` and ordered `ruleEntry` elements
 * (`criteriaItems` with `field`, `operation`, `value` — several values comma-separated —, or a
 * `formula`; `booleanFilter`; `assignedTo`, `assignedToType`).
 */
import { readFile } from 'node:fs/promises';
import { ScriptError } from '../lib/errors.ts';
import { childrenNamed, childText, parseXml, type XmlElement } from '../validate/xml.ts';
import type { HandoffSetup, SetupCheck } from './handoffSetup.ts';
import { query, succeed, type OrgCalls } from './orgCalls.ts';

export const ASSIGNMENT_RULES_DOC = 'docs/admin.md#routing-batons-sdr-queue-and-assignment-rules';
const STAGE_FIELD = 'Lead.Lifecycle_Stage__c';

interface RetrievedFile {
    type: string;
    fullName: string;
    filePath?: string;
}

/**
 * Checks the active lead rule's entries; `retrieveDir` gives a folder inside the project to retrieve
 * them into (the CLI retrieves nowhere else), asked for only when the org has an active rule.
 */
export async function checkAssignmentRule(
    org: OrgCalls,
    setup: HandoffSetup,
    retrieveDir: () => Promise<string>
): Promise<SetupCheck> {
    const [active] = await query<{ Name: string }>(
        org,
        "SELECT Name FROM AssignmentRule WHERE SobjectType = 'Lead' AND Active = true",
        "Reading the org's active lead assignment rule"
    );
    if (!active) {
        return {
            state: 'done',
            detail: setup.sdrQueue
                ? `no active lead assignment rule: new MQLs go to ${setup.sdrQueue}`
                : 'no active lead assignment rule; no SDR queue: new MQLs keep their owner'
        };
    }
    const rule = await retrieveActiveRule(org, active.Name, await retrieveDir());
    const entries = childrenNamed(rule, 'ruleEntry');
    const position = entries.findIndex((entry) => routesMqls(entry, setup.sdrQueue));
    const wanted = `Lifecycle Stage equals MQL → queue ${setup.sdrQueue ?? '<your SDR queue>'}`;
    if (position === 0) {
        return {
            state: 'done',
            detail: `active rule "${active.Name}": its first entry gives MQLs to ${childText(entries[0] as XmlElement, 'assignedTo') ?? ''}`
        };
    }
    const found = position > 0 ? `it is entry ${String(position + 1)}: move it to the top` : 'add it at the top';
    return {
        state: 'to do',
        detail: `active rule "${active.Name}" decides the owner of leads saved with it (web-to-lead, imports, API with the header); its first entry must be "${wanted}": ${found} (Setup → Lead Assignment Rules; ${ASSIGNMENT_RULES_DOC})`
    };
}

async function retrieveActiveRule(org: OrgCalls, name: string, outputDir: string): Promise<XmlElement> {
    const retrieved = await succeed<{ files?: RetrievedFile[] }>(
        org,
        ['project', 'retrieve', 'start', '--metadata', 'AssignmentRules:Lead', '--output-dir', outputDir],
        "Retrieving the org's lead assignment rules"
    );
    const file = (retrieved.files ?? []).find(
        ({ type, fullName }) => type === 'AssignmentRules' && fullName === 'Lead'
    );
    if (!file?.filePath) {
        throw new ScriptError(`The org returned no AssignmentRules:Lead although its rule "${name}" is active.`);
    }
    const parsed = parseXml(await readFile(file.filePath, 'utf8'));
    if ('error' in parsed) {
        throw new ScriptError(`${file.filePath}:${String(parsed.error.line)}: ${parsed.error.message}`);
    }
    const rule = childrenNamed(parsed.root, 'assignmentRule').find(
        (candidate) => childText(candidate, 'active') === 'true'
    );
    if (!rule) {
        throw new ScriptError(`${file.filePath} has no active rule although the org says "${name}" is active.`);
    }
    return rule;
}

/**
 * Whether an entry gives every MQL (and nothing but stage conditions) to the SDR queue: one criterion,
 * Lifecycle Stage equals a list holding MQL, no formula, assigned to the queue (any queue when no SDR
 * queue is set). Queue API names compare ignoring case, as Baton looks queues up.
 */
function routesMqls(entry: XmlElement, sdrQueue: string | undefined): boolean {
    const criteria = childrenNamed(entry, 'criteriaItems');
    const [criterion] = criteria;
    if (criteria.length !== 1 || !criterion || childText(entry, 'formula')) {
        return false;
    }
    const values = (childText(criterion, 'value') ?? '').split(',').map((value) => value.trim());
    const assignedTo = childText(entry, 'assignedTo') ?? '';
    return (
        childText(criterion, 'field') === STAGE_FIELD &&
        childText(criterion, 'operation') === 'equals' &&
        values.includes('MQL') &&
        childText(entry, 'assignedToType') === 'Queue' &&
        (sdrQueue === undefined || assignedTo.toLowerCase() === sdrQueue.toLowerCase())
    );
}
