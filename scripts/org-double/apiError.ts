/** An error the org double answers with, in the platform's shape (`errorCode` + message + fields). */
export class ApiError extends Error {
    readonly errorCode: string;
    readonly status: number;
    readonly fields: string[];

    constructor(errorCode: string, message: string, options: { status?: number; fields?: string[] } = {}) {
        super(message);
        this.errorCode = errorCode;
        this.status = options.status ?? 400;
        this.fields = options.fields ?? [];
    }

    toJson(): { errorCode: string; message: string; fields: string[] } {
        return { errorCode: this.errorCode, message: this.message, fields: this.fields };
    }
}
