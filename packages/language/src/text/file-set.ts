import ignore, { type Ignore } from 'ignore';

/**
 * Which files of a folder are the agreements to check: the same for `pool check FOLDER` and for
 * the language server's workspace, so the editor and CI check the same files. A folder is walked
 * down; every folder's `.poolignore` (gitignore syntax, via the `ignore` package that git-style
 * tools share) applies to what is below it; `node_modules` and version-control folders are never
 * walked; the files kept are the `.pool` files. Paths here are POSIX paths (a URI's path, or a
 * file path with `/` separators), so the rules read the same on every platform.
 */

/** The file in a folder that lists what under it is not checked. */
export const POOLIGNORE = '.poolignore';

/** The largest `.poolignore` read: a list of patterns, never megabytes. */
export const MAX_POOLIGNORE_BYTES = 1024 * 1024;

/** Folders never walked, whatever `.poolignore` says. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);

/** The `.poolignore` rules in force inside a folder: its own and those of the folders above it, down from where the walk began. */
export class PoolIgnoreRules {
    private constructor(private readonly layers: readonly { readonly base: string; readonly rules: Ignore }[]) {}

    /** Where a walk begins: no rules yet. */
    static readonly none = new PoolIgnoreRules([]);

    /** The rules inside `folder` (a POSIX path), adding the text of its own `.poolignore` if it has one. */
    within(folder: string, poolignore: string | undefined): PoolIgnoreRules {
        if (poolignore === undefined) return this;
        return new PoolIgnoreRules([...this.layers, { base: trimSlash(folder), rules: ignore().add(poolignore) }]);
    }

    /** Whether the walk skips this entry (a POSIX path) of a folder it is in: a folder never walked, or one a `.poolignore` names. */
    skips(entry: string, isDirectory: boolean): boolean {
        if (isDirectory && ALWAYS_SKIPPED.has(entry.slice(entry.lastIndexOf('/') + 1))) return true;
        return this.layers.some(({ base, rules }) => {
            const relative = relativeTo(base, entry);
            return relative !== undefined && rules.ignores(isDirectory ? `${relative}/` : relative);
        });
    }
}

/** Whether a file found in a walk is an agreement to check. */
export function isAgreementFileName(name: string): boolean {
    return name.endsWith('.pool');
}

/**
 * Whether `file` (a POSIX path under `root`) is left out by the `.poolignore` files of the folders
 * from `root` down to it, or sits in a folder never walked: what a walk from `root` would skip.
 * `poolignoreOf(folder)` gives a folder's `.poolignore` text, if it has one. A file outside `root`
 * is never left out.
 */
export async function isLeftOut(root: string, file: string, poolignoreOf: (folder: string) => Promise<string | undefined>): Promise<boolean> {
    const relative = relativeTo(trimSlash(root), file);
    if (relative === undefined) return false;
    const parts = relative.split('/');
    let rules = PoolIgnoreRules.none;
    let folder = trimSlash(root);
    for (const [index, part] of parts.entries()) {
        rules = rules.within(folder, await poolignoreOf(folder));
        const entry = `${folder}/${part}`;
        const isDirectory = index < parts.length - 1;
        if (rules.skips(entry, isDirectory)) return true;
        folder = entry;
    }
    return false;
}

function trimSlash(folder: string): string {
    return folder.length > 1 && folder.endsWith('/') ? folder.slice(0, -1) : folder;
}

/** `entry` relative to the folder `base`, or undefined when it is not below it. */
function relativeTo(base: string, entry: string): string | undefined {
    const prefix = base === '/' ? '/' : `${base}/`;
    return entry.startsWith(prefix) && entry.length > prefix.length ? entry.slice(prefix.length) : undefined;
}
