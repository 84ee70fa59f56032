import type * as ast from '../generated/ast.js';
import { listInWords, t } from '../i18n/index.js';
import { defineCheck } from './check.js';

/** What regulation 7 of the 2000 Regulations asks a section 75 partnership agreement to set out. */
const S75_TOPICS: readonly ast.S75Topic[] = ['aims', 'contributions', 'functions', 'resources', 'duration', 'review', 'termination', 'management'];

/**
 * A pooled fund under section 75 sets out each of the contents regulation 7 lists, once the
 * agreement is put to the partners (`status proposed` or `signed`): a draft may still be filling
 * them in.
 */
export const s75Contents = defineCheck({
    code: 's75-contents',
    severity: 'warning',
    tier: 'domain',
    fix: 'no-unambiguous-fix',
    run(model, report, lang) {
        const status = model.agreement?.status;
        if (status !== 'proposed' && status !== 'signed') return;
        for (const pool of model.pools) {
            if (pool.document !== model.document || pool.section !== 75 || pool.arrangement === 'aligned' || !pool.node.basis) continue;
            const written = new Set(pool.contents.map(item => item.topic));
            const missing = S75_TOPICS.filter(topic => !written.has(topic));
            if (missing.length === 0) continue;
            report({
                node: pool.node.basis,
                message: t(
                    's75-contents',
                    {
                        pool: pool.id,
                        missing: listInWords(
                            missing.map(topic => t(`s75-topic.${topic}`, {}, lang)),
                            lang
                        )
                    },
                    lang
                ),
                data: { missing }
            });
        }
    }
});
