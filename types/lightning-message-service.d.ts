declare module 'lightning/messageService' {
    import type { WireAdapterConstructor } from 'lwc';

    /** The token imported from `@salesforce/messageChannel/Name__c`. */
    export interface MessageChannel {
        readonly channelName?: string;
    }

    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- opaque platform handle
    export interface MessageContextValue {}

    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- opaque platform handle
    export interface Subscription {}

    export const MessageContext: WireAdapterConstructor<Record<string, never>, MessageContextValue>;
    export const APPLICATION_SCOPE: unique symbol;

    export interface SubscribeOptions {
        scope?: typeof APPLICATION_SCOPE;
    }

    export function publish(context: MessageContextValue, channel: MessageChannel, message?: unknown): void;
    export function subscribe<Message = unknown>(
        context: MessageContextValue,
        channel: MessageChannel,
        listener: (message: Message) => void,
        options?: SubscribeOptions
    ): Subscription;
    export function unsubscribe(subscription: Subscription): void;
    export function createMessageContext(): MessageContextValue;
    export function releaseMessageContext(context: MessageContextValue): void;
}
