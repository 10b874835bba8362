/**
 * The docs stay navigable: every relative link and image in README.md and docs/*.md names a file that
 * exists, and every #anchor a heading of the page it points at, under GitHub's rules for heading ids
 * (github-slugger, which github.com uses: lower case, punctuation and symbols dropped, each space a
 * hyphen, `-1`, `-2`… on repeated headings). The hints the scripts print that name a docs page
 * (`docs/admin.md#…`) are held to the same rules.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../lib/project.ts';

interface Link {
    /** The file the link appears in, relative to the project. */
    from: string;
    line: number;
    target: string;
    /** The folder a relative target starts from: the linking page's own, unless given. */
    base?: string;
}

/** The text of a heading as GitHub renders it, turned into its id (before de-duplication). */
export function githubSlug(heading: string): string {
    const text = heading
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link keeps its text
        .replace(/[`*]/g, '') // code and emphasis marks are not text
        .replace(/<[^>]+>/g, ''); // nor are inline HTML tags
    return text
        .toLowerCase()
        .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
        .replace(/ /g, '-');
}

/** Markdown with its fenced code blocks blanked (lines kept, so line numbers stay right). */
function withoutCodeBlocks(markdown: string): string[] {
    let fence: string | undefined;
    return markdown.split('\n').map((line) => {
        const opening = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
        if (fence === undefined && opening) {
            fence = opening;
            return '';
        }
        if (fence !== undefined) {
            if (line.trim().startsWith(fence)) {
                fence = undefined;
            }
            return '';
        }
        return line;
    });
}

/** Heading ids of a page, as GitHub assigns them, plus explicit `<a id>` / `<a name>` anchors. */
export function anchorsOf(markdown: string): Set<string> {
    const anchors = new Set<string>();
    const seen = new Map<string, number>();
    for (const line of withoutCodeBlocks(markdown)) {
        const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
        if (heading !== undefined) {
            const slug = githubSlug(heading);
            const count = seen.get(slug) ?? 0;
            seen.set(slug, count + 1);
            anchors.add(count === 0 ? slug : `${slug}-${count}`);
        }
        for (const [, id] of line.matchAll(/<a\s[^>]*(?:id|name)="([^"]+)"/g)) {
            anchors.add(id ?? '');
        }
    }
    return anchors;
}

/** Links and images of a page; link text may span lines within a paragraph, code spans never count. */
export function linksOf(markdown: string, from: string): Link[] {
    const lines = withoutCodeBlocks(markdown).map((line) => line.replace(/`[^`]*`/g, 'code'));
    const text = lines.join('\n');
    const links: Link[] = [];
    const record = (index: number, target: string): void => {
        links.push({ from, line: text.slice(0, index).split('\n').length, target });
    };
    for (const match of text.matchAll(/!?\[(?:[^[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
        record(match.index, match[1] ?? '');
    }
    for (const match of text.matchAll(/<(?:img|a)\s[^>]*(?:src|href)="([^"]+)"/g)) {
        record(match.index, match[1] ?? '');
    }
    return links;
}

/** What is wrong with one link, or undefined: a relative target must exist, its anchor too. */
export function problemOf(link: Link, readPage: (file: string) => string | undefined): string | undefined {
    if (/^[a-z][a-z0-9+.-]*:/i.test(link.target)) {
        return undefined; // https:, mailto: — not a file of the project
    }
    const [file = '', anchor] = link.target.split('#', 2);
    const base = link.base ?? path.dirname(link.from);
    const target = file === '' ? link.from : path.join(base, decodeURIComponent(file));
    const where = `${link.from}:${link.line}: ${link.target}`;
    if (target.startsWith('..')) {
        return `${where} points outside the project`;
    }
    const page = readPage(target);
    if (page === undefined) {
        return `${where}: no such file ${target}`;
    }
    if (anchor !== undefined && target.endsWith('.md') && !anchorsOf(page).has(decodeURIComponent(anchor))) {
        return `${where}: ${target} has no heading with the id #${anchor}`;
    }
    return undefined;
}

/** A project file's text ('' for a folder or a binary file, which exist), or undefined when it does not exist. */
function readProjectFile(file: string): string | undefined {
    const absolute = path.join(PROJECT_ROOT, file);
    if (!existsSync(absolute)) {
        return undefined;
    }
    return statSync(absolute).isFile() && file.endsWith('.md') ? readFileSync(absolute, 'utf8') : '';
}

const DOCS = [
    'README.md',
    ...readdirSync(path.join(PROJECT_ROOT, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .map((name) => path.join('docs', name))
];

/** TypeScript files under scripts/, tests and fixtures left out. */
function scriptSources(dir = 'scripts'): string[] {
    return readdirSync(path.join(PROJECT_ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
        const relative = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            return entry.name === 'test' || entry.name === 'node_modules' ? [] : scriptSources(relative);
        }
        return entry.name.endsWith('.ts') ? [relative] : [];
    });
}

describe('docs links', () => {
    it('slugs headings as GitHub does', () => {
        assert.equal(
            githubSlug('What if: `npm run simulate -- --target-org acme-uat`'),
            'what-if-npm-run-simulate------target-org-acme-uat'
        );
        assert.equal(githubSlug('The Lead SLA object (`Lead_SLA__c`)'), 'the-lead-sla-object-lead_sla__c');
        assert.equal(
            githubSlug("Routing: Baton's SDR queue and assignment rules"),
            'routing-batons-sdr-queue-and-assignment-rules'
        );
        assert.equal(githubSlug('Fit × interest → MQL'), 'fit--interest--mql');
        assert.deepEqual(
            [...anchorsOf('# A\n## Set it up\n```\n# not a heading\n```\n### Set it up\n')],
            ['a', 'set-it-up', 'set-it-up-1']
        );
    });

    it('finds a missing file, a missing anchor and a link outside the project, and ignores code', () => {
        const page = [
            '# Page',
            'See [the guide](guide.md#no-such-heading), [ok](guide.md#setup), ![shot](images/none.png),',
            '[up](../../etc/passwd), [web](https://example.com) and `[not a link](nowhere.md)`.',
            '```',
            '[also not](nowhere.md)',
            '```',
            '[here](#page) and [there](#elsewhere)'
        ].join('\n');
        const pages: Record<string, string> = { 'docs/guide.md': '# Guide\n## Setup\n', 'docs/page.md': page };
        const problems = linksOf(page, 'docs/page.md')
            .map((link) => problemOf(link, (file) => pages[file]))
            .filter((problem) => problem !== undefined);
        assert.deepEqual(problems, [
            'docs/page.md:2: guide.md#no-such-heading: docs/guide.md has no heading with the id #no-such-heading',
            'docs/page.md:2: images/none.png: no such file docs/images/none.png',
            'docs/page.md:3: ../../etc/passwd points outside the project',
            'docs/page.md:7: #elsewhere: docs/page.md has no heading with the id #elsewhere'
        ]);
    });

    it('README.md and docs/*.md link only to files and headings that exist', () => {
        const links = DOCS.flatMap((file) => linksOf(readFileSync(path.join(PROJECT_ROOT, file), 'utf8'), file));
        assert.ok(links.length > 100, `only ${links.length} links found: the parser is broken`);
        const problems = links
            .map((link) => problemOf(link, readProjectFile))
            .filter((problem) => problem !== undefined);
        assert.deepEqual(problems, []);
    });

    it('the docs pages the scripts name in their messages exist, with their anchors', () => {
        const links = scriptSources().flatMap((file) =>
            readFileSync(path.join(PROJECT_ROOT, file), 'utf8')
                .split('\n')
                .flatMap((line, index) =>
                    // A message names the page from the project root, where npm runs the scripts.
                    [...line.matchAll(/\bdocs\/[\w-]+\.md(?:#[\w-]+)?/g)].map(([target]) => ({
                        from: file,
                        line: index + 1,
                        target,
                        base: ''
                    }))
                )
        );
        assert.ok(
            links.some(({ target }) => target.includes('#')),
            'the deploy checklist names docs/admin.md anchors'
        );
        const problems = links
            .map((link) => problemOf(link, readProjectFile))
            .filter((problem) => problem !== undefined);
        assert.deepEqual(problems, []);
    });
});
