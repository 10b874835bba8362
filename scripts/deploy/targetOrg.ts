/**
 * Which org the deploy goes to, and the Apex test level that follows from its kind. The Metadata API
 * requires tests in production (RunLocalTests at least, 75 % coverage); sandboxes and scratch orgs
 * default to NoTestRun ("Running Tests in a Deployment", Metadata API Developer Guide). Scratch-org
 * CI runs every test separately, with coverage, after the deploy.
 */
import { ScriptError } from '../lib/errors.ts';
import { isProduction, ORGANIZATION_QUERY, type OrganizationInfo } from '../lib/orgChecks.ts';
import { query, succeed, type OrgCalls } from './orgCalls.ts';

export const TEST_LEVELS = ['NoTestRun', 'RunLocalTests', 'RunAllTestsInOrg'] as const;
export type TestLevel = (typeof TEST_LEVELS)[number];

export interface TargetOrg {
    username: string;
    organization: OrganizationInfo;
    kind: 'production' | 'sandbox' | 'scratch or trial';
}

export async function readTargetOrg(org: OrgCalls): Promise<TargetOrg> {
    const { username } = await succeed<{ username: string }>(
        org,
        ['org', 'display'],
        `Reading the login of ${org.targetOrg}`
    );
    const [organization] = await query<OrganizationInfo>(
        org,
        ORGANIZATION_QUERY,
        `Reading the Organization of ${org.targetOrg}`
    );
    if (!organization) {
        throw new ScriptError(`${org.targetOrg} returned no Organization record.`);
    }
    const kind = isProduction(organization) ? 'production' : organization.IsSandbox ? 'sandbox' : 'scratch or trial';
    return { username, organization, kind };
}

/** The test level for this org: RunLocalTests in production, NoTestRun elsewhere, unless one was asked for. */
export function chooseTestLevel(
    target: TargetOrg,
    requested: TestLevel | undefined
): { level: TestLevel; why: string } {
    if (target.kind === 'production') {
        if (requested === 'NoTestRun') {
            throw new ScriptError(
                `${target.organization.Name} is a production org: a deploy with Apex must run tests there.`,
                'Leave out --test-level (RunLocalTests), or use --test-level RunAllTestsInOrg.'
            );
        }
        return { level: requested ?? 'RunLocalTests', why: requested ? 'asked for' : 'production requires tests' };
    }
    return { level: requested ?? 'NoTestRun', why: requested ? 'asked for' : `${target.kind} org` };
}
