import { collectDiagnostics } from '../diagnostics.js';
import { displayPath, findPoolFiles } from '../files.js';
import { formatJson } from '../formats/json.js';
import { summarise } from '../formats/summary.js';
import { formatText } from '../formats/text.js';
import type { Style } from '../style.js';
import { loadWorkspace } from '../workspace.js';

export interface CheckOptions {
    readonly format: 'text' | 'json';
    readonly strict: boolean;
}

export interface CommandIo {
    readonly out: (text: string) => void;
    readonly err: (text: string) => void;
    readonly style: Style;
    readonly version: string;
}

/** `pool check PATH...`: exit 0 when clean, 1 on errors (or warnings with --strict). */
export async function runCheck(paths: readonly string[], options: CheckOptions, io: CommandIo): Promise<number> {
    const files = await findPoolFiles(paths);
    const workspace = await loadWorkspace(files);
    const diagnostics = collectDiagnostics(workspace.all);
    const checked = workspace.all.map(document => displayPath(document.uri.fsPath));
    const summary = summarise(diagnostics, checked.length);
    io.out(options.format === 'json'
        ? formatJson(diagnostics, summary, checked.sort(), io.version)
        : formatText(diagnostics, summary, io.style));
    const failing = summary.errors > 0 || (options.strict && summary.warnings > 0);
    return failing ? 1 : 0;
}
