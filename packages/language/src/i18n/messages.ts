/**
 * Every sentence Pool shows a person, in English and in Welsh, keyed by a stable name.
 *
 * A message is a whole sentence (or a whole phrase that stands alone, like a list item) with named
 * placeholders, `{pool}`, `{amount}`: the figures are put into the sentence, never sentences glued
 * around figures, so each language can order its words as its grammar needs. Literal braces are
 * never written in a message; an example with braces is passed in as a parameter.
 *
 * Adding a message is adding a line to `en` and the same key to `cy`; the compiler refuses a key
 * missing from `cy`, and test/i18n.test.ts refuses an empty translation or one whose placeholders
 * differ from the English.
 *
 * Welsh follows the terms of the Welsh Government's public-sector usage: cyllideb gyfun (pooled
 * budget), cronfa gyfun (pooled fund), partner, arbedion (savings), blwyddyn ariannol (financial
 * year), corff lletyol (host), clustnodi (ring-fence). Amounts keep the £ and comma format.
 */

export type Lang = 'en' | 'cy';

export const LANGS: readonly Lang[] = ['en', 'cy'];

export const en = {
    // Words used inside other messages.
    'word.unknown': 'unknown',
    'word.list-and': '{rest} and {last}',
    'word.list-and-vowel': '{rest} and {last}',
    'word.list-or': '{rest} or {last}',
    'word.on-line': 'on line {line}',
    'word.in-file-on-line': 'in {file} on line {line}',
    'word.did-you-mean': '; did you mean {names}?',
    'share-kind.savings': 'savings',
    'share-kind.benefits': 'benefits',
    'share-kind.overspend': 'overspend',
    'share-kind.underspend': 'underspend',
    'declaration-kind.partner': 'partner',
    'declaration-kind.pool': 'pool',
    'declaration-kind.outcome': 'outcome',

    // Findings that come from anywhere in an agreement.
    'finding.in-import': 'in {file} on line {line}: {message}',
    'finding.in-import.related': 'the declaration this is about',
    'internal-error.model': "Pool could not compute this agreement's figures ({error}), so no checks ran; please report this with the file",
    'internal-error.check': 'the {code} check failed on this file ({error}); its findings are missing, please report this',
    'file-too-large': 'this file is {size} MiB, more than the {limit} MiB Pool reads, so it was not checked: split it into files that import a shared one',

    // Syntax: what was expected and what was found.
    'syntax.expected': '{place}expected {expected}{found}',
    'syntax.in-place': 'in {place}: ',
    'syntax.found': ', but found {found}',
    'syntax.line-ends': ', but the line ends after `{token}`',
    'syntax.not-all-input': 'did not expect {found} here: a declaration starts with agreement, import, partner, pool, spend, outcome, share or savings',
    'syntax.something-else': 'something else',
    'syntax.unclosed-quote': 'this text in quotes is not closed: add a `"` before the end of the line',
    'syntax.unexpected-characters': '`{text}` cannot be read here: it is not part of an amount, a year, an id, a percentage or text in quotes',
    'syntax.cannot-read': 'cannot read `{text}` here',
    'syntax.more-unreadable': 'and {count} more characters that cannot be read, not listed: is this really a .pool file?',
    'syntax.more-errors.one': 'and {count} more syntax error after this one, not listed: fix the first ones and check again',
    'syntax.more-errors.other': 'and {count} more syntax errors after this one, not listed: fix the first ones and check again',
    'syntax.token.STRING': 'text in double quotes, like "Manchester City Council"',
    'syntax.token.FIN_YEAR': 'a financial year, like 2013/14',
    'syntax.token.MONEY': 'an amount, like £1,200,000',
    'syntax.token.NUMBER': 'a number, like 1,500',
    'syntax.token.PERCENT': 'a percentage, like 25%',
    'syntax.token.ID': 'an id, like manchester',
    'syntax.token.DATE': 'a date, like 2014-09-30',
    'syntax.token.EOF': 'the end of the file',
    'syntax.token.open-brace': 'an opening brace `{brace}`',
    'syntax.token.close-brace': 'a closing brace `{brace}`',
    'syntax.place.Agreement': 'the agreement header',
    'syntax.place.PeriodField': 'the period (write `period 2013/14 to 2015/16`)',
    'syntax.place.HostField': 'the host (write `host` and a partner id)',
    'syntax.place.Partner': 'a partner declaration (write `partner id "Full name" kind`)',
    'syntax.place.PartnerKind': 'a partner declaration, after the full name, the kind of partner',
    'syntax.place.Import': 'an import (write `import "registers/file.pool"`)',
    'syntax.place.Pool': 'a pool',
    'syntax.place.LegalBasis': 'a legal basis (write `under section 75` or `under "…"`)',
    'syntax.place.PoolYear': "a year's contributions (each line is a partner id and an amount)",
    'syntax.place.Contribution': 'a contribution (a partner id and an amount)',
    'syntax.place.Total': 'a total (write `total £2,200,000`)',
    'syntax.place.Minimum': 'a minimum (write `minimum ccg £1,000,000 in 2015/16`)',
    'syntax.place.RingFence': 'a ring-fence (write `ringfence dfg "Disabled Facilities Grant" £500,000 in 2015/16`)',
    'syntax.place.SpendBlock': 'a spend block (write `{example}`)',
    'syntax.place.SpendLine': 'a spend line (a name in quotes and an amount)',
    'syntax.place.Outcome': 'an outcome',
    'syntax.place.BaselineField': 'a baseline (write `baseline 58 in 2012/13`)',
    'syntax.place.TargetField': 'a target (write `target 20 by 2015/16`)',
    'syntax.place.MeasuredByField': 'measured by (write `measured by` and a partner id)',
    'syntax.place.Payment': 'a payment by results (write `pays £4,000 per family up to £6,000,000`)',
    'syntax.place.PaymentSplit': 'a payment split (write `2013/14 upfront 80% results 20%`)',
    'syntax.place.Share': 'a share clause (write `{example}` or `… pro rata to contributions`)',
    'syntax.place.ShareLine': 'a share line (a partner id and a percentage)',
    'syntax.place.Reinvestment': 'a reinvestment (write `reinvest 10%`)',
    'syntax.place.Savings': 'a savings projection (write `{example}`)',
    'syntax.place.SavingsYear': "a year's projected savings",
    'syntax.place.SavingsLine': 'a projected saving (a partner id and an amount)',
    'syntax.place.Document': 'the file (declarations start with agreement, import, partner, pool, spend, outcome, share or savings)',

    // Amounts, years and quarters that cannot be read.
    'amount.negative': '`{text}` is negative: amounts in an agreement are never below zero',
    'amount.sub-penny': '`{text}` has {places} decimal places: amounts are in pounds and pence, at most two places',
    'amount.grouping': '`{text}` groups its digits wrongly: write {grouped}, with commas between groups of three',
    'amount.conflicting-currency': '`{text}` names two currencies, {symbol} by its symbol and {code} by its code',
    'amount.malformed': '`{text}` is not an amount; write amounts like £1,200,000, £1.2m or 1200000 GBP',
    'amount.other-currency': '`{text}` is in {currency} but the agreement is in {agreementCurrency}',
    'year.not-a-year': '`{text}` is not a financial year; write it like 2013/14',
    'year.two-digits': '`{text}` should be written {expected}: financial years are written with the second year in two digits',
    'year.not-consecutive': '`{text}` is not a financial year: the year after {first} is {next}, so write {expected}',
    'period.not-a-quarter': '`{text}` is not a quarter: write Q1 (April to June), Q2, Q3 or Q4 (January to March), or no quarter for the whole year',

    // The checks, in the order of the language reference.
    'total-mismatch.year': 'contributions to {pool} for {year} sum to {sum} but the total says {declared}: {gap}',
    'total-mismatch.overall': 'contributions to {pool} over all years sum to {sum} but the total says {declared}: {gap}',
    'total-mismatch.short': '{amount} short',
    'total-mismatch.over': '{amount} over',
    'total-mismatch.puts-in': '{partner} puts in {amount}',
    'overspent-pool': 'spending from {pool} in {year} is {spend} but contributions are {income}: overspent by {over}',
    'unallocated-funds': 'contributions to {pool} in {year} are {income} but spending is {spend}: {unallocated} is not allocated to any spend line',
    'shares-not-100.short': 'the share of {kind} of {subject} sums to {total}{reinvested}: {difference} short of 100%',
    'shares-not-100.over': 'the share of {kind} of {subject} sums to {total}{reinvested}: {difference} over 100%',
    'shares-not-100.reinvested': ' (including {percent} reinvested)',
    'shares-not-100.no-percentage': '{partner}: no percentage',
    'share-out-of-range.line': "{partner}'s share of {percent} is not between 0% and 100%",
    'share-out-of-range.reinvest': 'reinvesting {percent} is not between 0% and 100%',
    'unknown-reference.partner': 'no partner called `{name}` is declared in this file or its imports{hint}',
    'unknown-reference.pool': 'no pool called `{name}` is declared in this file or its imports{hint}',
    'unknown-reference.pool-or-outcome': 'no pool or outcome called `{name}` is declared in this file or its imports{hint}',
    'unknown-reference.ring-fence': 'no ring-fence called `{name}` is declared in this pool{hint}',
    'duplicate-declaration.id': '`{id}` is already declared as a {kind} {where}',
    'duplicate-declaration.first-declaration': 'first declaration of `{id}`',
    'duplicate-declaration.first-written': 'first written {where}',
    'duplicate-declaration.header': 'this file already has an agreement header',
    'duplicate-declaration.year': "{year} appears twice in pool {pool}; put all of a year's contributions in one block",
    'duplicate-declaration.ring-fence': 'ring-fence `{id}` is declared twice in pool {pool}',
    'duplicate-declaration.pool-total': 'pool {pool} declares its overall total twice',
    'duplicate-declaration.year-total': '{year} in pool {pool} declares its total twice',
    'duplicate-declaration.agreement-field': 'the agreement states its {keyword} twice; only the first is used',
    'duplicate-declaration.outcome-field': 'outcome {outcome} states its {keyword} twice; only the first is used',
    'year-outside-period': '{what}: {year} is outside the agreement period, {first} to {last}',
    'year-outside-period.contributions': 'contributions to {pool}',
    'year-outside-period.spending': 'spending from {pool}',
    'year-outside-period.minimum': 'the minimum for {partner} in {pool}',
    'year-outside-period.ring-fence': 'ring-fence {id} of {pool}',
    'year-outside-period.target': 'the target of {outcome}',
    'bad-financial-year.period-backwards': 'the period ends in {end}, before it starts in {start}',
    'target-direction.reduce': 'outcome {outcome} is to reduce, but its target {target} is not below its baseline {baseline}',
    'target-direction.increase': 'outcome {outcome} is to increase, but its target {target} is not above its baseline {baseline}',
    'target-direction.baseline': 'baseline {baseline}',
    'deadline-before-baseline': 'outcome {outcome} has its target by {target}, which is not after its baseline in {baseline}',
    'deadline-before-baseline.baseline': 'baseline in {year}',
    'missing-host.none': 'the agreement names no host: add `host` and the id of the partner that is the accountable body',
    'missing-host.not-partner': 'the host `{id}` is not a partner declared in this file or its imports{hint}',
    'import-not-found.missing': 'cannot find `{path}`: there is no file at that path, relative to this file',
    'import-not-found.folder': '`{path}` is a folder; import a .pool file inside it',
    'import-not-found.not-pool': '`{path}` is not a .pool file',
    'import-not-found.not-loaded': '`{path}` is outside the folders open in this workspace, so it is not read; open its folder too, or copy it in',
    'import-not-found.unreadable': 'cannot read `{path}`: {reason}',
    'import-cycle': 'importing `{path}` makes a cycle: {cycle}; move the shared declarations to a file that imports nothing',
    'unused-partner': 'partner {id}{fullName} is declared but takes no part in the agreement: it contributes, spends, measures and shares nothing',
    'empty-pool': 'pool {pool} has no contributions: add a year block such as `{example}`',
    'host-not-contributing': 'the host {host} holds the pooled fund {pool} but contributes nothing to it',
    'host-not-contributing.host': 'the host is named here',
    's75-party': '{id} ({name}, {kind}) contributes to the pooled fund {pool}, but a Section 75 pool is between NHS bodies and local authorities: align this money instead, or state the fund\'s legal basis with `under "…"`',
    'payment-cap-exceeded': 'meeting the target of {outcome} pays {units} × {rate} per {unit} = {payment}, above the cap of {cap} by {over}',
    'risk-cap-exceeded': 'the caps leave {uncovered} of the {covering} overspend uncovered: {capped}',
    'risk-cap-exceeded.capped': '{partner} (share {share}, cap {cap})',
    'share-without-contribution': '{partner} takes {percent} of the {kind} of {pool} but contributes nothing to it',
    'below-minimum': '{partner} contributes {paid} to {pool} in {year}, below its minimum of {required} by {short}',
    'below-minimum.minimum': 'minimum of {amount}',
    'ringfence-breached.short': 'spend lines tagged `for {id}` in {year} total {spend}, less than the {fenced} ring-fenced: {short} short',
    'ringfence-breached.spent-elsewhere': 'lines not tagged for a ring-fence in {year} spend {spend}, but only {free} of {pool} is not ring-fenced: {over} of ring-fenced money is spent on other lines',
    'ringfence-breached.ring-fence': 'ring-fence {id}: {amount}',
    's75-needs-both.no-health': '{pool} is a Section 75 pooled fund, which needs at least one NHS body and one local authority among its contributors; it has no NHS body (kind health)',
    's75-needs-both.no-council': '{pool} is a Section 75 pooled fund, which needs at least one NHS body and one local authority among its contributors; it has no local authority (kind council)',
    's75-needs-both.no-either': '{pool} is a Section 75 pooled fund, which needs at least one NHS body and one local authority among its contributors; it has no NHS body (kind health) and no local authority (kind council)',
    'pbr-split': 'in {year} the upfront {upfront} and results {results} of {outcome} sum to {total}, not 100%',
    'liability-over-contribution.cap': '{partner} could bear more than it put in: its cap of {cap} exceeds its contribution of {contributed} to {pool}',
    'liability-over-contribution.share': '{partner} could bear more than it put in: its {percent} of the {covering} overspend, {liability}, exceeds its contribution of {contributed} to {pool}',
    'wrong-pocket.clause': '{partner} bears {cost} of the costs of {pool} but its benefit share gives it only {benefit} of the savings (the wrong-pocket problem)',
    'wrong-pocket.projection': '{partner} bears {cost} of the costs of {pool} but receives {benefit} of its projected savings, and no benefit-share clause compensates it (the wrong-pocket problem)',
    'approval-stale.changed': 'the text has changed since {partner}, {approver}, approved it on {date}: this approval no longer covers it (approved {approved}…, now {current}…)',
    'approval-stale.unrecognised': '{partner}, {approver}, approved a fingerprint that Pool does not recognise (`{fingerprint}`), so this approval covers no version of the text; `pool fingerprint` prints the current one',
    'actual-outside-period': 'the actual of {outcome} for {year} is outside the agreement period, {first} to {last}',
    'earned-over-cap': 'the latest actual of {outcome} ({value} in {period}) earns {units} × {rate} per {unit} = {earned}, above the cap of {cap}; payment stops at the cap',
    'missing-field.period': 'the agreement states no period: add `period 2013/14 to 2015/16` with its first and last financial years',
    'missing-field.outcome': 'outcome {outcome} needs {missing}',
    'missing-field.direction': '`reduce` or `increase`',
    'missing-field.percentage': '{partner} has no percentage in this share; write it after the id, like `{partner} 25%`',

    // Quick fixes.
    'fix.set-total': 'Set the total to {amount}, the sum of the lines',
    'fix.write-year': 'Write {year}',
    'fix.rebalance-shares': 'Rebalance the shares in proportion to make 100%: {shares}',
    'fix.change-to': 'Change to `{name}`',
    'fix.declare-partner': 'Declare partner `{name}` in this file',
    'fix.declare-partner.comment': 'give the full name and the kind of partner',
    'fix.remove-partner': 'Remove the unused partner `{name}`',

    // The command line.
    'cli.summary.files-checked.one': '{count} file checked',
    'cli.summary.files-checked.other': '{count} files checked',
    'cli.summary.all-passed': '{files}: all checks passed',
    'cli.summary.no-problems': '{files}: no problems found',
    'cli.summary.unreadable.one': '; {count} file could not be read',
    'cli.summary.unreadable.other': '; {count} files could not be read',
    'cli.summary.errors.one': '{count} error',
    'cli.summary.errors.other': '{count} errors',
    'cli.summary.warnings.one': '{count} warning',
    'cli.summary.warnings.other': '{count} warnings',
    'cli.summary.problems.one': '{files}: {problems} in {count} file',
    'cli.summary.problems.other': '{files}: {problems} in {count} files',
    'cli.progress.checking': 'checking {done}/{total} files…',
    'cli.progress.reading': 'reading {done}/{total} files…',
    'cli.error': 'pool: {message}',
    'cli.unknown-lang': "--lang must be en (English) or cy (Cymraeg); got '{lang}'",
    'cli.unknown-lang-env': "POOL_LANG must be en (English) or cy (Cymraeg); got '{lang}'",
    'cli.internal-error': 'pool: internal error: {message}\nThis is a fault in pool, not in your files; please report it.',
    'cli.cannot-read': 'cannot read {file}: {reason}',
    'cli.no-files-match': 'no .pool files match {pattern}',
    'cli.no-files-found': 'no .pool files found in {folder}',
    'cli.not-file-or-folder': 'cannot read {path}: it is not a file or a folder',
    'cli.help-base-uri': '--help-base-uri must be an absolute URI, like https://…/docs/checks.md; got {uri}',
    'cli.diff.bad-spec': 'cannot read {spec}: no such file, and not a git revision like main:path/to/file.pool',
    'cli.diff.not-a-revision': 'cannot read {spec}: {revision} is not a revision of a git repository here',
    'cli.diff.not-in-revision': 'cannot read {spec}: there is no {file} in {revision}'
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;

type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The values a message needs: one per placeholder, checked by the compiler. */
export type MessageParams<K extends MessageKey> = { readonly [Name in Placeholders<(typeof en)[K]>]: string | number };

export const cy: Record<MessageKey, string> = {
    'word.unknown': 'anhysbys',
    'word.list-and': '{rest} a {last}',
    'word.list-and-vowel': '{rest} ac {last}',
    'word.list-or': '{rest} neu {last}',
    'word.on-line': 'ar linell {line}',
    'word.in-file-on-line': 'yn {file} ar linell {line}',
    'word.did-you-mean': "; oeddech chi'n golygu {names}?",
    'share-kind.savings': 'arbedion',
    'share-kind.benefits': 'buddion',
    'share-kind.overspend': 'gorwariant',
    'share-kind.underspend': 'tanwariant',
    'declaration-kind.partner': 'partner',
    'declaration-kind.pool': 'cronfa',
    'declaration-kind.outcome': 'canlyniad',

    'finding.in-import': 'yn {file} ar linell {line}: {message}',
    'finding.in-import.related': "y datganiad y mae hyn yn ymwneud ag ef",
    'internal-error.model': "Ni allai Pool gyfrifo ffigurau'r cytundeb hwn ({error}), felly ni redodd unrhyw wiriadau; rhowch wybod am hyn gyda'r ffeil",
    'internal-error.check': "methodd y gwiriad {code} ar y ffeil hon ({error}); mae ei ganfyddiadau ar goll, rhowch wybod am hyn",
    'file-too-large': "mae'r ffeil hon yn {size} MiB, mwy na'r {limit} MiB y mae Pool yn eu darllen, felly ni chafodd ei gwirio: rhannwch hi'n ffeiliau sy'n mewnforio ffeil gyffredin",

    'syntax.expected': '{place}disgwyliwyd {expected}{found}',
    'syntax.in-place': '{place}: ',
    'syntax.found': ', ond canfuwyd {found}',
    'syntax.line-ends': ", ond mae'r llinell yn gorffen ar ôl `{token}`",
    'syntax.not-all-input': "ni ddisgwyliwyd {found} yma: mae datganiad yn dechrau gydag agreement, import, partner, pool, spend, outcome, share neu savings",
    'syntax.something-else': 'rhywbeth arall',
    'syntax.unclosed-quote': "nid yw'r testun hwn mewn dyfynodau wedi'i gau: ychwanegwch `\"` cyn diwedd y llinell",
    'syntax.unexpected-characters': "ni ellir darllen `{text}` yma: nid yw'n rhan o swm, blwyddyn, dynodydd, canran na thestun mewn dyfynodau",
    'syntax.cannot-read': 'ni ellir darllen `{text}` yma',
    'syntax.more-unreadable': "a {count} nod arall na ellir eu darllen, heb eu rhestru: ai ffeil .pool yw hon mewn gwirionedd?",
    'syntax.more-errors.one': "a {count} gwall cystrawen arall ar ôl yr un hwn, heb ei restru: cywirwch y rhai cyntaf a gwiriwch eto",
    'syntax.more-errors.other': "a {count} gwall cystrawen arall ar ôl yr un hwn, heb eu rhestru: cywirwch y rhai cyntaf a gwiriwch eto",
    'syntax.token.STRING': 'testun mewn dyfynodau dwbl, fel "Cyngor Dinas Caerdydd"',
    'syntax.token.FIN_YEAR': 'blwyddyn ariannol, fel 2013/14',
    'syntax.token.MONEY': 'swm, fel £1,200,000',
    'syntax.token.NUMBER': 'rhif, fel 1,500',
    'syntax.token.PERCENT': 'canran, fel 25%',
    'syntax.token.ID': 'dynodydd, fel caerdydd',
    'syntax.token.DATE': 'dyddiad, fel 2014-09-30',
    'syntax.token.EOF': 'diwedd y ffeil',
    'syntax.token.open-brace': 'cromfach agor `{brace}`',
    'syntax.token.close-brace': 'cromfach cau `{brace}`',
    'syntax.place.Agreement': 'ym mhennawd y cytundeb',
    'syntax.place.PeriodField': "yn y cyfnod (ysgrifennwch `period 2013/14 to 2015/16`)",
    'syntax.place.HostField': "yn y corff lletyol (ysgrifennwch `host` a dynodydd partner)",
    'syntax.place.Partner': 'mewn datganiad partner (ysgrifennwch `partner id "Enw llawn" kind`)',
    'syntax.place.PartnerKind': "mewn datganiad partner, ar ôl yr enw llawn, y math o bartner",
    'syntax.place.Import': 'mewn mewnforyn (ysgrifennwch `import "registers/file.pool"`)',
    'syntax.place.Pool': 'mewn cronfa',
    'syntax.place.LegalBasis': 'mewn sail gyfreithiol (ysgrifennwch `under section 75` neu `under "…"`)',
    'syntax.place.PoolYear': "yng nghyfraniadau blwyddyn (mae pob llinell yn ddynodydd partner a swm)",
    'syntax.place.Contribution': "mewn cyfraniad (dynodydd partner a swm)",
    'syntax.place.Total': 'mewn cyfanswm (ysgrifennwch `total £2,200,000`)',
    'syntax.place.Minimum': 'mewn isafswm (ysgrifennwch `minimum ccg £1,000,000 in 2015/16`)',
    'syntax.place.RingFence': 'mewn clustnod (ysgrifennwch `ringfence dfg "Grant Cyfleusterau i\'r Anabl" £500,000 in 2015/16`)',
    'syntax.place.SpendBlock': 'mewn bloc gwario (ysgrifennwch `{example}`)',
    'syntax.place.SpendLine': 'mewn llinell wariant (enw mewn dyfynodau a swm)',
    'syntax.place.Outcome': 'mewn canlyniad',
    'syntax.place.BaselineField': 'mewn llinell sylfaen (ysgrifennwch `baseline 58 in 2012/13`)',
    'syntax.place.TargetField': 'mewn targed (ysgrifennwch `target 20 by 2015/16`)',
    'syntax.place.MeasuredByField': "yn y mesurydd (ysgrifennwch `measured by` a dynodydd partner)",
    'syntax.place.Payment': 'mewn taliad yn ôl canlyniadau (ysgrifennwch `pays £4,000 per family up to £6,000,000`)',
    'syntax.place.PaymentSplit': 'mewn rhaniad taliad (ysgrifennwch `2013/14 upfront 80% results 20%`)',
    'syntax.place.Share': 'mewn cymal rhannu (ysgrifennwch `{example}` neu `… pro rata to contributions`)',
    'syntax.place.ShareLine': 'mewn llinell rannu (dynodydd partner a chanran)',
    'syntax.place.Reinvestment': 'mewn ailfuddsoddiad (ysgrifennwch `reinvest 10%`)',
    'syntax.place.Savings': 'mewn rhagamcan o arbedion (ysgrifennwch `{example}`)',
    'syntax.place.SavingsYear': 'yn arbedion rhagamcanol blwyddyn',
    'syntax.place.SavingsLine': 'mewn arbediad rhagamcanol (dynodydd partner a swm)',
    'syntax.place.Document': "yn y ffeil (mae datganiadau'n dechrau gydag agreement, import, partner, pool, spend, outcome, share neu savings)",

    'amount.negative': "mae `{text}` yn negatif: nid yw symiau mewn cytundeb byth yn llai na sero",
    'amount.sub-penny': "mae gan `{text}` {places} lle degol: mae symiau mewn punnoedd a cheiniogau, dau le ar y mwyaf",
    'amount.grouping': "mae `{text}` yn grwpio ei ddigidau'n anghywir: ysgrifennwch {grouped}, gyda choma rhwng pob grŵp o dri",
    'amount.conflicting-currency': "mae `{text}` yn enwi dwy arian cyfred, {symbol} wrth ei symbol a {code} wrth ei god",
    'amount.malformed': "nid yw `{text}` yn swm; ysgrifennwch symiau fel £1,200,000, £1.2m neu 1200000 GBP",
    'amount.other-currency': "mae `{text}` mewn {currency} ond mae'r cytundeb mewn {agreementCurrency}",
    'year.not-a-year': "nid yw `{text}` yn flwyddyn ariannol; ysgrifennwch hi fel 2013/14",
    'year.two-digits': "dylid ysgrifennu `{text}` fel {expected}: ysgrifennir blynyddoedd ariannol gyda'r ail flwyddyn mewn dau ddigid",
    'year.not-consecutive': "nid yw `{text}` yn flwyddyn ariannol: y flwyddyn ar ôl {first} yw {next}, felly ysgrifennwch {expected}",
    'period.not-a-quarter': "nid yw `{text}` yn chwarter: ysgrifennwch Q1 (Ebrill i Fehefin), Q2, Q3 neu Q4 (Ionawr i Fawrth), neu ddim chwarter ar gyfer y flwyddyn gyfan",

    'total-mismatch.year': "mae'r cyfraniadau i {pool} ar gyfer {year} yn dod i gyfanswm o {sum} ond mae'r cyfanswm yn dweud {declared}: {gap}",
    'total-mismatch.overall': "mae'r cyfraniadau i {pool} dros bob blwyddyn yn dod i gyfanswm o {sum} ond mae'r cyfanswm yn dweud {declared}: {gap}",
    'total-mismatch.short': '{amount} yn brin',
    'total-mismatch.over': '{amount} yn ormod',
    'total-mismatch.puts-in': 'mae {partner} yn cyfrannu {amount}',
    'overspent-pool': "mae'r gwariant o {pool} yn {year} yn {spend} ond mae'r cyfraniadau yn {income}: gorwariant o {over}",
    'unallocated-funds': "mae'r cyfraniadau i {pool} yn {year} yn {income} ond mae'r gwariant yn {spend}: nid yw {unallocated} wedi'i ddyrannu i unrhyw linell wariant",
    'shares-not-100.short': "mae'r gyfran o {kind} {subject} yn dod i gyfanswm o {total}{reinvested}: {difference} yn brin o 100%",
    'shares-not-100.over': "mae'r gyfran o {kind} {subject} yn dod i gyfanswm o {total}{reinvested}: {difference} dros 100%",
    'shares-not-100.reinvested': " (gan gynnwys {percent} wedi'i ailfuddsoddi)",
    'shares-not-100.no-percentage': '{partner}: dim canran',
    'share-out-of-range.line': 'nid yw cyfran {partner} o {percent} rhwng 0% a 100%',
    'share-out-of-range.reinvest': 'nid yw ailfuddsoddi {percent} rhwng 0% a 100%',
    'unknown-reference.partner': "nid oes partner o'r enw `{name}` wedi'i ddatgan yn y ffeil hon nac yn ei mewnforion{hint}",
    'unknown-reference.pool': "nid oes cronfa o'r enw `{name}` wedi'i datgan yn y ffeil hon nac yn ei mewnforion{hint}",
    'unknown-reference.pool-or-outcome': "nid oes cronfa na chanlyniad o'r enw `{name}` wedi'u datgan yn y ffeil hon nac yn ei mewnforion{hint}",
    'unknown-reference.ring-fence': "nid oes clustnod o'r enw `{name}` wedi'i ddatgan yn y gronfa hon{hint}",
    'duplicate-declaration.id': "mae `{id}` eisoes wedi'i ddatgan fel {kind} {where}",
    'duplicate-declaration.first-declaration': 'datganiad cyntaf `{id}`',
    'duplicate-declaration.first-written': 'ysgrifennwyd gyntaf {where}',
    'duplicate-declaration.header': 'mae gan y ffeil hon bennawd cytundeb eisoes',
    'duplicate-declaration.year': "mae {year} yn ymddangos ddwywaith yng nghronfa {pool}; rhowch holl gyfraniadau blwyddyn mewn un bloc",
    'duplicate-declaration.ring-fence': "mae'r clustnod `{id}` wedi'i ddatgan ddwywaith yng nghronfa {pool}",
    'duplicate-declaration.pool-total': 'mae cronfa {pool} yn datgan ei chyfanswm cyffredinol ddwywaith',
    'duplicate-declaration.year-total': 'mae {year} yng nghronfa {pool} yn datgan ei gyfanswm ddwywaith',
    'duplicate-declaration.agreement-field': "mae'r cytundeb yn nodi ei `{keyword}` ddwywaith; dim ond y cyntaf a ddefnyddir",
    'duplicate-declaration.outcome-field': "mae canlyniad {outcome} yn nodi ei `{keyword}` ddwywaith; dim ond y cyntaf a ddefnyddir",
    'year-outside-period': "{what}: mae {year} y tu allan i gyfnod y cytundeb, {first} i {last}",
    'year-outside-period.contributions': 'cyfraniadau i {pool}',
    'year-outside-period.spending': 'gwariant o {pool}',
    'year-outside-period.minimum': 'yr isafswm ar gyfer {partner} yn {pool}',
    'year-outside-period.ring-fence': 'clustnod {id} yn {pool}',
    'year-outside-period.target': 'targed {outcome}',
    'bad-financial-year.period-backwards': "mae'r cyfnod yn dod i ben yn {end}, cyn iddo ddechrau yn {start}",
    'target-direction.reduce': "mae canlyniad {outcome} i fod i leihau, ond nid yw ei darged {target} yn is na'i linell sylfaen {baseline}",
    'target-direction.increase': "mae canlyniad {outcome} i fod i gynyddu, ond nid yw ei darged {target} yn uwch na'i linell sylfaen {baseline}",
    'target-direction.baseline': 'llinell sylfaen {baseline}',
    'deadline-before-baseline': "mae canlyniad {outcome} yn gosod ei darged erbyn {target}, nad yw ar ôl ei linell sylfaen yn {baseline}",
    'deadline-before-baseline.baseline': 'llinell sylfaen yn {year}',
    'missing-host.none': "nid yw'r cytundeb yn enwi corff lletyol: ychwanegwch `host` a dynodydd y partner sy'n gorff atebol",
    'missing-host.not-partner': "nid yw'r corff lletyol `{id}` yn bartner a ddatganwyd yn y ffeil hon nac yn ei mewnforion{hint}",
    'import-not-found.missing': "methu dod o hyd i `{path}`: nid oes ffeil yn y llwybr hwnnw, o'i gymharu â'r ffeil hon",
    'import-not-found.folder': 'ffolder yw `{path}`; mewnforiwch ffeil .pool sydd ynddo',
    'import-not-found.not-pool': 'nid yw `{path}` yn ffeil .pool',
    'import-not-found.not-loaded': "mae `{path}` y tu allan i'r ffolderi sydd ar agor yn y gweithle hwn, felly nid yw'n cael ei ddarllen; agorwch ei ffolder hefyd, neu copïwch ef i mewn",
    'import-not-found.unreadable': 'methu darllen `{path}`: {reason}',
    'import-cycle': "mae mewnforio `{path}` yn creu cylch: {cycle}; symudwch y datganiadau a rennir i ffeil nad yw'n mewnforio dim",
    'unused-partner': "mae partner {id}{fullName} wedi'i ddatgan ond nid yw'n cymryd rhan yn y cytundeb: nid yw'n cyfrannu, yn gwario, yn mesur nac yn rhannu dim",
    'empty-pool': 'nid oes gan gronfa {pool} unrhyw gyfraniadau: ychwanegwch floc blwyddyn fel `{example}`',
    'host-not-contributing': "mae'r corff lletyol {host} yn dal y gronfa gyfun {pool} ond nid yw'n cyfrannu dim iddi",
    'host-not-contributing.host': 'enwir y corff lletyol yma',
    's75-party': "mae {id} ({name}, {kind}) yn cyfrannu at y gronfa gyfun {pool}, ond mae cronfa Adran 75 rhwng cyrff GIG ac awdurdodau lleol: aliniwch yr arian hwn yn lle hynny, neu nodwch sail gyfreithiol y gronfa gyda `under \"…\"`",
    'payment-cap-exceeded': "mae cyrraedd targed {outcome} yn talu {units} × {rate} y {unit} = {payment}, {over} yn uwch na'r uchafswm o {cap}",
    'risk-cap-exceeded': "mae'r uchafsymiau'n gadael {uncovered} o'r gorwariant o {covering} heb ei dalu: {capped}",
    'risk-cap-exceeded.capped': '{partner} (cyfran {share}, uchafswm {cap})',
    'share-without-contribution': "mae {partner} yn cymryd {percent} o {kind} {pool} ond nid yw'n cyfrannu dim iddi",
    'below-minimum': "mae {partner} yn cyfrannu {paid} i {pool} yn {year}, {short} yn is na'i isafswm o {required}",
    'below-minimum.minimum': 'isafswm o {amount}',
    'ringfence-breached.short': "mae'r llinellau gwariant sydd wedi'u tagio `for {id}` yn {year} yn dod i gyfanswm o {spend}, llai na'r {fenced} sydd wedi'i glustnodi: {short} yn brin",
    'ringfence-breached.spent-elsewhere': "mae llinellau heb eu tagio ar gyfer clustnod yn {year} yn gwario {spend}, ond dim ond {free} o {pool} sydd heb ei glustnodi: mae {over} o arian wedi'i glustnodi yn cael ei wario ar linellau eraill",
    'ringfence-breached.ring-fence': 'clustnod {id}: {amount}',
    's75-needs-both.no-health': "mae {pool} yn gronfa gyfun Adran 75, sydd angen o leiaf un corff GIG ac un awdurdod lleol ymhlith ei chyfranwyr; nid oes ganddi gorff GIG (kind health)",
    's75-needs-both.no-council': "mae {pool} yn gronfa gyfun Adran 75, sydd angen o leiaf un corff GIG ac un awdurdod lleol ymhlith ei chyfranwyr; nid oes ganddi awdurdod lleol (kind council)",
    's75-needs-both.no-either': "mae {pool} yn gronfa gyfun Adran 75, sydd angen o leiaf un corff GIG ac un awdurdod lleol ymhlith ei chyfranwyr; nid oes ganddi gorff GIG (kind health) nac awdurdod lleol (kind council)",
    'pbr-split': "yn {year} mae'r {upfront} ymlaen llaw a'r {results} am ganlyniadau ar gyfer {outcome} yn dod i gyfanswm o {total}, nid 100%",
    'liability-over-contribution.cap': "gallai {partner} ysgwyddo mwy nag a gyfrannodd: mae ei uchafswm o {cap} yn fwy na'i gyfraniad o {contributed} i {pool}",
    'liability-over-contribution.share': "gallai {partner} ysgwyddo mwy nag a gyfrannodd: mae ei {percent} o'r gorwariant o {covering}, sef {liability}, yn fwy na'i gyfraniad o {contributed} i {pool}",
    'wrong-pocket.clause': "mae {partner} yn ysgwyddo {cost} o gostau {pool} ond dim ond {benefit} o'r arbedion y mae ei gyfran o'r buddion yn ei roi iddo (problem y boced anghywir)",
    'wrong-pocket.projection': "mae {partner} yn ysgwyddo {cost} o gostau {pool} ond yn cael {benefit} o arbedion rhagamcanol {pool}, ac nid oes cymal rhannu buddion yn ei ddigolledu (problem y boced anghywir)",
    'approval-stale.changed': "mae'r testun wedi newid ers i {partner}, {approver}, ei gymeradwyo ar {date}: nid yw'r gymeradwyaeth hon yn ei gwmpasu mwyach (cymeradwywyd {approved}…, nawr {current}…)",
    'approval-stale.unrecognised': "cymeradwyodd {partner}, {approver}, ôl bys nad yw Pool yn ei adnabod (`{fingerprint}`), felly nid yw'r gymeradwyaeth hon yn cwmpasu unrhyw fersiwn o'r testun; mae `pool fingerprint` yn argraffu'r un cyfredol",
    'actual-outside-period': "mae gwerth gwirioneddol {outcome} ar gyfer {year} y tu allan i gyfnod y cytundeb, {first} i {last}",
    'earned-over-cap': "mae gwerth gwirioneddol diweddaraf {outcome} ({value} yn {period}) yn ennill {units} × {rate} y {unit} = {earned}, sy'n uwch na'r uchafswm o {cap}; mae'r taliad yn dod i ben ar yr uchafswm",
    'missing-field.period': "nid yw'r cytundeb yn nodi cyfnod: ychwanegwch `period 2013/14 to 2015/16` gyda'i flynyddoedd ariannol cyntaf ac olaf",
    'missing-field.outcome': 'mae angen {missing} ar ganlyniad {outcome}',
    'missing-field.direction': '`reduce` neu `increase`',
    'missing-field.percentage': "nid oes canran gan {partner} yn y gyfran hon; ysgrifennwch hi ar ôl y dynodydd, fel `{partner} 25%`",

    'fix.set-total': "Gosod y cyfanswm i {amount}, swm y llinellau",
    'fix.write-year': 'Ysgrifennu {year}',
    'fix.rebalance-shares': "Ailgydbwyso'r cyfrannau yn gymesur i wneud 100%: {shares}",
    'fix.change-to': 'Newid i `{name}`',
    'fix.declare-partner': "Datgan y partner `{name}` yn y ffeil hon",
    'fix.declare-partner.comment': "rhowch yr enw llawn a'r math o bartner",
    'fix.remove-partner': "Dileu'r partner `{name}` nad yw'n cael ei ddefnyddio",

    'cli.summary.files-checked.one': 'Gwiriwyd {count} ffeil',
    'cli.summary.files-checked.other': 'Gwiriwyd {count} ffeil',
    'cli.summary.all-passed': "{files}: llwyddodd pob gwiriad",
    'cli.summary.no-problems': "{files}: ni chanfuwyd unrhyw broblemau",
    'cli.summary.unreadable.one': '; ni ellid darllen {count} ffeil',
    'cli.summary.unreadable.other': '; ni ellid darllen {count} ffeil',
    'cli.summary.errors.one': '{count} gwall',
    'cli.summary.errors.other': '{count} gwall',
    'cli.summary.warnings.one': '{count} rhybudd',
    'cli.summary.warnings.other': '{count} rhybudd',
    'cli.summary.problems.one': '{files}: {problems} mewn {count} ffeil',
    'cli.summary.problems.other': '{files}: {problems} mewn {count} ffeil',
    'cli.progress.checking': 'yn gwirio {done}/{total} ffeil…',
    'cli.progress.reading': 'yn darllen {done}/{total} ffeil…',
    'cli.error': 'pool: {message}',
    'cli.unknown-lang': "rhaid i --lang fod yn en (English) neu cy (Cymraeg); cafwyd '{lang}'",
    'cli.unknown-lang-env': "rhaid i POOL_LANG fod yn en (English) neu cy (Cymraeg); cafwyd '{lang}'",
    'cli.internal-error': "pool: gwall mewnol: {message}\nNam yn pool yw hwn, nid yn eich ffeiliau; rhowch wybod amdano.",
    'cli.cannot-read': 'methu darllen {file}: {reason}',
    'cli.no-files-match': 'nid oes ffeiliau .pool yn cyfateb i {pattern}',
    'cli.no-files-found': "ni chanfuwyd ffeiliau .pool yn {folder}",
    'cli.not-file-or-folder': "methu darllen {path}: nid yw'n ffeil nac yn ffolder",
    'cli.help-base-uri': "rhaid i --help-base-uri fod yn URI absoliwt, fel https://…/docs/checks.md; cafwyd {uri}",
    'cli.diff.bad-spec': "methu darllen {spec}: nid oes ffeil o'r fath, ac nid yw'n adolygiad git fel main:path/to/file.pool",
    'cli.diff.not-a-revision': "methu darllen {spec}: nid yw {revision} yn adolygiad o ystorfa git yma",
    'cli.diff.not-in-revision': "methu darllen {spec}: nid oes {file} yn {revision}"
};

export const CATALOGUES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, cy };

/** The message `key` in `lang`, with each `{name}` replaced by its parameter. */
export function t<K extends MessageKey>(key: K, params: MessageParams<K>, lang: Lang): string {
    // A key built at run time from text the parser could not finish (a share kind) may be none.
    const template: string = CATALOGUES[lang][key] ?? en[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = (params as Record<string, string | number | undefined>)[name];
        return value === undefined ? whole : String(value);
    });
}

/** A message to be put into words later, in whichever language the reader uses. */
export interface MessageOf<K extends MessageKey> {
    readonly key: K;
    readonly params: MessageParams<K>;
}

export type Message = { [K in MessageKey]: MessageOf<K> }[MessageKey];

export function message<K extends MessageKey>(key: K, params: MessageParams<K>): MessageOf<K> {
    return { key, params };
}

export function render(message: Message, lang: Lang): string {
    return t(message.key, message.params as MessageParams<MessageKey>, lang);
}

/** `en` or `cy` when `value` names one of them (`cy`, `cy-GB`, `CY`), otherwise undefined. */
export function parseLang(value: string | undefined): Lang | undefined {
    const primary = value?.trim().toLowerCase().split(/[-_]/)[0];
    return primary === 'en' || primary === 'cy' ? primary : undefined;
}

/** `a`, `a and b`, `a, b and c` (or `a, b a c` in Welsh). */
export function listInWords(items: readonly string[], lang: Lang, conjunction: 'and' | 'or' = 'and'): string {
    if (items.length <= 1) return items[0] ?? '';
    const rest = items.slice(0, -1).join(', ');
    const last = items[items.length - 1];
    if (conjunction === 'or') return t('word.list-or', { rest, last }, lang);
    // Welsh writes `ac`, not `a`, before a vowel.
    return t(/^[`"(]?[aeiouwyâêîôûŵŷ]/i.test(last) ? 'word.list-and-vowel' : 'word.list-and', { rest, last }, lang);
}

/** The `.one` or `.other` form of a message, by count. */
export function plural<K extends MessageKey>(count: number, one: K, other: K): K {
    return count === 1 ? one : other;
}
