import {
    createDefaultCoreModule,
    createDefaultSharedCoreModule,
    type DefaultSharedCoreModuleContext,
    inject,
    type LangiumCoreServices,
    type LangiumSharedCoreServices,
    type Module,
    type PartialLangiumCoreServices,
    type PartialLangiumSharedCoreServices
} from 'langium';
import { PoolChecker } from '../checks/checker.js';
import { PoolGeneratedSharedModule, PoolLanguageGeneratedModule } from '../generated/module.js';
import { PoolConfigurationProvider, PoolSettings } from '../lsp/pool-settings.js';
import { ImportGraph } from '../model/imports.js';
import { AgreementModelProvider, AllowedSignersSource } from '../model/model-provider.js';
import { DeclarationsOnlyIndexManager } from './declarations-only-index-manager.js';
import { PoolDocumentBuilder } from './pool-document-builder.js';
import { PoolDocumentFactory } from './pool-document-factory.js';
import { PoolDocumentValidator } from './pool-document-validator.js';
import { PoolIndexManager } from './pool-index-manager.js';
import { PoolLinker } from './pool-linker.js';
import { PoolAstNodeDescriptionProvider } from './pool-node-descriptions.js';
import { PoolLexer } from './pool-lexer.js';
import { createPoolParser } from './pool-parser.js';
import { PoolReferenceDescriptionProvider } from './pool-reference-descriptions.js';
import { PoolScopeComputation } from './pool-scope-computation.js';
import { PoolScopeProvider } from './pool-scope-provider.js';
import { PoolLexerErrorMessageProvider, PoolParserErrorMessageProvider } from './pool-syntax-messages.js';
import { PoolTokenBuilder } from './pool-token-builder.js';
import { PoolValueConverter } from './pool-value-converter.js';

// The services a check needs (parse, link, model, checks), with no editor features: what
// `pool-module.ts` adds to these for the language server. Nothing here loads Langium's language
// server code or vscode-languageserver, so `pool check` neither reads nor runs it.

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

/** The services of a check: Langium's core services and Pool's, without the editor's. */
export type PoolCoreServices = LangiumCoreServices & PoolAddedServices;

export const PoolCoreModule: Module<PoolCoreServices, PartialLangiumCoreServices & PoolAddedServices> = {
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
        Settings: services => new PoolSettings(services.shared)
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
    }
};

export const PoolSharedCoreModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    workspace: {
        DocumentBuilder: services => new PoolDocumentBuilder(services),
        IndexManager: services => new PoolIndexManager(services),
        LangiumDocumentFactory: services => new PoolDocumentFactory(services),
        ConfigurationProvider: services => new PoolConfigurationProvider(services)
    }
};

/** For a one-off check: declarations are indexed, references are not. */
const DeclarationsOnlyModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    workspace: {
        IndexManager: services => new DeclarationsOnlyIndexManager(services)
    }
};

/**
 * Creates the services of a one-off check (the CLI): parsing, linking, the model and the checks,
 * with the index of declarations only (no references: nothing here finds references or renames,
 * and the diagnostics are the same). No language client: the settings start as their defaults.
 */
export function createPoolCoreServices(context: DefaultSharedCoreModuleContext): { shared: LangiumSharedCoreServices; Pool: PoolCoreServices } {
    const shared = inject(createDefaultSharedCoreModule(context), PoolGeneratedSharedModule, PoolSharedCoreModule, DeclarationsOnlyModule);
    const Pool = inject(createDefaultCoreModule({ shared }), PoolLanguageGeneratedModule, PoolCoreModule);
    shared.ServiceRegistry.register(Pool);
    // Without a client nobody sends configuration; start with the defaults.
    void shared.workspace.ConfigurationProvider.initialized({});
    return { shared, Pool };
}
