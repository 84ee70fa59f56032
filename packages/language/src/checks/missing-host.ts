import { defineCheck } from './check.js';
import { listInWords } from './describe.js';
import { closestNames } from './suggest.js';

/** Every agreement names its host (the accountable body), and the host is one of its partners. */
export const missingHost = defineCheck({
    code: 'missing-host',
    severity: 'error',
    tier: 'core',
    summary: 'The agreement names no host (accountable body), or names a host that is not a partner.',
    run(model, report) {
        const agreement = model.agreement;
        if (!agreement) return;
        if (!agreement.node.fields.some(field => field.$type === 'HostField')) {
            report({
                node: agreement.node,
                property: 'title',
                message: 'the agreement names no host: add `host` and the id of the partner that is the accountable body'
            });
            return;
        }
        const host = agreement.host;
        if (host && !host.node.partner?.ref) {
            const near = closestNames(host.id, model.partners.keys());
            report({
                node: host.node,
                property: 'partner',
                message: `the host \`${host.id}\` is not a partner declared in this file or its imports${near.length ? `; did you mean ${listInWords(near.map(n => `\`${n}\``))}?` : ''}`,
                data: { kind: 'partner', name: host.id, suggestions: near }
            });
        }
    }
});
