import path from 'node:path';
import { message } from '../i18n/index.js';
import { URI } from 'langium';
import { UsageError } from '../files.js';
import type { CommandIo } from './check.js';
import { loadWorkspace } from '../workspace.js';

/**
 * `pool fingerprint FILE`: the fingerprint an approval records for the current text of an
 * agreement and its imports (approvals blocks left out), to paste into `approvals { … }`.
 */
export async function runFingerprint(file: string, io: CommandIo): Promise<number> {
    const workspace = await loadWorkspace([file], { language: io.lang });
    const [unreadable] = workspace.unreadable;
    if (unreadable) throw new UsageError(message('cli.cannot-read', { file, reason: unreadable.reason }));
    const document = workspace.shared.workspace.LangiumDocuments.getDocument(URI.file(path.resolve(file)));
    if (!document) throw new Error(`${file} was read but is not in the workspace`);
    io.out(`${workspace.pool.pool.ModelProvider.getModel(document as never).fingerprint}\n`);
    return 0;
}
