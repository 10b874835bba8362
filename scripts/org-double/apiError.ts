/** An error the org double answers with, in the platform's shape (`errorCode` + message + fields). */
import type { DuplicateResult } from './duplicates.ts';

export class ApiError extends Error {
    readonly errorCode: string;
    readonly status: number;
    readonly fields: string[];
    /** For DUPLICATES_DETECTED: the rule and the records it found (REST and SOAP report it with the error). */
    readonly duplicateResult: DuplicateResult | undefined;

    constructor(
        errorCode: string,
        message: string,
        options: { status?: number; fields?: string[]; duplicateResult?: DuplicateResult } = {}
    ) {
        super(message);
        this.errorCode = errorCode;
        this.status = options.status ?? 400;
        this.fields = options.fields ?? [];
        this.duplicateResult = options.duplicateResult;
    }

    toJson(): { errorCode: string; message: string; fields: string[]; duplicateResult?: unknown } {
        const body = { errorCode: this.errorCode, message: this.message, fields: this.fields };
        return this.duplicateResult ? { ...body, duplicateResult: restDuplicateResult(this.duplicateResult) } : body;
    }
}

/**
 * `duplicateResult` as REST returns it: each match result lists its records as
 * `{ record: { attributes, Id }, matchConfidence, ... }` and carries the matching rule's name.
 */
export function restDuplicateResult(result: DuplicateResult): Record<string, unknown> {
    return {
        allowSave: result.allowSave,
        duplicateRule: result.duplicateRule,
        duplicateRuleEntityType: result.duplicateRuleEntityType,
        errorMessage: result.errorMessage,
        matchResults: result.matchResults.map((match) => ({
            entityType: match.entityType,
            errors: [],
            matchEngine: 'FuzzyMatchEngine',
            matchRecords: match.ids.map((id) => ({
                additionalInformation: [],
                fieldDiffs: [],
                matchConfidence: 100,
                record: { attributes: { type: match.entityType }, Id: id }
            })),
            rule: match.rule,
            size: match.ids.length,
            success: true
        }))
    };
}
