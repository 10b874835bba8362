import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mappingIncompatibility } from '../../validate/lead-field-mapping.ts';
import type { FieldInfo } from '../../validate/project-model.ts';

const field = (type: string, extra: Partial<FieldInfo> = {}): FieldInfo => ({ name: 'X__c', type, ...extra });

describe('Lead field mapping rules', () => {
    it('maps same-type-only fields only to the same type', () => {
        assert.equal(mappingIncompatibility(field('Checkbox'), field('Checkbox')), undefined);
        assert.match(
            mappingIncompatibility(field('Checkbox'), field('Text', { length: 5 })) ?? '',
            /only to a Checkbox/
        );
        assert.match(
            mappingIncompatibility(field('Number', { precision: 5 }), field('Text', { length: 255 })) ?? '',
            /only to a Number/
        );
        assert.match(mappingIncompatibility(field('DateTime'), field('Date')) ?? '', /only to a DateTime/);
    });

    it('maps text to text, text area, long text and unrestricted picklists', () => {
        assert.equal(
            mappingIncompatibility(field('Text', { length: 80 }), field('LongTextArea', { length: 32768 })),
            undefined
        );
        assert.equal(mappingIncompatibility(field('Text', { length: 80 }), field('Picklist')), undefined);
        assert.match(
            mappingIncompatibility(field('Text', { length: 80 }), field('Picklist', { restrictedPicklist: true })) ??
                '',
            /unrestricted/
        );
        assert.match(mappingIncompatibility(field('Text', { length: 80 }), field('Number')) ?? '', /maps only to Text/);
    });

    it('maps picklists to text or unrestricted picklists but not long text', () => {
        assert.equal(mappingIncompatibility(field('Picklist'), field('Picklist')), undefined);
        assert.match(
            mappingIncompatibility(
                field('Picklist', { picklistValues: ['X'] }),
                field('Picklist', { restrictedPicklist: true, picklistValues: ['X', 'Y'] })
            ) ?? '',
            /must be unrestricted/
        );
        assert.equal(mappingIncompatibility(field('Picklist'), field('Text', { length: 255 })), undefined);
        assert.match(
            mappingIncompatibility(field('Picklist'), field('LongTextArea', { length: 32768 })) ?? '',
            /maps only to/
        );
    });

    it('requires a target at least as large as the source', () => {
        assert.match(
            mappingIncompatibility(field('Text', { length: 255 }), field('Text', { length: 80 })) ?? '',
            /80 characters/
        );
        assert.match(
            mappingIncompatibility(
                field('Number', { precision: 18, scale: 2 }),
                field('Number', { precision: 18, scale: 0 })
            ) ?? '',
            /smaller than the source/
        );
        assert.equal(
            mappingIncompatibility(
                field('Number', { precision: 5, scale: 0 }),
                field('Number', { precision: 8, scale: 2 })
            ),
            undefined
        );
        assert.match(
            mappingIncompatibility(
                field('Number', { precision: 6, scale: 0 }),
                field('Number', { precision: 3, scale: 0 })
            ) ?? '',
            /\(3, 0\), smaller than the source \(6, 0\)/
        );
        assert.equal(mappingIncompatibility(field('Text', { length: 40 }), field('Text', { length: 80 })), undefined);
        assert.match(
            mappingIncompatibility(field('TextArea'), field('Text', { length: 80 })) ?? '',
            /holds 80 characters, the source up to 255/
        );
    });

    it('requires a restricted multi-select target to accept every source value', () => {
        const source = field('MultiselectPicklist', { picklistValues: ['X', 'Y', 'Z'] });
        assert.match(
            mappingIncompatibility(
                source,
                field('MultiselectPicklist', { restrictedPicklist: true, picklistValues: ['X'] })
            ) ?? '',
            /lacks Y, Z/
        );
        assert.equal(
            mappingIncompatibility(
                source,
                field('MultiselectPicklist', { restrictedPicklist: true, picklistValues: ['Z', 'Y', 'X'] })
            ),
            undefined
        );
        assert.equal(
            mappingIncompatibility(source, field('MultiselectPicklist', { picklistValues: ['X'] })),
            undefined
        );
    });

    it('maps lookups only to lookups to the same object, and never onto formulas', () => {
        const toAccount = field('Lookup', { referenceTo: ['Account'] });
        assert.equal(mappingIncompatibility(toAccount, field('Lookup', { referenceTo: ['Account'] })), undefined);
        assert.match(
            mappingIncompatibility(toAccount, field('Lookup', { referenceTo: ['User'] })) ?? '',
            /same object/
        );
        assert.match(mappingIncompatibility(field('Checkbox'), field('Checkbox', { formula: true })) ?? '', /formula/);
    });

    it('never maps onto auto-number or roll-up summary fields', () => {
        assert.match(
            mappingIncompatibility(field('Text', { length: 30 }), field('AutoNumber')) ?? '',
            /auto-number field \(read-only\)/
        );
        assert.match(
            mappingIncompatibility(field('Number', { precision: 18 }), field('Summary', { precision: 18 })) ?? '',
            /roll-up summary field \(read-only\)/
        );
        assert.equal(mappingIncompatibility(field('AutoNumber'), field('Text', { length: 80 })), undefined);
    });
});
