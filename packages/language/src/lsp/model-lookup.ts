import type { LangiumDocument } from 'langium';
import * as ast from '../generated/ast.js';
import type {
    AgreementModel,
    AmountValue,
    OutcomeInfo,
    PoolInfo,
    PoolYearFigures,
    RingFenceInfo,
    ShareInfo,
    SavingsInfo,
    SpendBlockInfo
} from '../model/types.js';
import type { PoolServices } from '../services/pool-module.js';

/**
 * Finding the model's record of a syntax node, for the editor features that show figures. They
 * never compute a figure themselves: they look it up here and show it.
 */

export function modelOf(services: PoolServices, document: LangiumDocument): AgreementModel {
    return services.pool.ModelProvider.getModel(document as LangiumDocument<ast.Document>);
}

export function poolOf(model: AgreementModel, node: ast.Pool): PoolInfo | undefined {
    return model.pools.find(pool => pool.node === node);
}

export function outcomeOf(model: AgreementModel, node: ast.Outcome): OutcomeInfo | undefined {
    return model.outcomes.find(outcome => outcome.node === node);
}

export function shareOf(model: AgreementModel, node: ast.Share): ShareInfo | undefined {
    return model.shares.find(share => share.node === node);
}

export function savingsOf(model: AgreementModel, node: ast.Savings): SavingsInfo | undefined {
    return model.savings.find(savings => savings.node === node);
}

export function ringfenceOf(model: AgreementModel, node: ast.RingFence): RingFenceInfo | undefined {
    return poolOf(model, node.$container)?.ringfences.find(ringfence => ringfence.node === node);
}

export function amountOf(model: AgreementModel, node: ast.Amount): AmountValue | undefined {
    return model.amounts.find(amount => amount.node === node);
}

/** The figures of the pool year a year block belongs to. */
export function yearFiguresOf(model: AgreementModel, node: ast.PoolYear): PoolYearFigures | undefined {
    const pool = poolOf(model, node.$container);
    const block = pool?.blocks.find(candidate => candidate.node === node);
    return block?.year.start !== undefined ? pool?.years.get(block.year.start) : undefined;
}

/** The spend block's record, and the figures of the pool year it spends from. */
export function spendBlockOf(model: AgreementModel, node: ast.SpendBlock): { block: SpendBlockInfo; pool?: PoolInfo; figures?: PoolYearFigures } | undefined {
    for (const pool of model.pools) {
        const block = pool.spendBlocks.find(candidate => candidate.node === node);
        if (block) {
            return { block, pool, figures: block.year.start !== undefined ? pool.years.get(block.year.start) : undefined };
        }
    }
    const orphan = model.spendBlocks.find(candidate => candidate.node === node);
    return orphan ? { block: orphan } : undefined;
}

/** The sum a declared total is checked against: the year's contributions, or the pool's. */
export function totalCheckedAgainst(model: AgreementModel, node: ast.YearTotal | ast.PoolTotal): bigint | undefined {
    if (ast.isPoolTotal(node)) {
        return poolOf(model, node.$container)?.income;
    }
    return yearFiguresOf(model, node.$container)?.income;
}
