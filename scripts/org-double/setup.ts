/**
 * The setup data an org double starts with: the organization, the running user and any colleagues
 * asked for, the standard lead statuses and opportunity stages, the project's custom permissions and
 * permission sets (assigned to the running user and the colleagues on request) and the project's
 * custom metadata records.
 */
import { readCustomMetadataRecords, readProjectPermissions } from '../lib/projectMetadata.ts';
import type { Store } from './store.ts';
import { coerceValue } from './values.ts';

export interface OrgProfile {
    isSandbox: boolean;
    /** A scratch org: not a sandbox, with a trial expiration date. */
    scratch: boolean;
    /** Permission sets (by name) assigned to the running user. */
    assignedPermissionSets: string[];
    /** Other active users of the org (reps, managers), with the permission sets (by name) they hold. */
    colleagues: readonly Colleague[];
}

export interface Colleague {
    firstName: string;
    lastName: string;
    permissionSets: string[];
}

/** Three SDRs (Baton_SDR) for the demo and `npm run double`: the reps a seeded round-robin queue takes turns among. */
export const SAMPLE_SDRS: readonly Colleague[] = [
    { firstName: 'Ann', lastName: 'Rivera', permissionSets: ['Baton_SDR'] },
    { firstName: 'Bo', lastName: 'Chen', permissionSets: ['Baton_SDR'] },
    { firstName: 'Cy', lastName: 'Okafor', permissionSets: ['Baton_SDR'] }
];

const LEAD_STATUSES = [
    { ApiName: 'Open - Not Contacted', IsDefault: true, IsConverted: false },
    { ApiName: 'Working - Contacted', IsDefault: false, IsConverted: false },
    { ApiName: 'Closed - Converted', IsDefault: false, IsConverted: true },
    { ApiName: 'Closed - Not Converted', IsDefault: false, IsConverted: false }
];

const STAGES = [
    ['Prospecting', false, false],
    ['Qualification', false, false],
    ['Needs Analysis', false, false],
    ['Value Proposition', false, false],
    ['Id. Decision Makers', false, false],
    ['Perception Analysis', false, false],
    ['Proposal/Price Quote', false, false],
    ['Negotiation/Review', false, false],
    ['Closed Won', true, true],
    ['Closed Lost', true, false]
] as const;

export async function addSetupData(store: Store, profile: OrgProfile, projectDir: string, now: Date): Promise<string> {
    const organization = store.addSystemRecord('Organization', {
        Name: 'Baton Org Double',
        IsSandbox: profile.isSandbox,
        OrganizationType: 'Developer Edition',
        TrialExpirationDate: profile.scratch
            ? new Date(now.getTime() + 30 * 86_400_000).toISOString().replace('Z', '+0000')
            : null,
        InstanceName: 'LOCAL',
        NamespacePrefix: null
    });
    store.addSystemRecord('User', {
        Id: store.currentUserId,
        FirstName: 'Casey',
        LastName: 'Consultant',
        Name: 'Casey Consultant',
        Alias: 'ccons',
        Email: 'casey.consultant@example.com',
        Username: 'casey.consultant@baton.double',
        IsActive: true
    });
    LEAD_STATUSES.forEach((status, index) => {
        store.addSystemRecord('LeadStatus', { ...status, MasterLabel: status.ApiName, SortOrder: index + 1 });
    });
    STAGES.forEach(([name, closed, won], index) => {
        store.addSystemRecord('OpportunityStage', {
            MasterLabel: name,
            ApiName: name,
            IsActive: true,
            IsClosed: closed,
            IsWon: won,
            SortOrder: index + 1
        });
    });
    const assignees = new Map<string, string[]>([[store.currentUserId, profile.assignedPermissionSets]]);
    for (const colleague of profile.colleagues) {
        const user = store.addSystemRecord('User', {
            FirstName: colleague.firstName,
            LastName: colleague.lastName,
            Name: `${colleague.firstName} ${colleague.lastName}`,
            Alias: `${colleague.firstName.slice(0, 1)}${colleague.lastName.slice(0, 4)}`.toLowerCase(),
            Email: `${colleague.firstName}.${colleague.lastName}@example.com`.toLowerCase(),
            Username: `${colleague.firstName}.${colleague.lastName}@baton.double`.toLowerCase(),
            IsActive: true
        });
        assignees.set(String(user.Id), colleague.permissionSets);
    }
    const permissions = await readProjectPermissions(projectDir);
    const permissionIds = new Map<string, string>();
    for (const name of permissions.customPermissions) {
        permissionIds.set(
            name,
            String(store.addSystemRecord('CustomPermission', { DeveloperName: name, MasterLabel: name }).Id)
        );
    }
    for (const permissionSet of permissions.permissionSets) {
        const permissionSetId = String(store.addSystemRecord('PermissionSet', { Name: permissionSet.name }).Id);
        for (const name of permissionSet.customPermissions) {
            const entityId = permissionIds.get(name);
            if (entityId) {
                store.addSystemRecord('SetupEntityAccess', {
                    ParentId: permissionSetId,
                    SetupEntityId: entityId,
                    SetupEntityType: 'CustomPermission'
                });
            }
        }
        for (const [assigneeId, names] of assignees) {
            if (names.includes(permissionSet.name)) {
                store.addSystemRecord('PermissionSetAssignment', {
                    AssigneeId: assigneeId,
                    PermissionSetId: permissionSetId
                });
            }
        }
    }
    for (const record of await readCustomMetadataRecords(projectDir)) {
        if (store.schema.has(record.type.toLowerCase())) {
            const object = store.object(record.type);
            const values = Object.entries(record.values).map(([name, value]): [string, unknown] => {
                const field = object.fields.get(name.toLowerCase());
                return [field?.name ?? name, field ? coerceValue(field, value) : value];
            });
            store.addSystemRecord(record.type, {
                DeveloperName: record.developerName,
                MasterLabel: record.label,
                ...Object.fromEntries(values)
            });
        }
    }
    return String(organization.Id);
}
