import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The language server as editors run it: the bundled server the VS Code extension ships, when it
 * is built, else the server package's own entry point. The benchmark talks to it with
 * `@pool/lsp-client`, the stdio client the tests use too.
 */
export function languageServerEntry(repo: string): string {
    const candidates = ['packages/extension/dist/server.cjs', 'packages/language-server/out/node.js'].map(file => path.join(repo, file));
    const found = candidates.find(file => existsSync(file));
    if (!found) throw new Error(`the language server is not built (looked for ${candidates.join(' and ')}); run pnpm build`);
    return found;
}
