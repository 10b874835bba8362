import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFieldXml } from '../lib/projectMetadata.ts';

const field = (body: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}\n</CustomField>\n`;

describe('parseFieldXml (the org double reads project fields through the gate)', () => {
    it('describes a restricted picklist with its values and default', () => {
        const definition = parseFieldXml(
            field(`<fullName>Stage__c</fullName><label>Stage</label><type>Picklist</type>
<valueSet><restricted>true</restricted><valueSetDefinition>
<value><fullName>Open</fullName><default>false</default><label>Open</label></value>
<value><fullName>Done</fullName><default>true</default><label>Done</label></value>
</valueSetDefinition></valueSet>`),
            'Stage__c.field-meta.xml'
        );
        assert.deepEqual(definition, {
            name: 'Stage__c',
            label: 'Stage',
            type: 'picklist',
            required: false,
            externalId: false,
            unique: false,
            readOnly: false,
            picklistValues: ['Open', 'Done'],
            restrictedPicklist: true,
            defaultValue: 'Done'
        });
    });

    it('describes numbers, lookups and formulas in describe terms', () => {
        const score = parseFieldXml(
            field('<fullName>Score__c</fullName><type>Number</type><precision>6</precision><scale>0</scale>'),
            'Score__c.field-meta.xml'
        );
        assert.equal(score.type, 'double');
        assert.equal(score.precision, 6);
        const lookup = parseFieldXml(
            field('<fullName>Lead__c</fullName><type>Lookup</type><referenceTo>Lead</referenceTo>'),
            'Lead__c.field-meta.xml'
        );
        assert.deepEqual(
            [lookup.type, lookup.referenceTo, lookup.relationshipName],
            ['reference', ['Lead'], 'Lead__r']
        );
        const formula = parseFieldXml(
            field('<fullName>Age__c</fullName><type>Number</type><formula>1</formula>'),
            'Age__c.field-meta.xml'
        );
        assert.equal(formula.readOnly, true);
    });

    it('names the file and line of malformed XML and an unsupported type', () => {
        assert.throws(
            () => parseFieldXml(field('<fullName>X__c</fullName>\n<type>Text</typ>'), 'X__c.field-meta.xml'),
            /^Error: X__c\.field-meta\.xml:4: /
        );
        assert.throws(
            () => parseFieldXml(field('<fullName>X__c</fullName><type>Hologram</type>'), 'X__c.field-meta.xml'),
            /unsupported field type Hologram/
        );
    });
});
