/**
 * Preview stand-in for `lightning/messageService`: one in-page bus. Messages reach every subscriber of
 * the channel (application scope or not: the preview has one page) asynchronously, as on the platform.
 */
import { record } from 'preview/scenario';

interface Channel {
    channelName?: string;
}

interface Subscription {
    channel: string;
    listener: (message: unknown) => void;
}

export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');

const subscriptions = new Set<Subscription>();

export class MessageContext {
    constructor(private readonly provision: (context: object) => void) {}

    connect(): void {
        this.provision({});
    }

    update(): void {}

    disconnect(): void {}
}

export function createMessageContext(): object {
    return {};
}

export function releaseMessageContext(): void {}

export function subscribe(_context: unknown, channel: Channel, listener: (message: unknown) => void): Subscription {
    const subscription = { channel: channel.channelName ?? '', listener };
    subscriptions.add(subscription);
    return subscription;
}

export function unsubscribe(subscription: Subscription): void {
    subscriptions.delete(subscription);
}

export function publish(_context: unknown, channel: Channel, message?: unknown): void {
    const name = channel.channelName ?? '';
    record({ kind: 'message', name, detail: message });
    for (const subscription of [...subscriptions].filter((candidate) => candidate.channel === name)) {
        queueMicrotask(() => subscription.listener(structuredClone(message)));
    }
}
