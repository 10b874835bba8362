import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { metadataXmlCheck } from '../../validate/check-metadata-xml.ts';
import { registryTypeBySuffix } from '../../validate/metadata-registry.ts';
import { parseMetadataFileName } from '../../validate/metadata-types.ts';
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

    it('reports a settings type of its own filed as a Settings component, with the path the CLI reads it from', async () => {
        const report = await runCheckOn('misplaced-settings', metadataXmlCheck);
        assert.deepEqual(located(report.problems), [
            'org-settings/main/default/settings/LeadConvert.settings-meta.xml:2: LeadConvertSettings is a metadata type of its own, not a Settings file: the CLI would deploy this file as Settings "LeadConvert"; move it to org-settings/main/default/LeadConvertSettings/LeadConvertSettings.LeadConvertSetting-meta.xml'
        ]);
    });

    it("expects the root element the Salesforce CLI's registry gives each file suffix", () => {
        const registry = createRequire(import.meta.url)(
            '@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json'
        ) as { suffixes: Record<string, string> };
        const known = Object.keys(registry.suffixes).filter(
            (suffix) => suffix !== 'settings' && parseMetadataFileName(`X.${suffix}-meta.xml`)?.expectedType
        );
        assert.ok(known.length > 30, `${known.length} suffixes compared`);
        for (const suffix of known) {
            assert.equal(
                parseMetadataFileName(`X.${suffix}-meta.xml`)?.expectedType,
                registryTypeBySuffix(suffix)?.name,
                suffix
            );
        }
        assert.deepEqual(parseMetadataFileName('LeadConvertSettings.LeadConvertSetting-meta.xml'), {
            name: 'LeadConvertSettings',
            suffix: 'LeadConvertSetting',
            expectedType: 'LeadConvertSettings'
        });
    });
});
