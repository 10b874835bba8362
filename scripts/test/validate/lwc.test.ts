import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lwcCheck } from '../../validate/check-lwc.ts';
import { located, runCheckOn } from './fixtures.ts';

const LWC = 'force-app/main/default/lwc';

describe('check 5: Lightning web components', () => {
    it('reports template errors and imports or tags naming what does not exist', async () => {
        const report = await runCheckOn('lwc-template-error', lwcCheck);
        assert.deepEqual(located(report.problems), [
            `${LWC}/leadCard/leadCard.html:3: unknown component <c-sla-badge>: no lwc/slaBadge bundle`,
            `${LWC}/leadCard/leadCard.html:4: unknown base component <lightning-buton>`,
            `${LWC}/leadCard/leadCard.js:2: unknown module c/slaClok: no lwc/slaClok bundle`,
            `${LWC}/leadCard/leadCard.js:3: unknown Apex class LeadQueueController (imported as @salesforce/apex/LeadQueueController.getQueue)`,
            `${LWC}/leadCard/leadCard.js:4: unknown field Lead.Fit_Scor__c`,
            `${LWC}/leadCard/leadCard.js:5: LeadCardController has no @AuraEnabled method getCard`,
            `${LWC}/leadQueue/leadQueue.html:3: LWC1166: 'if:true' directive cannot be used with 'lwc:if', 'lwc:elseif', or 'lwc:else directives on the same element.`
        ]);
    });

    it('compiles a bundle of only a style sheet (a CSS module) and checks what imports it', async () => {
        const report = await runCheckOn('lwc-css-module', lwcCheck);
        assert.deepEqual(located(report.problems), [
            `${LWC}/teamCard/teamCard.css:1: unknown module c/panelStyle: no lwc/panelStyle bundle`
        ]);
        assert.equal(report.summary, '3 bundles compiled');
    });

    it('compiles the clean bundle and resolves its Apex method, schema field and message channel', async () => {
        const report = await runCheckOn('clean', lwcCheck);
        assert.deepEqual(report.problems, []);
        assert.equal(report.summary, '1 bundle compiled');
    });
});
