/** Edit distance between two ids, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
    const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = previous[0];
        previous[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = previous[j];
            previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
            diagonal = above;
        }
    }
    return previous[b.length];
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
