import { type AstNode, AstUtils, CstUtils, type Grammar, GrammarAST, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, type RenameParams, ResponseError, type WorkspaceEdit } from 'vscode-languageserver';
import { relativeTo } from '../checks/describe.js';
import * as ast from '../generated/ast.js';
import { type Lang, t } from '../i18n/index.js';
import type { PoolServices } from '../services/pool-module.js';

/**
 * Rename a partner, pool, outcome or ring-fence everywhere it is used: in its own file and in every
 * file that sees it through imports (renaming a partner in a register renames it in each agreement
 * that imports the register). A new id that is not an id, or that is already declared where the
 * renamed one is visible, is refused with a message saying why, in the client's display language.
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
        const lang = this.services.pool.Settings.language;
        this.refuseInvalid(newName, lang);
        this.refuseClash(target, newName, lang);
        return super.rename(document, { ...params, newName });
    }

    private targetAt(document: LangiumDocument, params: RenameParams): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root
            ? CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp)
            : undefined;
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }

    private refuseInvalid(newName: string, lang: Lang): void {
        const tokens = this.services.parser.Lexer.tokenize(newName);
        const [token] = tokens.tokens;
        const single = tokens.errors.length === 0 && tokens.tokens.length === 1 && (tokens.hidden ?? []).length === 0 && token?.image === newName;
        if (single && (token.tokenType.name === 'ID' || this.idWords.has(token.tokenType.name))) return;
        if (single && /^[_a-zA-Z]/.test(newName)) {
            throw new ResponseError(ErrorCodes.InvalidParams, t('rename.keyword', { name: newName }, lang));
        }
        throw new ResponseError(ErrorCodes.InvalidParams, t('rename.not-an-id', { name: newName }, lang));
    }

    /** The new id must not be declared already anywhere the renamed declaration is visible. */
    private refuseClash(target: AstNode, newName: string, lang: Lang): void {
        if (ast.isRingFence(target)) {
            const clash = target.$container.ringfences.find(other => other !== target && other.name === newName);
            if (clash) throw new ResponseError(ErrorCodes.InvalidParams, t('rename.ring-fence-taken', { pool: target.$container.name, name: newName }, lang));
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
                const place = {
                    place: declaration.document.uri.toString() === home.uri.toString() ? 'here' : 'elsewhere',
                    file: relativeTo(home, declaration.document),
                    line,
                    seen: document === home ? 'this' : 'other',
                    seenFile: relativeTo(home, document)
                };
                const taken =
                    declaration.kind === 'outcome' ? 'rename.taken.outcome' : declaration.kind === 'pool' ? 'rename.taken.pool' : 'rename.taken.partner';
                throw new ResponseError(ErrorCodes.InvalidParams, t(taken, { name: newName, ...place }, lang));
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
    visit(
        grammar.rules.find(rule => rule.name === 'Id'),
        new Set()
    );
    return words;
}
