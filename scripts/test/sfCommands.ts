/**
 * The pinned Salesforce CLI's commands and flags, read from the oclif manifests of the plugins it
 * bundles: tests hold every `sf` command line the project writes (the deploy script's calls, the
 * workflows' steps) to what this CLI version accepts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/project.ts';

interface ManifestFlag {
    name: string;
    char?: string;
    type: 'option' | 'boolean';
    /** A boolean that also takes `--no-<name>`. */
    allowNo?: boolean;
    multiple?: boolean;
    options?: string[];
    aliases?: string[];
}

interface ManifestCommand {
    id: string;
    aliases?: string[];
    flags: Record<string, ManifestFlag>;
}

let commands: Map<string, ManifestCommand> | undefined;

function loadCommands(): Map<string, ManifestCommand> {
    if (commands) {
        return commands;
    }
    const modules = path.join(PROJECT_ROOT, 'node_modules');
    const cli = JSON.parse(readFileSync(path.join(modules, '@salesforce', 'cli', 'package.json'), 'utf8')) as {
        oclif: { plugins: string[] };
    };
    commands = new Map();
    for (const plugin of cli.oclif.plugins) {
        let manifest: { commands: Record<string, ManifestCommand> };
        try {
            manifest = JSON.parse(
                readFileSync(path.join(modules, plugin, 'oclif.manifest.json'), 'utf8')
            ) as typeof manifest;
        } catch {
            continue; // oclif's own plugins (help, update…) ship no manifest the project uses
        }
        for (const command of Object.values(manifest.commands)) {
            for (const id of [command.id, ...(command.aliases ?? [])]) {
                commands.set(id, command);
            }
        }
    }
    return commands;
}

/**
 * Problems with one command line (the words after `sf`): an unknown command, an unknown flag, a value
 * outside a flag's options, a repeated flag that is not repeatable, a boolean flag given a value.
 * Values with shell expansions (`"$ORG"`) are accepted as they are.
 */
export function sfCommandProblems(args: string[]): string[] {
    const words: string[] = [];
    for (const arg of args) {
        if (arg.startsWith('-')) break;
        words.push(arg);
    }
    const known = loadCommands();
    let command: ManifestCommand | undefined;
    let length = words.length;
    while (length > 0 && !(command = known.get(words.slice(0, length).join(':')))) {
        length--;
    }
    if (!command) {
        return [`unknown command: sf ${words.join(' ')}`];
    }
    const flags = Object.values(command.flags);
    const problems: string[] = [];
    const seen = new Set<string>();
    const rest = args.slice(length);
    for (let index = 0; index < rest.length; index++) {
        const arg = rest[index] ?? '';
        if (!arg.startsWith('-')) {
            problems.push(`sf ${command.id}: unexpected argument ${arg}`);
            continue;
        }
        const [flagText = '', inlineValue] = arg.split(/=(.*)/s, 2);
        const name = flagText.replace(/^--?/, '');
        const flag = flags.find(
            (candidate) =>
                (flagText.startsWith('--') &&
                    (candidate.name === name ||
                        candidate.aliases?.includes(name) ||
                        (candidate.allowNo === true && name === `no-${candidate.name}`))) ||
                (!flagText.startsWith('--') && candidate.char === name)
        );
        if (!flag) {
            problems.push(`sf ${command.id}: unknown flag ${flagText}`);
            continue;
        }
        if (seen.has(flag.name) && !flag.multiple) {
            problems.push(`sf ${command.id}: --${flag.name} given twice`);
        }
        seen.add(flag.name);
        if (flag.type === 'boolean') {
            if (inlineValue !== undefined) problems.push(`sf ${command.id}: --${flag.name} takes no value`);
            continue;
        }
        const value = inlineValue ?? rest[++index];
        if (value === undefined) {
            problems.push(`sf ${command.id}: --${flag.name} needs a value`);
        } else if (flag.options && !value.includes('$') && !flag.options.includes(value)) {
            problems.push(`sf ${command.id}: --${flag.name} ${value} is not one of ${flag.options.join(', ')}`);
        }
    }
    return problems;
}
