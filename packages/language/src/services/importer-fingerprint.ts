import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { type AstNode, isAstNode, isReference, type LangiumDocument } from 'langium';

/**
 * What the files importing a document can read of it, in three parts, each a SHA-256 so that a
 * register's text is not kept twice:
 *
 * - `meaning`: its syntax tree without positions (every node's type and properties in order, a
 *   reference by the name written), and its own diagnostics (severity, code and message). An
 *   importer's model, and so its checks, read nothing else of it: its names, kinds, amounts and
 *   the rest. A comment or a change of layout leaves it as it was; an amount or a name changes it.
 * - `layout`: the same tree with where each node is written. An importer's diagnostic can point
 *   into the file (a finding forwarded to the import line names the line it is on; a repeated id
 *   names the first), so for those importers a node that moves is a change.
 * - `text`: the text itself, which the fingerprint of an importer's approvals covers, comments and
 *   all.
 */
export interface ImporterFingerprint {
    readonly meaning: string;
    readonly layout: string;
    readonly text: string;
}

export function importerFingerprint(document: LangiumDocument): ImporterFingerprint {
    const meaning: string[] = [];
    const layout: string[] = [];
    const visit = (node: AstNode): void => {
        const cst = node.$cstNode;
        meaning.push(`(${node.$type}`);
        layout.push(`(${cst ? `${cst.offset}+${cst.length}` : '-'}`);
        const record = node as unknown as Record<string, unknown>;
        for (const property of Object.keys(node)) {
            if (property.startsWith('$')) continue;
            meaning.push(` ${property}=`);
            value(record[property]);
        }
        meaning.push(')');
        layout.push(')');
    };
    const value = (item: unknown): void => {
        if (isAstNode(item)) visit(item);
        else if (isReference(item)) meaning.push(`@${JSON.stringify(item.$refText)}`);
        else if (Array.isArray(item)) {
            meaning.push('[');
            for (const element of item) value(element);
            meaning.push(']');
        } else meaning.push(JSON.stringify(typeof item === 'bigint' ? `${item}n` : item) ?? 'undefined');
    };
    visit(document.parseResult.value);
    for (const diagnostic of document.diagnostics ?? []) {
        meaning.push(`\n${diagnostic.severity ?? ''} ${JSON.stringify(diagnostic.code ?? '')} ${JSON.stringify(diagnostic.message)}`);
    }
    const meaningText = meaning.join('');
    return {
        meaning: hash(meaningText),
        layout: hash(`${meaningText}\u0000${layout.join('')}`),
        text: hash(document.textDocument.getText())
    };
}

function hash(text: string): string {
    return bytesToHex(sha256(utf8ToBytes(text)));
}
