import { inject, type Module } from 'langium';
import {
    createDefaultModule,
    createDefaultSharedModule,
    type DefaultSharedModuleContext,
    type ExecuteCommandHandler,
    type LangiumServices,
    type LangiumSharedServices,
    type PartialLangiumServices,
    type PartialLangiumSharedServices
} from 'langium/lsp';
import { PoolChecker } from '../checks/checker.js';
import { PoolGeneratedSharedModule, PoolLanguageGeneratedModule } from '../generated/module.js';
import { PoolCodeActionProvider } from '../lsp/pool-code-actions.js';
import { PoolCodeLensProvider } from '../lsp/pool-code-lenses.js';
import { PoolCompletionProvider } from '../lsp/pool-completion-provider.js';
import { PoolDefinitionProvider } from '../lsp/pool-definition-provider.js';
import { PoolDocumentSymbolProvider } from '../lsp/pool-document-symbols.js';
import { PoolFormatter } from '../lsp/pool-formatter.js';
import { PoolHoverProvider } from '../lsp/pool-hover-provider.js';
import { PoolInlayHintProvider } from '../lsp/pool-inlay-hints.js';
import { PoolNodeKindProvider } from '../lsp/pool-node-kinds.js';
import { PoolRenameProvider } from '../lsp/pool-rename-provider.js';
import { PoolSemanticTokenProvider } from '../lsp/pool-semantic-tokens.js';
import { PoolConfigurationProvider, PoolSettings } from '../lsp/pool-settings.js';
import { PoolWorkspaceManager } from '../lsp/pool-workspace-manager.js';
import { ImportGraph } from '../model/imports.js';
import { AgreementModelProvider, AllowedSignersSource } from '../model/model-provider.js';
import { DeclarationsOnlyIndexManager } from './declarations-only-index-manager.js';
import { PoolDocumentBuilder } from './pool-document-builder.js';
import { PoolDocumentFactory } from './pool-document-factory.js';
import { PoolIndexManager } from './pool-index-manager.js';
import { PoolDocumentValidator } from './pool-document-validator.js';
import { PoolDocumentUpdateHandler } from '../lsp/pool-document-update-handler.js';
import { PoolLinker } from './pool-linker.js';
import { PoolAstNodeDescriptionProvider } from './pool-node-descriptions.js';
import { PoolReferenceDescriptionProvider } from './pool-reference-descriptions.js';
import { PoolScopeComputation } from './pool-scope-computation.js';
import { PoolScopeProvider } from './pool-scope-provider.js';
import { PoolLexer } from './pool-lexer.js';
import { createPoolParser } from './pool-parser.js';
import { PoolTokenBuilder } from './pool-token-builder.js';
import { PoolValueConverter } from './pool-value-converter.js';
import { PoolLexerErrorMessageProvider, PoolParserErrorMessageProvider } from './pool-syntax-messages.js';

/** Services Pool adds to Langium's. */
export interface PoolAddedServices {
    pool: {
        ImportGraph: ImportGraph;
        ModelProvider: AgreementModelProvider;
        Checker: PoolChecker;
        Settings: PoolSettings;
        AllowedSigners: AllowedSignersSource;
    };
}

export type PoolServices = LangiumServices & PoolAddedServices;

export const PoolModule: Module<PoolServices, PartialLangiumServices & PoolAddedServices> = {
    pool: {
        ImportGraph: services => new ImportGraph(services.shared, () => services.pool.Settings.language),
        ModelProvider: services =>
            new AgreementModelProvider(
                services.shared,
                () => services.pool.ImportGraph,
                () => services.pool.AllowedSigners
            ),
        AllowedSigners: () => new AllowedSignersSource(),
        Checker: services =>
            new PoolChecker(
                services.shared,
                () => services.pool.ModelProvider,
                () => services.pool.ImportGraph,
                () => services.pool.Settings.language
            ),
        Settings: services => new PoolSettings(services)
    },
    parser: {
        LangiumParser: services => createPoolParser(services),
        Lexer: services => new PoolLexer(services),
        TokenBuilder: () => new PoolTokenBuilder(),
        ValueConverter: () => new PoolValueConverter(),
        ParserErrorMessageProvider: services => new PoolParserErrorMessageProvider(() => services.pool.Settings.language),
        LexerErrorMessageProvider: services => new PoolLexerErrorMessageProvider(() => services.pool.Settings.language)
    },
    references: {
        ScopeProvider: services => new PoolScopeProvider(services),
        ScopeComputation: services => new PoolScopeComputation(services),
        Linker: services => new PoolLinker(services)
    },
    validation: {
        DocumentValidator: services => new PoolDocumentValidator(services)
    },
    workspace: {
        ReferenceDescriptionProvider: services => new PoolReferenceDescriptionProvider(services),
        AstNodeDescriptionProvider: services => new PoolAstNodeDescriptionProvider(services)
    },
    // The editor features (src/lsp): every figure they show is read from the model.
    lsp: {
        CompletionProvider: services => new PoolCompletionProvider(services),
        HoverProvider: services => new PoolHoverProvider(services),
        CodeActionProvider: services =>
            new PoolCodeActionProvider(
                () => services.pool.Settings.language,
                services.shared.workspace.IndexManager,
                services.shared.workspace.LangiumDocuments,
                () => services.pool.ImportGraph
            ),
        Formatter: services => new PoolFormatter(services),
        InlayHintProvider: services => new PoolInlayHintProvider(services),
        CodeLensProvider: services => new PoolCodeLensProvider(services),
        SemanticTokenProvider: services => new PoolSemanticTokenProvider(services),
        RenameProvider: services => new PoolRenameProvider(services),
        DocumentSymbolProvider: services => new PoolDocumentSymbolProvider(services),
        DefinitionProvider: services => new PoolDefinitionProvider(services)
    }
};

export const PoolSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: services => new PoolDocumentBuilder(services),
        IndexManager: services => new PoolIndexManager(services),
        LangiumDocumentFactory: services => new PoolDocumentFactory(services),
        WorkspaceManager: services => new PoolWorkspaceManager(services),
        ConfigurationProvider: services => new PoolConfigurationProvider(services)
    },
    lsp: {
        NodeKindProvider: () => new PoolNodeKindProvider(),
        DocumentUpdateHandler: services => new PoolDocumentUpdateHandler(services)
    }
};

export interface PoolServiceOptions {
    /**
     * Whether to index every reference (find references, rename, which files to re-link after an
     * edit): what an editor needs. A one-off check (the CLI) leaves it out; its diagnostics are
     * the same.
     */
    readonly referenceIndex?: boolean;
    /** The commands the server runs for its client (`workspace/executeCommand`): the platform's, since showing a report needs a place to put it. */
    readonly commands?: (shared: LangiumSharedServices) => ExecuteCommandHandler;
}

/** For a one-off check: declarations are indexed, references are not. */
const DeclarationsOnlyModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        IndexManager: services => new DeclarationsOnlyIndexManager(services)
    }
};

/**
 * Creates the services of the Pool language. With a `connection` in the context they serve a
 * language client; without one (the CLI, tests) they check and compute in-process.
 */
export function createPoolServices(
    context: DefaultSharedModuleContext,
    options: PoolServiceOptions = {}
): { shared: LangiumSharedServices; Pool: PoolServices } {
    const commands = options.commands;
    const CommandsModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = commands ? { lsp: { ExecuteCommandHandler: commands } } : {};
    const shared =
        options.referenceIndex === false
            ? inject(createDefaultSharedModule(context), PoolGeneratedSharedModule, PoolSharedModule, DeclarationsOnlyModule, CommandsModule)
            : inject(createDefaultSharedModule(context), PoolGeneratedSharedModule, PoolSharedModule, CommandsModule);
    const Pool = inject(createDefaultModule({ shared }), PoolLanguageGeneratedModule, PoolModule);
    shared.ServiceRegistry.register(Pool);
    if (!context.connection) {
        // Without a client nobody sends configuration; start with the defaults.
        void shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Pool };
}
