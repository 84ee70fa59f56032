/** Edit distance between two ids, for "did you mean" suggestions. */
function editDistance(a: string, b: string): number {
    // The table one row at a time: the distances from the first i letters of a to each start of b.
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const same = a.charAt(i - 1).toLowerCase() === b.charAt(j - 1).toLowerCase();
            current.push(Math.min(cell(previous, j) + 1, cell(current, j - 1) + 1, cell(previous, j - 1) + (same ? 0 : 1)));
        }
        previous = current;
    }
    return cell(previous, b.length);
}

/** A cell of the table; each row has b.length + 1 cells, and every index read is below that. */
function cell(row: readonly number[], index: number): number {
    const value = row[index];
    if (value === undefined) throw new RangeError(`editDistance read cell ${index} of a row of ${row.length}`);
    return value;
}

/** The closest candidates to `name`, close enough to be a likely typo, best first. */
export function closestNames(name: string, candidates: Iterable<string | undefined>, limit = 3): string[] {
    const threshold = Math.max(1, Math.floor(name.length / 3));
    // A declaration a syntax error cut short has no name to suggest.
    return [...new Set(candidates)]
        .filter((candidate): candidate is string => typeof candidate === 'string' && candidate !== '')
        .map(candidate => ({ candidate, distance: editDistance(name, candidate) }))
        .filter(({ distance, candidate }) => distance <= threshold || candidate.toLowerCase().startsWith(name.toLowerCase()))
        .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
        .slice(0, limit)
        .map(({ candidate }) => candidate);
}
