/**
 * The metadata registry of @salesforce/source-deploy-retrieve: the table the Salesforce CLI uses
 * to turn a source file into a Metadata API component (type, folder, file suffix). Reading the same
 * table keeps the gate and the deploy in step with what `sf project deploy start` sends.
 */
import { createRequire } from 'node:module';

export interface RegistryType {
    id: string;
    /** The Metadata API type name (`LeadConvertSettings`, `Settings`, `CustomField`). */
    name: string;
    /** The source folder of its files (`LeadConvertSettings`, `settings`). */
    directoryName?: string;
    /** The file suffix before `-meta.xml` (`LeadConvertSetting`, `settings`). */
    suffix?: string;
    children?: { types: Record<string, RegistryType> };
}

interface Registry {
    types: Record<string, RegistryType>;
    suffixes: Record<string, string>;
    childTypes: Record<string, string>;
}

const require = createRequire(import.meta.url);
const REGISTRY = require('@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json') as Registry;

/** A type by its Metadata API name, as the CLI's `--metadata Type:Name` resolves it (case-insensitive). */
export function registryTypeByName(name: string): RegistryType | undefined {
    const id = name.toLowerCase();
    const parent = REGISTRY.childTypes[id];
    return parent ? REGISTRY.types[parent]?.children?.types[id] : REGISTRY.types[id];
}

/** The type a `.<suffix>-meta.xml` file holds, as the CLI infers it from the suffix. */
export function registryTypeBySuffix(suffix: string): RegistryType | undefined {
    const id = REGISTRY.suffixes[suffix];
    return id === undefined ? undefined : registryTypeByName(id);
}
