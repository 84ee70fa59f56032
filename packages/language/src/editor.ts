// The editor's part of the package (`@pool/language/editor`): the language server's services and
// the editor features, which load Langium's language-server code and vscode-languageserver. Kept
// out of the main entry (`index.ts`) so that a check, which needs none of it, does not load it.
export { createPoolServices, PoolModule, PoolSharedModule, type PoolServices, type PoolServiceOptions } from './services/pool-module.js';
export { formatPoolDocument, type PoolFormatResult } from './lsp/pool-formatter.js';
export { OPEN_REPORT_PREVIEW, SHOW_REPORT } from './lsp/pool-code-lenses.js';
export { selectionRanges } from './lsp/pool-selection-ranges.js';
export { SETTINGS_SECTION, type PoolInitializationOptions } from './lsp/pool-settings.js';
export { agreementTemplate, financialYearOf, type Snippet, type SnippetContext } from './lsp/pool-snippets.js';
