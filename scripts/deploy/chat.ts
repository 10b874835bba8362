/**
 * Handoff posts to a chat channel, when the `Default` setting names a Named Credential: it must exist
 * (an admin creates it with the webhook URL; Baton ships only the External Credential `Baton_Chat`),
 * and someone must hold Baton_Chat_Poster, since the post is made as the user whose save handed the
 * lead off (docs/admin.md, "Post to a chat channel"). NamedCredential is queryable by users with
 * View Setup and Configuration (Object Reference, NamedCredential).
 */
import { count } from '../validate/check.ts';
import type { HandoffSetup, SetupCheck } from './handoffSetup.ts';
import { query, soqlString, type OrgCalls } from './orgCalls.ts';
import { PERMISSION_SETS } from './permissionSets.ts';

export const CHAT_DOC = 'docs/admin.md#post-to-a-chat-channel-optional';

export async function checkChat(org: OrgCalls, { chatNamedCredential }: HandoffSetup): Promise<SetupCheck> {
    if (!chatNamedCredential) {
        return {
            state: 'skipped',
            detail: `no Chat Named Credential on the Default setting: handoffs are notified in Salesforce only (optional: ${CHAT_DOC})`
        };
    }
    const credentials = await query<{ DeveloperName: string }>(
        org,
        `SELECT DeveloperName FROM NamedCredential WHERE DeveloperName = ${soqlString(chatNamedCredential)}`,
        'Reading the chat Named Credential'
    );
    const posters = await query<{ Assignee: { Username: string } }>(
        org,
        'SELECT Assignee.Username FROM PermissionSetAssignment ' +
            `WHERE PermissionSet.Name = ${soqlString(PERMISSION_SETS.chatPoster)} AND Assignee.IsActive = true`,
        `Reading who holds ${PERMISSION_SETS.chatPoster}`
    );
    const problems = [
        ...(credentials.length === 0
            ? [
                  `Named Credential ${chatNamedCredential} does not exist (Setup → Named Credentials → New, name ${chatNamedCredential}, the webhook URL, External Credential Baton Chat)`
              ]
            : []),
        ...(posters.length === 0
            ? [
                  `no active user holds ${PERMISSION_SETS.chatPoster}, so every post fails: run again with --chat-poster <username> for the users whose saves hand leads off`
              ]
            : [])
    ];
    return problems.length > 0
        ? { state: 'to do', detail: `${problems.join('; ')} (${CHAT_DOC})` }
        : {
              state: 'done',
              detail: `posts through ${chatNamedCredential} as any of ${count(posters.length, 'user')} holding ${PERMISSION_SETS.chatPoster}`
          };
}
