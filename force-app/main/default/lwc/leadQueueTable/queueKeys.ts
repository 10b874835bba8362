/**
 * Keyboard shortcuts of the queue table. They act on the row that holds the focus (or holds the control
 * that does), and are listed above the table. Letters work without modifier keys only, so browser and
 * screen-reader shortcuts (Ctrl, Alt, Cmd) pass through untouched.
 */
export type RowCommand = 'next' | 'previous' | 'first' | 'last' | 'accept' | 'qualify' | 'reject' | 'expand' | 'select';

const NAVIGATION: Record<string, RowCommand> = {
    ArrowDown: 'next',
    ArrowUp: 'previous',
    Home: 'first',
    End: 'last',
    j: 'next',
    k: 'previous'
};

const ACTIONS: Record<string, RowCommand> = {
    r: 'reject',
    e: 'expand',
    x: 'select'
};

export interface Shortcut {
    keys: string;
    action: string;
}

export function commandFor(event: KeyboardEvent, stage: LeadQueueController.Stage): RowCommand | undefined {
    if (event.ctrlKey || event.metaKey || event.altKey) {
        return undefined;
    }
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (key === (stage === 'MQL' ? 'a' : 'q')) {
        return stage === 'MQL' ? 'accept' : 'qualify';
    }
    return NAVIGATION[key] ?? ACTIONS[key];
}

export function shortcuts(stage: LeadQueueController.Stage): Shortcut[] {
    return [
        { keys: '↓ J', action: 'next lead' },
        { keys: '↑ K', action: 'previous' },
        stage === 'MQL' ? { keys: 'A', action: 'accept' } : { keys: 'Q', action: 'qualify' },
        { keys: 'R', action: 'reject' },
        { keys: 'E', action: 'details' },
        { keys: 'X', action: 'select' }
    ];
}
