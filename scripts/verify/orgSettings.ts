/**
 * Reads the org's LeadConvertSettings through the Metadata API. LeadConvertSettings is a metadata
 * type of its own (Metadata API Developer Guide, "LeadConvertSettings": suffix LeadConvertSetting,
 * folder LeadConvertSettings; @salesforce/source-deploy-retrieve's registry agrees), and readMetadata
 * of a name the org does not hold answers with an empty entry instead of an error, so the
 * component's name is not guessed: listMetadata finds it, then readMetadata reads it.
 */
import type { OrgConnection } from '../lib/connection.ts';
import { explainError, ScriptError } from '../lib/errors.ts';
import type { LeadConvertSettings, ObjectMapping } from '../lib/projectMetadata.ts';

type OneOrMany<T> = T | T[] | undefined;

interface ReadSettings {
    fullName?: string;
    allowOwnerChange?: boolean | string;
    opportunityCreationOptions?: string;
    objectMapping?: OneOrMany<{
        inputObject: string;
        outputObject: string;
        mappingFields?: OneOrMany<{ inputField: string; outputField: string }>;
    }>;
}

export const LEAD_CONVERT_SETTINGS_TYPE = 'LeadConvertSettings';

const many = <T>(value: OneOrMany<T>): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function missing(org: OrgConnection, what: string): ScriptError {
    return new ScriptError(
        `Could not read the lead field mapping of ${org.label}: ${what}.`,
        'Reading LeadConvertSettings needs the "Modify Metadata Through Metadata API Functions" or "Modify All Data" permission; ' +
            'deploy the mapping with npm run deploy -- --target-org <org> (it lists what it changes first), then run the check again.'
    );
}

export async function readOrgLeadConvertSettings(org: OrgConnection): Promise<LeadConvertSettings> {
    let read: ReadSettings | null | undefined;
    let fullName: string | undefined;
    try {
        const listed = many(await org.conn.metadata.list({ type: LEAD_CONVERT_SETTINGS_TYPE }));
        fullName = listed[0]?.fullName;
        if (fullName === undefined) {
            throw missing(org, `listMetadata found no ${LEAD_CONVERT_SETTINGS_TYPE} component`);
        }
        read = (await org.conn.metadata.read(LEAD_CONVERT_SETTINGS_TYPE, fullName)) as unknown as ReadSettings | null;
    } catch (error) {
        throw explainError(error, org.label, org.reauthenticate);
    }
    if (!read?.fullName) {
        throw missing(org, `readMetadata returned nothing for ${LEAD_CONVERT_SETTINGS_TYPE} "${fullName}"`);
    }
    const objectMapping: ObjectMapping[] = many(read.objectMapping).map((mapping) => ({
        inputObject: mapping.inputObject,
        outputObject: mapping.outputObject,
        mappingFields: many(mapping.mappingFields).map((field) => ({
            inputField: field.inputField,
            outputField: field.outputField
        }))
    }));
    const settings: LeadConvertSettings = { objectMapping };
    if (read.allowOwnerChange !== undefined) settings.allowOwnerChange = String(read.allowOwnerChange) === 'true';
    if (read.opportunityCreationOptions !== undefined)
        settings.opportunityCreationOptions = read.opportunityCreationOptions;
    return settings;
}
