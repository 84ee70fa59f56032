import { defineCheck } from './check.js';
import { relativeTo } from './describe.js';

export const importCycle = defineCheck({
    code: 'import-cycle',
    severity: 'error',
    tier: 'core',
    summary: 'Files that import each other in a cycle.',
    run(model, report) {
        for (const resolved of model.imports) {
            const cycle = resolved.cycle;
            if (!cycle) continue;
            const names = [model.document, ...cycle].map(doc => relativeTo(model.document, doc));
            report({
                node: resolved.node,
                property: 'path',
                message: `importing \`${resolved.node.path}\` makes a cycle: ${names.join(' → ')}; move the shared declarations to a file that imports nothing`
            });
        }
    }
});
