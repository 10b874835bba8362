/** Every record a query matches, however many batches the API returns them in. */
import type { OrgConnection } from './connection.ts';
import { explainError } from './errors.ts';

export async function queryAll<T extends Record<string, unknown>>(org: OrgConnection, soql: string): Promise<T[]> {
    try {
        const result = await org.conn.query<T>(soql).run({ autoFetch: true, maxFetch: 1_000_000 });
        return result.records;
    } catch (error) {
        throw explainError(error, org.label, org.reauthenticate);
    }
}
