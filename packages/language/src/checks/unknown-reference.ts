import * as ast from '../generated/ast.js';
import type { AgreementModel } from '../model/types.js';
import { defineCheck } from './check.js';
import { t } from '../i18n/index.js';
import { didYouMean } from './describe.js';
import { closestNames } from './suggest.js';

type TargetKind = 'partner' | 'pool' | 'pool or outcome' | 'ring-fence' | 'stream' | 'purpose';

function targetKind(container: ast.PoolAstType[keyof ast.PoolAstType], property: string): TargetKind | undefined {
    if (ast.isSpendBlock(container) || ast.isSavings(container)) return 'pool';
    if (ast.isShare(container)) return 'pool or outcome';
    if (ast.isSpendLine(container) && property === 'ringfences') return 'ring-fence';
    if (ast.isStreamShare(container) || (ast.isContribution(container) && property === 'stream') || (ast.isSpendMinimum(container) && property === 'stream'))
        return 'stream';
    if ((ast.isSpendLine(container) && property === 'purposes') || (ast.isSpendMinimum(container) && property === 'purpose')) return 'purpose';
    if (ast.isHostField(container)) return undefined; // reported by missing-host
    return 'partner';
}

function candidates(model: AgreementModel, kind: TargetKind, container: ast.PoolAstType[keyof ast.PoolAstType]): (string | undefined)[] {
    switch (kind) {
        case 'partner':
            return [...model.partners.keys()];
        case 'pool':
            return [...model.poolsById.keys()];
        case 'pool or outcome':
            return [...model.poolsById.keys(), ...model.outcomesById.keys()];
        case 'ring-fence':
            return (poolOf(container)?.ringfences ?? []).map(ringfence => ringfence.name);
        case 'stream':
            return (poolOf(container)?.streams ?? []).map(stream => stream.name);
        case 'purpose':
            return (poolOf(container)?.purposes ?? []).map(purpose => purpose.name);
    }
}

/** The pool whose names a reference inside a pool or a spend block can see. */
function poolOf(container: ast.PoolAstType[keyof ast.PoolAstType]): ast.Pool | undefined {
    const line = ast.isStreamShare(container) ? container.$container : container;
    if (ast.isSpendLine(line)) return line.$container?.pool?.ref;
    if (ast.isContribution(container)) {
        const pool = container.$container?.$container;
        return ast.isPool(pool) ? pool : undefined;
    }
    if (ast.isSpendMinimum(container)) return container.$container;
    return undefined;
}

/** A partner, pool, outcome, ring-fence, funding stream or purpose named but not declared where it can be seen. */
export const unknownReference = defineCheck({
    code: 'unknown-reference',
    severity: 'error',
    tier: 'core',
    fix: 'quick-fix',
    run(model, report, lang) {
        for (const reference of model.document.references) {
            const info = reference.error?.info;
            if (!info) continue;
            const container = info.container as ast.PoolAstType[keyof ast.PoolAstType];
            const kind = targetKind(container, info.property);
            if (!kind) continue;
            // A partner, pool or outcome may be declared in the import that could not be read: its error is the one cause.
            if (model.importsUnread && (kind === 'partner' || kind === 'pool' || kind === 'pool or outcome')) continue;
            const name = reference.$refText;
            const near = closestNames(name, candidates(model, kind, container));
            report({
                node: info.container,
                property: info.property,
                index: info.index,
                message: t(`unknown-reference.${kind === 'pool or outcome' ? 'pool-or-outcome' : kind}`, { name, ...didYouMean(near, lang) }, lang),
                data: { kind, name, suggestions: near }
            });
        }
    }
});
