/**
 * The playground's files: the bundled examples, with the user's edits kept in the browser's local
 * storage so they survive a reload. Nothing is ever sent anywhere.
 */
export const WORKSPACE_URI = 'file:///examples';

const EDIT_PREFIX = 'pool-playground:file:';
const SELECTED_KEY = 'pool-playground:selected';

export class FileStore {
    constructor(
        private readonly examples: Readonly<Record<string, string>>,
        private readonly storage: Storage
    ) {}

    /** Every file, as a path relative to the workspace (`registers/essex.pool`), agreements first. */
    paths(): string[] {
        return Object.keys(this.examples).sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
    }

    read(path: string): string | undefined {
        return this.storage.getItem(EDIT_PREFIX + path) ?? this.examples[path];
    }

    write(path: string, text: string): void {
        if (text === this.examples[path]) {
            this.storage.removeItem(EDIT_PREFIX + path);
        } else {
            this.storage.setItem(EDIT_PREFIX + path, text);
        }
    }

    isEdited(path: string): boolean {
        return this.storage.getItem(EDIT_PREFIX + path) !== null;
    }

    /** Back to the example as shipped. */
    reset(path: string): void {
        this.storage.removeItem(EDIT_PREFIX + path);
    }

    get selected(): string {
        const remembered = this.storage.getItem(SELECTED_KEY);
        return remembered !== null && remembered in this.examples ? remembered : (this.paths()[0] ?? '');
    }

    set selected(path: string) {
        this.storage.setItem(SELECTED_KEY, path);
    }

    /** The path of a workspace URI, or undefined for a URI outside the workspace. */
    pathOf(uri: string): string | undefined {
        const prefix = WORKSPACE_URI + '/';
        return uri === WORKSPACE_URI ? '' : uri.startsWith(prefix) ? decodeURIComponent(uri.slice(prefix.length)) : undefined;
    }

    uriOf(path: string): string {
        return `${WORKSPACE_URI}/${path.split('/').map(encodeURIComponent).join('/')}`;
    }

    /** What is directly inside a folder (`''` is the workspace root), or undefined if no such folder. */
    list(folder: string): { path: string; isFile: boolean }[] | undefined {
        const prefix = folder === '' ? '' : folder + '/';
        const entries = new Map<string, boolean>();
        for (const path of this.paths()) {
            if (!path.startsWith(prefix)) continue;
            const rest = path.slice(prefix.length);
            const slash = rest.indexOf('/');
            entries.set(prefix + (slash < 0 ? rest : rest.slice(0, slash)), slash < 0);
        }
        if (entries.size === 0 && folder !== '') return undefined;
        return [...entries].map(([path, isFile]) => ({ path, isFile }));
    }
}

function depth(path: string): number {
    return path.split('/').length;
}
