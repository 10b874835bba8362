import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metadataXmlCheck } from '../../validate/check-metadata-xml.ts';
import { located, runCheckOn } from './fixtures.ts';

const FIELDS = 'force-app/main/default/objects/Lead/fields';

describe('check 1: metadata XML', () => {
    it('reports misspelled elements at any depth, malformed XML, a wrong root, a missing meta file and a static resource without content', async () => {
        const report = await runCheckOn('misspelled-element', metadataXmlCheck);
        assert.equal(report.passed, false);
        assert.deepEqual(located(report.problems), [
            'force-app/main/default/classes/Orphan.cls:-: has no Orphan.cls-meta.xml; the deploy needs one (apiVersion, status)',
            `${FIELDS}/Fit_Score__c.field-meta.xml:6: malformed XML: Expected closing tag 'type' (opened in line 6, col 5) instead of closing tag 'scale'.`,
            `${FIELDS}/Timeline__c.field-meta.xml:4: <lable> is not an element of CustomField (did you mean <label>?)`,
            `${FIELDS}/Timeline__c.field-meta.xml:11: <defualt> is not an element of CustomValue (did you mean <default>?)`,
            'force-app/main/default/staticresources/BatonCriteriaVectors.resource-meta.xml:-: static resource without content: add BatonCriteriaVectors.<extension> or a folder of that name',
            'force-app/main/default/tabs/Lead_Queue.tab-meta.xml:2: root element <CustomObject> should be <CustomTab> for a .tab-meta.xml file'
        ]);
    });

    it('knows External Credentials and principal access in permission sets, newer than the WSDL jsforce ships', async () => {
        const report = await runCheckOn('external-credential', metadataXmlCheck);
        assert.deepEqual(located(report.problems), [
            'force-app/main/default/externalCredentials/Chat.externalCredential-meta.xml:11: <parameterNmae> is not an element of ExternalCredentialParameter (did you mean <parameterName>?)'
        ]);
    });

    it('accepts every metadata file of the clean project, including FlexiPage item instances and LWC targetConfigs', async () => {
        const report = await runCheckOn('clean', metadataXmlCheck);
        assert.deepEqual(report.problems, []);
        assert.equal(report.summary, '28 metadata files');
    });
});
