/**
 * Finding elements through synthetic shadow roots, for the preview's scripted states (click the row's
 * Reject button, select three leads). Paths name one selector per shadow root, outermost first, and start
 * in the element the component is mounted in, or in the document for what opens outside it (a modal).
 */
export type Root = Element | Document;

export function find(roots: Root[], path: string[]): HTMLElement | null {
    return findAll(roots, path)[0] ?? null;
}

/** Every element the last selector matches, in the first root where the path leads anywhere. */
export function findAll(roots: Root[], path: string[]): HTMLElement[] {
    for (const root of roots) {
        const scope = scopeOf(root, path.slice(0, -1));
        const found = scope ? Array.from(scope.querySelectorAll<HTMLElement>(path[path.length - 1])) : [];
        if (found.length > 0) {
            return found;
        }
    }
    return [];
}

/** Where the last selector of a path is looked up: inside the shadow root of what the others lead to. */
function scopeOf(root: Root, path: string[]): ParentNode | null {
    let scope: ParentNode = root;
    for (const selector of path) {
        const found = scope.querySelector(selector);
        if (!found) {
            return null;
        }
        scope = found.shadowRoot ?? found;
    }
    return scope;
}

/** Resolves with the element once it exists (components render asynchronously), or rejects after `timeoutMs`. */
export function waitFor(roots: Root[], path: string[], timeoutMs = 5000): Promise<HTMLElement> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
        const poll = (): void => {
            const found = find(roots, path);
            if (found) {
                resolve(found);
            } else if (performance.now() - started > timeoutMs) {
                reject(new Error(`Not found within ${timeoutMs} ms: ${path.join(' >> ')}`));
            } else {
                // Components render asynchronously: look again at the next frame.
                // eslint-disable-next-line @lwc/lwc/no-async-operation
                requestAnimationFrame(poll);
            }
        };
        poll();
    });
}

export async function click(roots: Root[], path: string[]): Promise<void> {
    (await waitFor(roots, path)).click();
}
