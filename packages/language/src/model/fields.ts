import type { AstNode } from 'langium';

/** The keyword that starts an agreement or outcome field, for finding fields written twice. */
const FIELD_KEYWORD: Record<string, string> = {
    ReferenceField: 'reference',
    StatusField: 'status',
    VersionField: 'version',
    PeriodField: 'period',
    CurrencyField: 'currency',
    HostField: 'host',
    BoardField: 'board',
    ReviewField: 'review',
    UnitField: 'unit',
    BaselineField: 'baseline',
    TargetField: 'target',
    DirectionField: 'reduce/increase',
    MeasuredByField: 'measured by',
    Payment: 'pays',
    Cohort: 'cohort',
    ActualField: 'actual',
    AgencyField: 'agency',
    UnitSavingField: 'saving',
    CashableField: 'cashable',
    SourceField: 'source',
    PriceYearField: 'prices',
    IllustrativeField: 'illustrative',
    BenefitDuration: 'benefits last',
    DiscountField: 'discount'
};

export function fieldKeyword(node: AstNode): string {
    return FIELD_KEYWORD[node.$type] ?? node.$type;
}

export function groupByKeyword<T extends AstNode>(fields: readonly T[]): Map<string, T[]> {
    const groups = new Map<string, T[]>();
    for (const field of fields) {
        const keyword = fieldKeyword(field);
        groups.set(keyword, [...(groups.get(keyword) ?? []), field]);
    }
    return groups;
}

export function firstField<T extends AstNode>(fields: readonly AstNode[], guard: (node: unknown) => node is T): T | undefined {
    return fields.find(guard);
}
