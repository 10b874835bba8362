/**
 * Checks run before a script writes to an org: not production (unless allowed), Baton's
 * metadata deployed and visible, the object permissions the script needs, and the bypass
 * custom permission for history loads.
 */
import type { DescribeSObjectResult } from '@jsforce/jsforce-node';
import type { OrgConnection } from './connection.ts';
import { explainError, ScriptError } from './errors.ts';

export interface OrganizationInfo {
    Id: string;
    Name: string;
    IsSandbox: boolean;
    OrganizationType: string;
    TrialExpirationDate: string | null;
}

export const ORGANIZATION_QUERY = 'SELECT Id, Name, IsSandbox, OrganizationType, TrialExpirationDate FROM Organization';

/** A production org: not a sandbox and not a scratch/trial org (those carry an expiration date). */
export function isProduction(organization: OrganizationInfo): boolean {
    return !organization.IsSandbox && !organization.TrialExpirationDate;
}

export function checkNotProduction(organization: OrganizationInfo, allowProduction: boolean, orgLabel: string): void {
    if (isProduction(organization) && !allowProduction) {
        throw new ScriptError(
            `${orgLabel} is a production org (${organization.OrganizationType}, not a sandbox or scratch org); refusing to write to it.`,
            'Use a sandbox or scratch org. If you really mean this org (a Developer Edition, say), add --allow-production.'
        );
    }
}

export interface MetadataRequirement {
    object: string;
    fields: string[];
    /** Operations the script performs on the object. */
    access: ('create' | 'update' | 'delete')[];
}

const DEPLOY_HINT =
    'Deploy Baton first: npm run deploy -- --target-org <org> (it also gives you Baton_Admin). By hand, in two steps: ' +
    'npx sf project deploy start --source-dir force-app --target-org <org>, then the same with --source-dir org-settings ' +
    '(see docs/admin.md), then npx sf org assign permset --name Baton_Admin --target-org <org>.';

/**
 * Fails with every missing object and field (undeployed, or hidden from this user by
 * field-level security) and every missing object permission, in one message.
 */
export function checkMetadata(
    requirements: MetadataRequirement[],
    describes: Map<string, DescribeSObjectResult | undefined>,
    orgLabel: string
): void {
    const missing: string[] = [];
    const denied: string[] = [];
    for (const requirement of requirements) {
        const describe = describes.get(requirement.object);
        if (!describe) {
            missing.push(`object ${requirement.object}`);
            continue;
        }
        const names = new Set(describe.fields.map((field) => field.name.toLowerCase()));
        for (const field of requirement.fields) {
            if (!names.has(field.toLowerCase())) {
                missing.push(`field ${requirement.object}.${field}`);
            }
        }
        const flags = { create: describe.createable, update: describe.updateable, delete: describe.deletable };
        for (const operation of requirement.access) {
            if (!flags[operation]) {
                denied.push(`${operation} ${requirement.object}`);
            }
        }
    }
    if (missing.length > 0) {
        throw new ScriptError(
            `Baton metadata is missing in ${orgLabel} (or not visible to you): ${missing.join(', ')}.`,
            DEPLOY_HINT
        );
    }
    if (denied.length > 0) {
        // Campaigns also need the Marketing User checkbox on the user record (Salesforce Help, "Campaign Permissions").
        const campaigns = denied.some((item) => item.endsWith(' Campaign'))
            ? ' For campaigns, also tick Marketing User on your user record (Setup → Users → your user → Edit).'
            : '';
        throw new ScriptError(
            `Your user in ${orgLabel} lacks permission to ${denied.join(', ')}.`,
            `Assign Baton_Admin (npx sf org assign permset --name Baton_Admin --target-org <org>) or use a user with these object permissions.${campaigns}`
        );
    }
}

export const BYPASS_PERMISSION = 'Baton_Bypass_Automation';

/** Whether `userId` holds the Baton_Bypass_Automation custom permission through a permission set (one query). */
export async function holdsBypassPermission(org: OrgConnection, userId: string): Promise<boolean> {
    const held = await org.conn.query(
        `SELECT Id FROM SetupEntityAccess WHERE SetupEntityId IN (SELECT Id FROM CustomPermission WHERE DeveloperName = '${BYPASS_PERMISSION}') ` +
            `AND ParentId IN (SELECT PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId = '${userId}')`
    );
    return held.totalSize > 0;
}

/** Fails unless the running user holds the Baton_Bypass_Automation custom permission. */
export async function checkBypassPermission(org: OrgConnection, userId: string): Promise<void> {
    const permission = BYPASS_PERMISSION;
    try {
        if (await holdsBypassPermission(org, userId)) {
            return;
        }
        const carriers = await org.conn.query<{ Parent: { Name: string } | null }>(
            `SELECT Parent.Name FROM SetupEntityAccess WHERE SetupEntityId IN (SELECT Id FROM CustomPermission WHERE DeveloperName = '${permission}')`
        );
        const names = carriers.records
            .map((record) => record.Parent?.Name)
            .filter((name): name is string => Boolean(name));
        throw new ScriptError(
            `Writing lead history needs the ${permission} custom permission, so Baton's automation does not recompute the backdated stages; your user in ${org.label} does not have it.`,
            `Assign a permission set that grants it (${names.length > 0 ? names.join(', ') : 'Baton_Bypass_Automation'}): npx sf org assign permset --name ${names[0] ?? 'Baton_Bypass_Automation'} --target-org <org>`
        );
    } catch (error) {
        throw explainError(error, org.label, org.reauthenticate);
    }
}
