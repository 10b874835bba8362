import type { FunnelStage } from '@salesforce/apex/LeadFunnelController.getFunnel';

/**
 * The list view a stage opens (shipped in objects/Lead/listViews and objects/Opportunity/listViews): leads
 * now at that stage, or the opportunities created from handoffs. Converted leads never appear in Lead list
 * views, so the last two steps open opportunities.
 */
export const STAGE_LIST_VIEWS: Record<FunnelStage, { objectApiName: string; filterName: string; text: string }> = {
    MQL: { objectApiName: 'Lead', filterName: 'Baton_MQL_Leads', text: 'leads now at MQL' },
    SAL: { objectApiName: 'Lead', filterName: 'Baton_SAL_Leads', text: 'leads now at SAL' },
    SQL: { objectApiName: 'Lead', filterName: 'Baton_SQL_Leads', text: 'leads now at SQL' },
    Opportunity: {
        objectApiName: 'Opportunity',
        filterName: 'Baton_Handoff_Opportunities',
        text: 'opportunities created from handoffs'
    },
    Won: {
        objectApiName: 'Opportunity',
        filterName: 'Baton_Won_Handoff_Opportunities',
        text: 'won opportunities created from handoffs'
    }
};

/** The page reference of a stage's list view, for NavigationMixin. */
export function listPage(stage: FunnelStage) {
    const { objectApiName, filterName } = STAGE_LIST_VIEWS[stage];
    return { type: 'standard__objectPage', attributes: { objectApiName, actionName: 'list' }, state: { filterName } };
}
