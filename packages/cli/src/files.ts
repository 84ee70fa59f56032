import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describeFileError, readRegularFile } from '@pool/files';
import { glob, isDynamicPattern } from 'tinyglobby';
import { decodeAgreement, isAgreementFileName, isLeftOut, type Lang, MAX_POOLIGNORE_BYTES, POOLIGNORE, PoolIgnoreRules } from '@pool/language';
import { type Message, message, render } from './i18n/index.js';

/**
 * A problem with what was asked for on the command line: reported in one line, exit code 2. Given
 * a catalogue message, it is worded in the language of the run (`--lang`).
 */
export class UsageError extends Error {
    readonly worded?: Message;

    constructor(text: string | Message) {
        super(typeof text === 'string' ? text : render(text, 'en'));
        if (typeof text !== 'string') this.worded = text;
    }
}

/**
 * Expands the PATH arguments of a command into `.pool` files: files as given, folders walked
 * recursively (honouring `.poolignore` files, gitignore syntax), globs expanded. Files named
 * explicitly are included, ignored or not, unless `forceExclude` applies `.poolignore` to them too.
 */
export async function findPoolFiles(
    args: readonly string[],
    cwd = process.cwd(),
    lang: Lang = 'en',
    options: { readonly forceExclude?: boolean } = {}
): Promise<string[]> {
    const found = new Set<string>();
    for (const arg of args) {
        const before = found.size;
        if (isDynamicPattern(arg)) {
            const matches = await glob(arg, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] });
            for (const match of matches) if (match.endsWith('.pool')) found.add(path.normalize(match));
            if (found.size === before) throw new UsageError(message('cli.no-files-match', { pattern: arg }));
            continue;
        }
        const absolute = path.resolve(cwd, arg);
        let info;
        try {
            info = await stat(absolute);
        } catch (error) {
            throw new UsageError(message('cli.cannot-read', { file: arg, reason: describeFsError(error, lang) }));
        }
        if (!info.isDirectory() && !info.isFile()) {
            throw new UsageError(message('cli.not-file-or-folder', { path: arg }));
        }
        if (info.isDirectory()) {
            await walk(absolute, PoolIgnoreRules.none, found, lang);
            if (found.size === before) throw new UsageError(message('cli.no-files-found', { folder: arg }));
        } else if (!absolute.endsWith('.pool')) {
            // Pool reads agreements only: a file named without the extension is not one.
            throw new UsageError(message('cli.cannot-read', { file: arg, reason: render(message('cli.reason.not-pool-file', {}), lang) }));
        } else {
            found.add(absolute);
        }
    }
    const files = [...found].sort();
    if (!options.forceExclude) return files;
    const excluded = await Promise.all(files.map(file => isExcluded(file, cwd, lang)));
    return files.filter((_, index) => !excluded[index]);
}

/** A native path as the shared file-set rules read it (POSIX separators). */
const posix = (file: string): string => file.split(path.sep).join('/');

/** Walks a folder as the language server walks a workspace folder (`PoolIgnoreRules`, shared with it). */
async function walk(folder: string, inherited: PoolIgnoreRules, found: Set<string>, lang: Lang): Promise<void> {
    const rules = inherited.within(posix(folder), await readPoolignore(path.join(folder, POOLIGNORE), lang));
    const entries = await readdir(folder, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
        const full = path.join(folder, entry.name);
        const isDirectory = entry.isDirectory();
        if (rules.skips(posix(full), isDirectory)) continue;
        if (isDirectory) {
            await walk(full, rules, found, lang);
        } else if (entry.isFile() && isAgreementFileName(entry.name)) {
            found.add(full);
        }
    }
}

/**
 * Whether a file is excluded by the `.poolignore` files of the folders from `cwd` down to it (or
 * sits under `node_modules`, `.git` and the like), as a folder walk would skip it. For
 * `--force-exclude`: pre-commit and editors name files one by one, and an excluded file should
 * stay excluded. A file outside `cwd` is never excluded. Each `.poolignore` is read as a folder
 * walk reads it (`readPoolignore`).
 */
export async function isExcluded(file: string, cwd = process.cwd(), lang: Lang = 'en'): Promise<boolean> {
    const root = path.resolve(cwd);
    return isLeftOut(posix(root), posix(path.resolve(cwd, file)), folder => readPoolignore(path.join(folder.split('/').join(path.sep), POOLIGNORE), lang));
}

/**
 * A folder's `.poolignore`, if it has one. It is read as safely as an agreement (a regular file of
 * text, measured first: a named pipe or a link to `/dev/urandom` is refused, never waited on or
 * read for ever), and one that cannot be read stops the run: checking without it could check
 * files it excludes.
 */
async function readPoolignore(file: string, lang: Lang): Promise<string | undefined> {
    let bytes: Uint8Array;
    try {
        bytes = await readRegularFile(file, MAX_POOLIGNORE_BYTES);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new UsageError(message('cli.cannot-read', { file: displayPath(file), reason: describeFsError(error, lang) }));
    }
    const decoded = decodeAgreement(bytes);
    if (!decoded.ok) throw new UsageError(message('cli.cannot-read', { file: displayPath(file), reason: render(decoded.reason, lang) }));
    return decoded.text;
}

/** Why a file could not be read or written, in `lang`: Pool's refusals and the system's errors in words. */
export function describeFsError(error: unknown, lang: Lang = 'en'): string {
    return render(describeFileError(error), lang);
}

/**
 * The root of the git repository the folder is in: the nearest folder at or above it holding
 * `.git` (a folder, or a file in a worktree or submodule); the folder itself outside a repository.
 * SARIF and GitLab paths are measured from here, as code scanning and merge requests expect.
 */
export async function repositoryRoot(folder: string): Promise<string> {
    return (await repositoryHolding(folder)) ?? path.resolve(folder);
}

/** The nearest folder at or above `folder` holding `.git`, if there is one. */
async function repositoryHolding(folder: string): Promise<string | undefined> {
    for (let current = path.resolve(folder); ; current = path.dirname(current)) {
        if (
            await stat(path.join(current, '.git')).then(
                () => true,
                () => false
            )
        )
            return current;
        if (path.dirname(current) === current) return undefined;
    }
}

/**
 * The `.pool` files of the projects the given files are in, found as `pool check` finds the files
 * of a folder (`.poolignore` honoured), less the given files themselves. A file's project is the
 * git repository it is in; outside one, the working directory when the file is under it, else
 * the file's own folder. `pool fmt` reads them for the agreements that import a register named
 * alone, whose approvals cover the register's text too.
 */
export async function projectFiles(files: readonly string[], cwd = process.cwd(), lang: Lang = 'en'): Promise<string[]> {
    const roots = new Set<string>();
    const workingDirectory = path.resolve(cwd);
    for (const file of files) {
        const folder = path.dirname(path.resolve(cwd, file));
        const inside = path.relative(workingDirectory, folder);
        const underWorkingDirectory = !inside.startsWith('..') && !path.isAbsolute(inside);
        roots.add((await repositoryHolding(folder)) ?? (underWorkingDirectory ? workingDirectory : folder));
    }
    const found = new Set<string>();
    // A root inside another root is walked as part of it.
    const outermost = [...roots].filter(root => ![...roots].some(other => other !== root && !path.relative(other, root).startsWith('..')));
    for (const root of outermost) await walk(root, PoolIgnoreRules.none, found, lang);
    const given = new Set(files.map(file => path.resolve(cwd, file)));
    return [...found].filter(file => !given.has(file)).sort();
}

/** A path for output: relative to the working directory when inside it, with forward slashes. */
export function displayPath(file: string, cwd = process.cwd()): string {
    const relative = path.relative(cwd, file);
    const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
    return shown.split(path.sep).join('/');
}
