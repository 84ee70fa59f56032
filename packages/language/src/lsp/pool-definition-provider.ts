import { AstUtils, CstUtils, GrammarUtils, type LangiumDocument, type MaybePromise } from 'langium';
import { DefaultDefinitionProvider } from 'langium/lsp';
import { type DefinitionParams, LocationLink } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import type { PoolServices } from '../services/pool-module.js';

/** Go to definition: from an id to its declaration (in this file or an import), and from an import's path to the file. */
export class PoolDefinitionProvider extends DefaultDefinitionProvider {
    constructor(private readonly services: PoolServices) {
        super(services);
    }

    override getDefinition(document: LangiumDocument, params: DefinitionParams): MaybePromise<LocationLink[] | undefined> {
        const root = document.parseResult.value.$cstNode;
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position)) : undefined;
        const importNode = AstUtils.getContainerOfType(leaf?.astNode, ast.isImport);
        const pathNode = importNode ? GrammarUtils.findNodeForProperty(importNode.$cstNode, 'path') : undefined;
        if (importNode && pathNode && leaf && pathNode.offset <= leaf.offset && leaf.end <= pathNode.end) {
            const target = this.services.pool.ImportGraph.resolve(document, importNode).document;
            if (!target) return undefined;
            const start = { line: 0, character: 0 };
            return [LocationLink.create(target.uri.toString(), { start, end: start }, { start, end: start }, pathNode.range)];
        }
        return super.getDefinition(document, params);
    }
}
