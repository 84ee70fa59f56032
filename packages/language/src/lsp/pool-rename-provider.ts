import { type AstNode, AstUtils, CstUtils, type Grammar, GrammarAST, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, type RenameParams, ResponseError, type WorkspaceEdit } from 'vscode-languageserver';
import { relativeTo } from '../checks/describe.js';
import * as ast from '../generated/ast.js';
import type { PoolServices } from '../services/pool-module.js';

/**
 * Rename a partner, pool, outcome or ring-fence everywhere it is used: in its own file and in every
 * file that sees it through imports (renaming a partner in a register renames it in each agreement
 * that imports the register). A new id that is not an id, or that is already declared where the
 * renamed one is visible, is refused with a message saying why.
 */
export class PoolRenameProvider extends DefaultRenameProvider {
    private readonly services: PoolServices;
    private readonly idWords: ReadonlySet<string>;

    constructor(services: PoolServices) {
        super(services);
        this.services = services;
        this.idWords = keywordsAllowedAsIds(services.Grammar);
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const target = this.targetAt(document, params);
        if (!target) return undefined;
        const oldName = (target as { name?: string }).name ?? '';
        const newName = params.newName.trim();
        if (newName === oldName) return { changes: {} };
        this.refuseInvalid(newName);
        this.refuseClash(target, newName);
        return super.rename(document, { ...params, newName });
    }

    private targetAt(document: LangiumDocument, params: RenameParams): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root ? CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp) : undefined;
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }

    private refuseInvalid(newName: string): void {
        const tokens = this.services.parser.Lexer.tokenize(newName);
        const token = tokens.tokens[0];
        const single = tokens.errors.length === 0 && tokens.tokens.length === 1 && (tokens.hidden ?? []).length === 0 && token.image === newName;
        if (single && (token.tokenType.name === 'ID' || this.idWords.has(token.tokenType.name))) return;
        if (single && /^[_a-zA-Z]/.test(newName)) {
            throw new ResponseError(ErrorCodes.InvalidParams, `\`${newName}\` cannot be an id: it is a word of the Pool language`);
        }
        throw new ResponseError(ErrorCodes.InvalidParams,
            `\`${newName}\` is not an id: an id starts with a letter or _, followed by letters, digits, _ or -, with no spaces`);
    }

    /** The new id must not be declared already anywhere the renamed declaration is visible. */
    private refuseClash(target: AstNode, newName: string): void {
        if (ast.isRingFence(target)) {
            const clash = target.$container.ringfences.find(other => other !== target && other.name === newName);
            if (clash) throw new ResponseError(ErrorCodes.InvalidParams, `pool ${target.$container.name} already has a ring-fence called \`${newName}\``);
            return;
        }
        const home = AstUtils.getDocument<ast.Document>(target);
        const graph = this.services.pool.ImportGraph;
        for (const document of this.services.shared.workspace.LangiumDocuments.all) {
            const visible = graph.closure(document as LangiumDocument<ast.Document>);
            if (!visible.some(doc => doc.uri.toString() === home.uri.toString())) continue;
            const declaration = this.services.pool.ModelProvider.getModel(document as LangiumDocument<ast.Document>).declarations.get(newName)?.[0];
            if (declaration) {
                const line = (declaration.node.$cstNode?.range.start.line ?? 0) + 1;
                const kind = declaration.kind === 'outcome' ? 'an outcome' : `a ${declaration.kind}`;
                const where = declaration.document.uri.toString() === home.uri.toString()
                    ? `on line ${line}`
                    : `in ${relativeTo(home, declaration.document)} on line ${line}, and both would be seen in ${document === home ? 'this file' : relativeTo(home, document)}`;
                throw new ResponseError(ErrorCodes.InvalidParams, `\`${newName}\` is already the id of ${kind} ${where}; choose another id`);
            }
        }
    }
}

/** Words the grammar's `Id` rule accepts besides plain ids (`police`, `pooled`, …). */
function keywordsAllowedAsIds(grammar: Grammar): Set<string> {
    const words = new Set<string>();
    const visit = (rule: GrammarAST.AbstractRule | undefined, seen: Set<string>) => {
        if (!rule || seen.has(rule.name) || !GrammarAST.isParserRule(rule)) return;
        seen.add(rule.name);
        for (const element of AstUtils.streamAllContents(rule.definition).concat([rule.definition])) {
            if (GrammarAST.isKeyword(element)) words.add(element.value);
            if (GrammarAST.isRuleCall(element)) visit(element.rule.ref, seen);
        }
    };
    visit(grammar.rules.find(rule => rule.name === 'Id'), new Set());
    return words;
}
