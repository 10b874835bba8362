/**
 * The queue on Baton_Lead_Change__c. Messages it publishes carry `leadQueue:<instance>` as their source:
 * other components recognise the queue by the prefix, and each queue (a tab and the utility bar can both
 * hold one) ignores only its own messages.
 */
import { APPLICATION_SCOPE, publish, subscribe } from 'lightning/messageService';
import type { MessageContextValue, Subscription } from 'lightning/messageService';
import BATON_LEAD_CHANGE from '@salesforce/messageChannel/Baton_Lead_Change__c';

export const MESSAGE_SOURCE = 'leadQueue';

interface LeadChangeMessage {
    leadIds?: string[];
    action?: string;
    source?: string;
}

export function newMessageSource(): string {
    return `${MESSAGE_SOURCE}:${Math.random().toString(36).slice(2, 10)}`;
}

/** Calls `onChange` when another component (or another queue) reports changed leads. */
export function listenForLeadChanges(
    context: MessageContextValue,
    ownSource: string,
    onChange: () => void
): Subscription {
    return subscribe<LeadChangeMessage>(
        context,
        BATON_LEAD_CHANGE,
        (message) => {
            if (message?.source !== ownSource) {
                onChange();
            }
        },
        { scope: APPLICATION_SCOPE }
    );
}

export function publishLeadChange(
    context: MessageContextValue,
    source: string,
    action: string,
    leadIds: string[]
): void {
    publish(context, BATON_LEAD_CHANGE, { leadIds, action, source });
}
