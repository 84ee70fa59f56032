import { defineCheck } from './check.js';

export const importNotFound = defineCheck({
    code: 'import-not-found',
    severity: 'error',
    tier: 'core',
    summary: 'An import path that does not lead to a readable `.pool` file.',
    run(model, report) {
        for (const resolved of model.imports) {
            const path = resolved.node.path ?? '';
            const message = {
                loaded: undefined,
                missing: `cannot find \`${path}\`: there is no file at that path, relative to this file`,
                folder: `\`${path}\` is a folder; import a .pool file inside it`,
                'not-pool': `\`${path}\` is not a .pool file`,
                'not-loaded': `\`${path}\` is outside the folders open in this workspace, so it is not read; open its folder too, or copy it in`,
                unreadable: `cannot read \`${path}\`: ${resolved.reason}`
            }[resolved.status];
            if (message) {
                report({ node: resolved.node, property: 'path', message });
            }
        }
    }
});
