/**
 * Reading an array or record where the benchmark itself put the value: a miss is a bug in the
 * benchmark, so it stops with the index or key instead of measuring something else.
 */
export function at<T>(items: readonly T[], index: number): T {
    const item = items[index];
    if (item === undefined) throw new RangeError(`bench: no item ${index} of ${items.length}`);
    return item;
}

export function entry<T>(record: Readonly<Record<string, T>>, key: string): T {
    const value = record[key];
    if (value === undefined) throw new RangeError(`bench: no entry ${key}`);
    return value;
}
