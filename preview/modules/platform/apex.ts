/**
 * Preview stand-in for `@salesforce/apex` and for each `@salesforce/apex/Class.method` import (the build
 * turns every such import into `apexMethod('Class.method')`). As on the platform, a method is both a
 * function returning a promise (imperative call) and a wire adapter provisioning `{ data, error }`;
 * `refreshApex` takes the exact value a wire provisioned and provisions it again.
 */
import { answer } from 'preview/scenario';
import type { ApexParams } from 'preview/scenario';

interface Provisioned {
    data: unknown;
    error: unknown;
}

const refreshers = new WeakMap<object, () => Promise<void>>();

export function apexMethod(method: string) {
    const call = (params: ApexParams = {}): Promise<unknown> => answer(method, params);

    class ApexWireAdapter {
        private config: ApexParams | undefined;
        private connected = false;

        constructor(private readonly provision: (value: Provisioned) => void) {}

        connect(): void {
            this.connected = true;
        }

        update(config: ApexParams): void {
            this.config = config;
            this.load();
        }

        disconnect(): void {
            this.connected = false;
        }

        private async load(): Promise<void> {
            const config = this.config;
            let value: Provisioned;
            try {
                value = { data: await call(config), error: undefined };
            } catch (error) {
                value = { data: undefined, error };
            }
            // A newer configuration (another page, another range) may have been asked for meanwhile.
            if (this.connected && config === this.config) {
                refreshers.set(value, () => this.load());
                this.provision(value);
            }
        }
    }

    return Object.assign(call, { adapter: ApexWireAdapter });
}

export function refreshApex(wiredValue: unknown): Promise<void> {
    const refresh = typeof wiredValue === 'object' && wiredValue !== null ? refreshers.get(wiredValue) : undefined;
    return refresh ? refresh() : Promise.resolve();
}

export function getSObjectValue(sObject: Record<string, unknown>, field: string | { fieldApiName: string }): unknown {
    return sObject[typeof field === 'string' ? field : field.fieldApiName];
}
