import { at } from './checked.js';

/**
 * A small seeded pseudo-random generator (mulberry32), so that a workload is the same on every
 * machine and every run for the same seed. Not for anything but test data.
 */
export class SeededRandom {
    private state: number;

    constructor(seed: number) {
        this.state = seed >>> 0;
    }

    /** The next 32-bit unsigned integer. */
    nextUint32(): number {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return (t ^ (t >>> 14)) >>> 0;
    }

    /** An integer in [min, max], both inclusive (the range must stay below 2^32). */
    int(min: number, max: number): number {
        return min + (this.nextUint32() % (max - min + 1));
    }

    /** A BigInt in [min, max], both inclusive: amounts in pence. */
    bigint(min: bigint, max: bigint): bigint {
        const span = max - min + 1n;
        const draw = (BigInt(this.nextUint32()) << 32n) | BigInt(this.nextUint32());
        return min + (draw % span);
    }

    pick<T>(items: readonly T[]): T {
        return at(items, this.int(0, items.length - 1));
    }

    /** `count` distinct items, in the order drawn. */
    sample<T>(items: readonly T[], count: number): T[] {
        const pool = [...items];
        const chosen: T[] = [];
        for (let i = 0; i < count && pool.length > 0; i++) {
            chosen.push(...pool.splice(this.int(0, pool.length - 1), 1));
        }
        return chosen;
    }
}
