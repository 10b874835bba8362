/**
 * Permission set assignments: who gets which Baton permission set. The deploying user always gets
 * Baton_Admin (the scheduled jobs run as the user who schedules them, and the funnel rollup must see
 * every lead); `--admin`, `--sdr`, `--manager` and `--chat-poster` name other users. Assignments that exist are left
 * alone, so a second run assigns nothing (`sf org assign permset` fails on a duplicate).
 */
import { ScriptError } from '../lib/errors.ts';
import { query, soqlString, type OrgCalls } from './orgCalls.ts';

export const PERMISSION_SETS = {
    admin: 'Baton_Admin',
    sdr: 'Baton_SDR',
    manager: 'Baton_Manager',
    chatPoster: 'Baton_Chat_Poster'
} as const;

/** Usernames named with --admin, --sdr, --manager and --chat-poster. */
export interface DeployUsers {
    admin: string[];
    sdr: string[];
    manager: string[];
    chatPoster: string[];
}

export interface Assignment {
    permissionSet: string;
    username: string;
    /** Whether it existed before this run. */
    existed: boolean;
}

/** Usernames per permission set, the deploying user first as an admin; duplicates dropped. */
export function wantedAssignments(
    deployingUser: string,
    users: DeployUsers
): { permissionSet: string; username: string }[] {
    const wanted = [
        ...[deployingUser, ...users.admin].map((username) => ({ permissionSet: PERMISSION_SETS.admin, username })),
        ...users.sdr.map((username) => ({ permissionSet: PERMISSION_SETS.sdr, username })),
        ...users.manager.map((username) => ({ permissionSet: PERMISSION_SETS.manager, username })),
        ...users.chatPoster.map((username) => ({ permissionSet: PERMISSION_SETS.chatPoster, username }))
    ];
    const seen = new Set<string>();
    return wanted.filter(({ permissionSet, username }) => {
        const key = `${permissionSet}|${username.toLowerCase()}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}

/** Fails before any change when a named user does not exist or is inactive. */
export async function checkUsers(org: OrgCalls, usernames: string[]): Promise<void> {
    const unique = [...new Set(usernames.map((username) => username.toLowerCase()))];
    const users = await query<{ Username: string; IsActive: boolean }>(
        org,
        `SELECT Username, IsActive FROM User WHERE Username IN (${unique.map(soqlString).join(', ')})`,
        'Looking up the users to give permission sets'
    );
    const active = new Set(users.filter(({ IsActive }) => IsActive).map(({ Username }) => Username.toLowerCase()));
    const missing = unique.filter((username) => !active.has(username));
    if (missing.length > 0) {
        throw new ScriptError(
            `No active user with username ${missing.join(', ')} in ${org.targetOrg}; nothing was deployed.`,
            'Give the exact usernames (Setup → Users), not names or emails.'
        );
    }
}

/** Which of the wanted assignments already exist. */
export async function existingAssignments(
    org: OrgCalls,
    wanted: { permissionSet: string; username: string }[]
): Promise<Assignment[]> {
    if (wanted.length === 0) {
        return []; // `IN ()` is not SOQL
    }
    const permissionSets = [...new Set(wanted.map(({ permissionSet }) => permissionSet))];
    const usernames = [...new Set(wanted.map(({ username }) => username.toLowerCase()))];
    const rows = await query<{ Assignee: { Username: string }; PermissionSet: { Name: string } }>(
        org,
        'SELECT Assignee.Username, PermissionSet.Name FROM PermissionSetAssignment ' +
            `WHERE PermissionSet.Name IN (${permissionSets.map(soqlString).join(', ')}) ` +
            `AND Assignee.Username IN (${usernames.map(soqlString).join(', ')})`,
        'Reading existing permission set assignments'
    );
    const existing = new Set(
        rows.map(({ Assignee, PermissionSet }) => `${PermissionSet.Name}|${Assignee.Username.toLowerCase()}`)
    );
    return wanted.map((assignment) => ({
        ...assignment,
        existed: existing.has(`${assignment.permissionSet}|${assignment.username.toLowerCase()}`)
    }));
}

/** Assigns the missing ones, one `sf org assign permset` per permission set. */
export async function assignMissing(org: OrgCalls, assignments: Assignment[]): Promise<void> {
    const missing = new Map<string, string[]>();
    for (const { permissionSet, username, existed } of assignments) {
        if (!existed) missing.set(permissionSet, [...(missing.get(permissionSet) ?? []), username]);
    }
    for (const [permissionSet, usernames] of missing) {
        const result = await org.sf([
            'org',
            'assign',
            'permset',
            '--name',
            permissionSet,
            ...usernames.flatMap((username) => ['--on-behalf-of', username]),
            '--target-org',
            org.targetOrg
        ]);
        const failures = (result.result as { failures?: { name: string; message: string }[] } | undefined)?.failures;
        if (result.status !== 0 || (failures?.length ?? 0) > 0) {
            const reasons = failures?.map(({ name, message }) => `${name}: ${message}`).join('; ');
            throw new ScriptError(
                `Assigning ${permissionSet} failed${reasons ? `: ${reasons}` : `: ${result.message ?? 'no reason given'}`}.`,
                'The deploy itself succeeded; assign the permission set in Setup → Permission Sets, or fix the cause and run the same command again.'
            );
        }
    }
}
