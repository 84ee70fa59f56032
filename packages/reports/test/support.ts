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
