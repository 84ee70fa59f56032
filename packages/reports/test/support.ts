import { readdirSync } from 'node:fs';
import path from 'node:path';
import { type AgreementModel } from '@pool/language';
import { URI } from 'langium';
import { buildReportData, type ReportData } from '../src/index.js';
import { loadWorkspace } from '../../cli/src/workspace.js';
import { REPO } from '../../../test/support/paths.js';

/** The agreements under examples/ (registers are imported by them, not reported on their own). */
export const EXAMPLES = readdirSync(path.join(REPO, 'examples'))
    .filter(name => name.endsWith('.pool'))
    .sort()
    .map(name => path.join(REPO, 'examples', name));

/** Reads an agreement and its imports and checks them, as the CLI does, and returns its model. */
async function loadModel(file: string): Promise<AgreementModel> {
    const workspace = await loadWorkspace([file]);
    const document = workspace.shared.workspace.LangiumDocuments.getDocument(URI.file(path.resolve(file)))!;
    return workspace.pool.pool.ModelProvider.getModel(document as never);
}

export async function loadReportData(file: string): Promise<ReportData> {
    return buildReportData(await loadModel(file), undefined, { toolVersion: '0.0.0-test' });
}

/**
 * `make` called once per key (by default its first argument, so once in all for a `make` of no
 * arguments) and its promise shared by every later call with that key: a test file reads each
 * example, or lays out each PDF, once for all the tests that read it. A promise started ahead and not awaited yet keeps its failure for the test that
 * awaits it, rather than reporting it as unhandled in the meantime.
 */
export function memoised<A extends readonly unknown[], T>(
    make: (...args: A) => Promise<T>,
    keyOf: (...args: A) => string = (...args) => String(args[0])
): (...args: A) => Promise<T> {
    const made = new Map<string, Promise<T>>();
    return (...args) => {
        const key = keyOf(...args);
        let result = made.get(key);
        if (result === undefined) {
            result = make(...args);
            result.catch(() => undefined);
            made.set(key, result);
        }
        return result;
    };
}

/** Each example read once for the test file, as the CLI reads it. */
export const reportDataOnce = memoised(loadReportData);
