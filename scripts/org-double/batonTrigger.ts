/**
 * A stand-in for what Baton's Lead trigger does when a lead is converted, so the conversion check
 * has something to prove against the double. The double runs no Apex: this is TypeScript written
 * after force-app/main/default/classes/lifecycle (LeadTriggerHandler, LeadLifecycleService), not a
 * test of that Apex — the Apex tests cover it in an org.
 *
 * What it reproduces: the handler does nothing when Lead_Handoff_Setting.Default turns automation
 * off or the running user holds the Baton_Bypass_Automation custom permission; otherwise the lead's
 * Lifecycle_Stage__c becomes Converted and the opportunity conversion created takes the stage in
 * Converted_Opportunity_Stage__c. (The trigger also closes the lead's open SLA clocks; the
 * stand-in leaves them, as the conversion check does not read them.)
 */
import { ApiError } from './apiError.ts';
import type { SObjectRecord, Store } from './store.ts';

const BYPASS_PERMISSION = 'Baton_Bypass_Automation';

function handoffSetting(store: Store): SObjectRecord | undefined {
    return store.all('Lead_Handoff_Setting__mdt').find((row) => row.DeveloperName === 'Default');
}

/** Whether the running user holds the bypass custom permission through a permission set. */
function bypassed(store: Store): boolean {
    const permission = store.all('CustomPermission').find((row) => row.DeveloperName === BYPASS_PERMISSION);
    const grantingSets = new Set(
        store
            .all('SetupEntityAccess')
            .filter((row) => row.SetupEntityId === permission?.Id)
            .map((row) => row.ParentId)
    );
    return store
        .all('PermissionSetAssignment')
        .some((row) => row.AssigneeId === store.currentUserId && grantingSets.has(row.PermissionSetId));
}

export function applyBatonConversion(store: Store, lead: SObjectRecord, opportunityId: string | undefined): void {
    const setting = handoffSetting(store);
    if (setting?.Automation_Enabled__c !== true || bypassed(store)) {
        return;
    }
    store.markConverted(String(lead.Id), { Lifecycle_Stage__c: 'Converted' });
    const stage = setting.Converted_Opportunity_Stage__c;
    if (!opportunityId || typeof stage !== 'string' || stage === '') {
        return;
    }
    try {
        store.update('Opportunity', opportunityId, { StageName: stage });
    } catch (error) {
        // The handler logs and swallows its own failures so conversion never fails because of Baton.
        if (!(error instanceof ApiError)) throw error;
    }
}
