import { DefaultConfigurationProvider, type ConfigurationInitializedParams, type LangiumSharedCoreServices } from 'langium';
import type { InitializeParams } from 'vscode-languageserver';
import type { LangiumSharedServices } from 'langium/lsp';
import { type Lang, parseLang } from '../i18n/index.js';

/** The settings section of the Pool language: `pool.strict`, `pool.inlayHints.enabled`, `pool.allowedSigners`. */
export const SETTINGS_SECTION = 'pool';

/** What a client may send in `initializationOptions`. */
export interface PoolInitializationOptions {
    /** A URI; each diagnostic then links to `${checkDocumentationBase}#${code}`. */
    readonly checkDocumentationBase?: string;
    /**
     * A command of the client's own that shows an agreement's report (the VS Code extension's
     * preview, `pool.openReportPreview`), run by the code lens over each pool with the document's
     * URI; without it the lens runs the server's `pool.showReport` through `workspace/executeCommand`.
     */
    readonly reportCommand?: string;
}

interface PoolSettingsSection {
    readonly strict?: boolean;
    readonly inlayHints?: { readonly enabled?: boolean };
    readonly allowedSigners?: unknown;
}

/**
 * What users can switch, read through Langium's ConfigurationProvider (the client's
 * `pool.*` settings), and what the client said when it started (`initializationOptions`).
 *
 * When `pool.strict` changes, every document is checked again so the published severities follow;
 * when `pool.inlayHints.enabled` changes, the client is asked to fetch inlay hints again.
 */
export class PoolSettings {
    private readonly shared: LangiumSharedCoreServices;
    private readonly lsp: LangiumSharedServices['lsp'] | undefined;
    private documentationBase: string | undefined;
    private clientReportCommand: string | undefined;
    /** The value of `pool.strict` the documents were last checked with. */
    private checkedStrict = false;
    private canRefreshInlayHints = false;
    private lang: Lang = 'en';

    /** With `lsp`, a language client's: without it (a check), the defaults and what the CLI sets. */
    constructor(shared: LangiumSharedCoreServices, lsp?: LangiumSharedServices['lsp']) {
        this.shared = shared;
        this.lsp = lsp;
        lsp?.LanguageServer.onInitialize(params => {
            const options = params.initializationOptions as PoolInitializationOptions | undefined;
            // VS Code sends its display language (`cy`, `en-gb`); anything but Welsh reads as English.
            // A client that sends none keeps the language the server was started with (`pool lsp --lang`).
            this.lang = params.locale === undefined ? this.lang : (parseLang(params.locale) ?? 'en');
            this.canRefreshInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
            this.documentationBase =
                typeof options?.checkDocumentationBase === 'string' && options.checkDocumentationBase ? options.checkDocumentationBase : undefined;
            this.clientReportCommand = typeof options?.reportCommand === 'string' && options.reportCommand ? options.reportCommand : undefined;
        });
        shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
            if (update.section === SETTINGS_SECTION) void this.settingsChanged(update.configuration as PoolSettingsSection | undefined);
        });
    }

    /**
     * The language of diagnostics, quick-fix titles and hovers: from the client's `locale` in
     * `initialize`, or set by the CLI (`--lang`) before any document is read. Messages are worded
     * when a document is parsed and checked, so it is chosen before the first document.
     */
    get language(): Lang {
        return this.lang;
    }

    setLanguage(lang: Lang): void {
        this.lang = lang;
    }

    /** `pool.strict`: warnings are published as errors, as `pool check --strict` fails on them. */
    async strict(): Promise<boolean> {
        const strict = (await this.section()).strict === true;
        this.checkedStrict = strict;
        return strict;
    }

    /** `pool.inlayHints.enabled`, on unless switched off. */
    async inlayHintsEnabled(): Promise<boolean> {
        return (await this.section()).inlayHints?.enabled !== false;
    }

    /**
     * `pool.allowedSigners`: the allowed-signers file signed approvals are checked against, as
     * written (a path relative to the workspace folder, or absolute), when it names one; the Node
     * server reads it (as `pool check --allowed-signers` does) in place of `.poolsigners`.
     */
    async allowedSigners(): Promise<string | undefined> {
        const value: unknown = await this.shared.workspace.ConfigurationProvider.getConfiguration(SETTINGS_SECTION, 'allowedSigners');
        return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
    }

    /** The client's own command that shows a report, when it named one (`initializationOptions.reportCommand`). */
    get reportCommand(): string | undefined {
        return this.clientReportCommand;
    }

    /** Where the documentation of a check code lives, when the client said so. */
    checkDocumentationHref(code: string): string | undefined {
        return this.documentationBase ? `${this.documentationBase}#${code}` : undefined;
    }

    private async section(): Promise<PoolSettingsSection> {
        const provider = this.shared.workspace.ConfigurationProvider;
        const strict = (await provider.getConfiguration(SETTINGS_SECTION, 'strict')) as boolean | undefined;
        const inlayHints = (await provider.getConfiguration(SETTINGS_SECTION, 'inlayHints')) as PoolSettingsSection['inlayHints'];
        return { strict, inlayHints };
    }

    private async settingsChanged(section: PoolSettingsSection | undefined): Promise<void> {
        if ((section?.strict === true) !== this.checkedStrict) {
            const documents = this.shared.workspace.LangiumDocuments.all.toArray();
            await this.shared.workspace.WorkspaceLock.write(token => this.shared.workspace.DocumentBuilder.build(documents, { validation: true }, token));
        }
        if (this.canRefreshInlayHints) {
            await this.lsp?.Connection?.languages.inlayHint.refresh().catch(() => undefined);
        }
    }
}

/** How long the editor has to answer `workspace/configuration` at start before the defaults apply. */
const CONFIGURATION_TIMEOUT_MS = 2000;

/**
 * Langium's configuration provider, except that it asks the client only for what the client says
 * it supports (no dynamic registration of `workspace/didChangeConfiguration` unless declared),
 * and that a client which says it serves `workspace/configuration` but fails the request, or never
 * answers it, does not leave every reader of a setting waiting forever: the defaults apply.
 */
export class PoolConfigurationProvider extends DefaultConfigurationProvider {
    private canRegisterConfigurationChanges = false;

    override initialize(params: InitializeParams): void {
        super.initialize(params);
        this.canRegisterConfigurationChanges = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    }

    override async initialized(params: ConfigurationInitializedParams): Promise<void> {
        const asked = this.canRegisterConfigurationChanges ? params : { ...params, register: undefined };
        let timer: ReturnType<typeof setTimeout> | undefined;
        const unanswered = new Promise<'unanswered'>(resolve => {
            timer = setTimeout(() => {
                resolve('unanswered');
            }, CONFIGURATION_TIMEOUT_MS);
        });
        try {
            const outcome = await Promise.race([super.initialized(asked), unanswered]);
            if (outcome === 'unanswered') {
                console.error(`Pool asked the editor for its settings and had no answer within ${String(CONFIGURATION_TIMEOUT_MS)} ms, so the defaults apply.`);
                this._ready.resolve();
            }
        } catch (error) {
            console.error(`Pool could not read the editor's settings, so the defaults apply: ${error instanceof Error ? error.message : String(error)}`);
            this._ready.resolve();
        } finally {
            clearTimeout(timer);
        }
    }
}
