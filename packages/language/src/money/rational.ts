/**
 * Exact rational numbers over BigInt. Every figure that is added, compared or split (amounts,
 * percentages, weights, ratios) goes through this type or through BigInt pence; binary floating
 * point never touches money.
 */
export class Rational {
    /** Numerator; carries the sign. */
    readonly num: bigint;
    /** Denominator; always positive and coprime with the numerator. */
    readonly den: bigint;

    private constructor(num: bigint, den: bigint) {
        this.num = num;
        this.den = den;
    }

    static readonly ZERO = new Rational(0n, 1n);
    static readonly ONE = new Rational(1n, 1n);
    static readonly HUNDRED = new Rational(100n, 1n);

    static of(num: bigint | number, den: bigint | number = 1n): Rational {
        let n = BigInt(num);
        let d = BigInt(den);
        if (d === 0n) {
            throw new RangeError('Rational with a zero denominator');
        }
        if (d < 0n) {
            n = -n;
            d = -d;
        }
        const g = gcd(n < 0n ? -n : n, d);
        return g > 1n ? new Rational(n / g, d / g) : new Rational(n, d);
    }

    /**
     * An amount of pence as pounds (`pence / 100`), reduced without a general gcd: the only common
     * factors a number can share with 100 are those of its last two digits.
     */
    static ofPence(pence: bigint): Rational {
        const lastTwo = Number((pence < 0n ? -pence : pence) % 100n);
        const common = smallGcd(lastTwo, 100);
        return common === 1 ? new Rational(pence, 100n) : new Rational(pence / BigInt(common), BigInt(100 / common));
    }

    /** Parses a plain decimal such as `-12.345` (no grouping, no suffix). */
    static parseDecimal(text: string): Rational {
        const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
        if (!match) {
            throw new SyntaxError(`not a decimal number: ${text}`);
        }
        // The whole digits take part in every match; the sign and the fraction are optional.
        const [, sign, whole = '', fraction = ''] = match;
        const digits = BigInt(whole + fraction);
        return Rational.of(sign ? -digits : digits, 10n ** BigInt(fraction.length));
    }

    add(other: Rational): Rational {
        return Rational.of(this.num * other.den + other.num * this.den, this.den * other.den);
    }

    sub(other: Rational): Rational {
        return Rational.of(this.num * other.den - other.num * this.den, this.den * other.den);
    }

    mul(other: Rational): Rational {
        return Rational.of(this.num * other.num, this.den * other.den);
    }

    div(other: Rational): Rational {
        if (other.num === 0n) {
            throw new RangeError('division by zero');
        }
        return Rational.of(this.num * other.den, this.den * other.num);
    }

    neg(): Rational {
        return new Rational(-this.num, this.den);
    }

    abs(): Rational {
        return this.num < 0n ? this.neg() : this;
    }

    /** -1, 0 or 1. */
    sign(): number {
        return this.num === 0n ? 0 : this.num < 0n ? -1 : 1;
    }

    isZero(): boolean {
        return this.num === 0n;
    }

    isInteger(): boolean {
        return this.den === 1n;
    }

    compare(other: Rational): number {
        const left = this.num * other.den;
        const right = other.num * this.den;
        return left === right ? 0 : left < right ? -1 : 1;
    }

    equals(other: Rational): boolean {
        return this.num === other.num && this.den === other.den;
    }

    lt(other: Rational): boolean {
        return this.compare(other) < 0;
    }
    le(other: Rational): boolean {
        return this.compare(other) <= 0;
    }
    gt(other: Rational): boolean {
        return this.compare(other) > 0;
    }
    ge(other: Rational): boolean {
        return this.compare(other) >= 0;
    }

    /** The greatest integer not above this value. */
    floor(): bigint {
        const q = this.num / this.den;
        return this.num < 0n && q * this.den !== this.num ? q - 1n : q;
    }

    /** Rounds to the nearest integer, halves away from zero (the rule for a single figure). */
    roundHalfAwayFromZero(): bigint {
        const magnitude = this.abs();
        const twice = magnitude.num * 2n + magnitude.den;
        const rounded = twice / (magnitude.den * 2n);
        return this.num < 0n ? -rounded : rounded;
    }

    /**
     * The exact decimal expansion when it terminates within `maxPlaces`, otherwise the value rounded
     * half away from zero to `maxPlaces`; trailing zeros are dropped unless `minPlaces` asks for them.
     */
    toDecimal(maxPlaces = 10, minPlaces = 0): string {
        const scale = 10n ** BigInt(maxPlaces);
        const scaled = this.mul(Rational.of(scale)).roundHalfAwayFromZero();
        const negative = scaled < 0n;
        const digits = (negative ? -scaled : scaled).toString().padStart(maxPlaces + 1, '0');
        let whole = digits.slice(0, digits.length - maxPlaces);
        let fraction = maxPlaces > 0 ? digits.slice(digits.length - maxPlaces) : '';
        fraction = withoutTrailingZeros(fraction);
        while (fraction.length < minPlaces) {
            fraction += '0';
        }
        whole = whole.replace(/^0+(?=\d)/, '');
        const body = fraction ? `${whole}.${fraction}` : whole;
        return negative && /[1-9]/.test(body) ? `-${body}` : body;
    }

    /** True when the decimal expansion terminates within `places` digits after the point. */
    hasAtMostPlaces(places: number): boolean {
        return this.mul(Rational.of(10n ** BigInt(places))).isInteger();
    }

    toString(): string {
        return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
    }
}

/** The greatest common divisor of two small non-negative integers (`gcd(0, n)` is `n`). */
function smallGcd(a: number, b: number): number {
    while (b !== 0) [a, b] = [b, a % b];
    return a;
}

/** Integers below this are exact as a `number`, and so is their remainder. */
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The greatest common divisor of two non-negative integers (1 for two zeros). Most figures fit in
 * a `number` exactly (pence up to £90 trillion), and Euclid's steps on those need no BigInt:
 * each BigInt step allocates, and reducing the fractions of a share's split was a twentieth of a
 * keystroke's work in a 2,000-line agreement. The result is the same integer either way.
 */
export function gcd(a: bigint, b: bigint): bigint {
    while (b !== 0n) {
        if (a <= SAFE && b <= SAFE) return BigInt(smallGcd(Number(a), Number(b)) || 1);
        const rest = a % b;
        a = b;
        b = rest;
    }
    return a === 0n ? 1n : a;
}

/**
 * The exact sum. Each step adds over the least common multiple of the denominators and the sum is
 * reduced once, at the end: the same reduced fraction as adding them one by one with `add`, but
 * without reducing a growing numerator at every step (adding a share's thirty pro-rata parts,
 * each over its own denominator, did).
 */
export function sumRationals(values: Iterable<Rational>): Rational {
    let num = 0n;
    let den = 1n;
    for (const value of values) {
        if (value.den === den) {
            num += value.num;
            continue;
        }
        const common = gcd(den, value.den);
        const scale = value.den / common;
        num = num * scale + value.num * (den / common);
        den *= scale;
    }
    return Rational.of(num, den);
}

/**
 * `digits` without its trailing zeros. Not `replace(/0+$/, '')`: that pattern tries again from
 * every zero of a long run that does not end the text, which is quadratic in the run.
 */
export function withoutTrailingZeros(digits: string): string {
    let end = digits.length;
    while (end > 0 && digits.charCodeAt(end - 1) === 0x30) end--;
    return digits.slice(0, end);
}
