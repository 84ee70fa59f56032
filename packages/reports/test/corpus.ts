import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import type * as ast from '../../language/src/generated/ast.js';
import { type AllowedSigners, parseAllowedSigners } from '../../language/src/model/allowed-signers.js';
import type { AgreementModel } from '../../language/src/model/types.js';
import { createPoolServices } from '../../language/src/services/pool-module.js';
import { buildReportDocument, type Block } from '../src/document.js';
import { renderMarkdownDocument } from '../src/markdown.js';
import { buildReportData } from '../src/report-data.js';
import { REPO } from '../../../test/support/paths.js';

/**
 * The examples, their registers and the check fixtures, loaded in memory so that a test can load
 * them again with one file changed and compare what every output makes of the two versions
 * (mutation.test.ts, completeness.test.ts).
 */
const CORPUS_FOLDERS = ['examples', 'examples/registers', 'examples/invalid/support', 'test/fixtures/checks'];
export const corpus: Record<string, string> = {};
for (const folder of CORPUS_FOLDERS) {
    for (const name of readdirSync(path.join(REPO, folder)).filter(file => file.endsWith('.pool'))) {
        corpus[`${folder}/${name}`] = readFileSync(path.join(REPO, folder, name), 'utf8');
    }
}

const { shared, Pool } = createPoolServices(EmptyFileSystem);
// Signed approvals are checked against each folder's .poolsigners, as pool check finds it.
const signersByFolder = new Map<string, AllowedSigners>();
for (const folder of CORPUS_FOLDERS) {
    const file = path.join(REPO, folder, '.poolsigners');
    if (existsSync(file)) signersByFolder.set(folder, parseAllowedSigners(readFileSync(file, 'utf8'), `${folder}/.poolsigners`));
}
Pool.pool.AllowedSigners.set(uri => signersByFolder.get(uri.replace(/^file:\/\/\/v\d+\//, '').replace(/\/[^/]*$/, '')));
let roots = 0;
/**
 * The documents of the last changed version loaded, let go of when the next is loaded: each
 * mutant and each property loads a version of its own under a new root, used by its test only,
 * and the hundreds left in the workspace and its index made every later load slower (a quarter to
 * a third of the mutation test's CPU).
 */
let lastChanged: URI[] = [];

/**
 * Loads files of the corpus (all of them, or those named, with one replaced by a mutated text)
 * under a fresh root, and returns the documents by corpus path.
 */
async function load(
    replace?: { file: string; text: string },
    files: readonly string[] = Object.keys(corpus)
): Promise<Map<string, LangiumDocument<ast.Document>>> {
    for (const uri of lastChanged) {
        shared.workspace.LangiumDocuments.deleteDocument(uri);
        shared.workspace.IndexManager.remove(uri);
    }
    lastChanged = [];
    const root = `file:///v${roots++}/`;
    const documents = new Map<string, LangiumDocument<ast.Document>>();
    for (const file of files) {
        const text = corpus[file];
        const document = shared.workspace.LangiumDocumentFactory.fromString<ast.Document>(replace?.file === file ? replace.text : text, URI.parse(root + file));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(file, document);
    }
    await shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    if (replace) lastChanged = [...documents.values()].map(document => document.uri);
    return documents;
}

/**
 * The model of a document. The model provider keeps only the most recently used few of the
 * models of files not open in an editor, and the corpus is many files: the models of the
 * original files, which never change (a changed version is loaded under a new root), are kept
 * here instead of being built again for each mutant and each property (most of these tests' time).
 */
export function model(document: LangiumDocument<ast.Document>): AgreementModel {
    const kept = originalModels.get(document);
    if (kept) return kept;
    const built = Pool.pool.ModelProvider.getModel(document);
    if (originalDocuments.has(document)) {
        originalModels.set(document, built);
        originalOutputs.set(built, {});
    }
    return built;
}
const originalModels = new Map<LangiumDocument<ast.Document>, AgreementModel>();
let originalDocuments: ReadonlySet<LangiumDocument<ast.Document>> = new Set();
const isAgreement = (document: LangiumDocument<ast.Document>) => (document.parseResult.value.agreements ?? []).length > 0;
export const hasSyntaxErrors = (document: LangiumDocument) => document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length > 0;

/**
 * What `semanticJson` and `semanticMarkdown` make of each original file's model, kept: every mutant
 * compares its outputs with the same original's, and making them again for each was about a
 * twelfth of the mutation test's time. A model never changes once built, so neither do they.
 */
const originalOutputs = new Map<AgreementModel, { json?: string; markdown?: string }>();
function keptFor(subject: AgreementModel, kind: 'json' | 'markdown', make: () => string): string {
    const kept = originalOutputs.get(subject);
    if (kept === undefined) return make();
    kept[kind] ??= make();
    return kept[kind];
}

/** The JSON without what changes with any edit of the text: the fingerprint, places, diagnostics and verdict. */
export function semanticJson(subject: AgreementModel): string {
    return keptFor(subject, 'json', () => {
        const data = buildReportData(subject, [], { toolVersion: 'test' });
        return JSON.stringify(data, (key, value: unknown) => (['fingerprint', 'source', 'diagnostics', 'verdict'].includes(key) ? undefined : value));
    });
}

/** The Markdown report without its appendix (the checks, the changes since approval, the fingerprint) and the verdict, which follow any edit. */
export function semanticMarkdown(subject: AgreementModel): string {
    return keptFor(subject, 'markdown', () => markdownOf(subject));
}

function markdownOf(subject: AgreementModel): string {
    const data = buildReportData(subject, [], { toolVersion: 'test' });
    const document = buildReportDocument(data);
    const kept: Block[] = [];
    let skipping = false;
    for (const block of document.blocks) {
        if (block.kind === 'heading' && block.level === 2) skipping = block.id === 'appendix';
        if (!skipping && block.kind !== 'verdict') kept.push(block);
    }
    return renderMarkdownDocument({ ...document, blocks: kept });
}

export const ORIGINAL = await load();
originalDocuments = new Set(ORIGINAL.values());
/** For a mutant of a register, the agreements that import it; for an agreement, itself. */
export function subjectsOf(file: string): string[] {
    const document = ORIGINAL.get(file)!;
    if (isAgreement(document)) return [file];
    return [...ORIGINAL].filter(([, candidate]) => isAgreement(candidate) && model(candidate).documents.includes(document)).map(([name]) => name);
}

/** The corpus paths of the files an agreement reads: itself and what it imports. */
function closureOf(subject: string): string[] {
    const byUri = new Map([...ORIGINAL].map(([file, document]) => [document.uri.toString(), file]));
    return model(ORIGINAL.get(subject)!).documents.map(document => byUri.get(document.uri.toString())!);
}

/** The text with `length` characters at `offset` replaced. */
export function replaced(text: string, offset: number, length: number, replacement: string): string {
    return text.slice(0, offset) + replacement + text.slice(offset + length);
}

/**
 * Loads an agreement (or register) changed, with the agreements that read it, and returns each such
 * agreement's model before and after. The changed documents stay in the workspace until the next
 * call: a test is done with one version before it asks for another.
 */
export async function versions(file: string, text: string): Promise<{ subject: string; before: AgreementModel; after: AgreementModel }[]> {
    const subjects = subjectsOf(file);
    const mutated = await load({ file, text }, [...new Set(subjects.flatMap(closureOf))]);
    return subjects.map(subject => ({ subject, before: model(ORIGINAL.get(subject)!), after: model(mutated.get(subject)!) }));
}
