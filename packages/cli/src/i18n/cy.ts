// Written by scripts/move-messages.mjs from the catalogue of old, and edited by hand since: add a
// message here (English) and in the other language's file, with the same key.
/**
 * The sentences of the command line in Welsh: exactly the keys of `en.ts` (a key missing or extra
 * does not compile). Welsh follows the terms of the Welsh Government's public-sector usage:
 * cyllideb gyfun (pooled budget), cronfa gyfun (pooled fund), partner, arbedion (savings),
 * blwyddyn ariannol (financial year), corff lletyol (host), clustnodi (ring-fence). Amounts keep
 * the £ and comma format.
 */

import type { Translation } from '@pool/language';
import type { en } from './en.js';

export const cy: Translation<typeof en> = {
    // The command line.
    'cli.summary.all-passed': '{files, plural, one {Gwiriwyd # ffeil} other {Gwiriwyd # ffeil}}: llwyddodd pob gwiriad',
    'cli.summary.no-problems':
        '{files, plural, one {Gwiriwyd # ffeil} other {Gwiriwyd # ffeil}}: ni chanfuwyd unrhyw broblemau; {unreadable, plural, one {ni ellid darllen # ffeil} other {ni ellid darllen # ffeil}}',
    'cli.summary.problems':
        '{files, plural, one {Gwiriwyd # ffeil} other {Gwiriwyd # ffeil}}: {errors, plural, =0 {{warnings, plural, one {# rhybudd} other {# rhybudd}}} one {# gwall{warnings, plural, =0 {} other { a # rhybudd}}} other {# gwall{warnings, plural, =0 {} other { a # rhybudd}}}} mewn {count, plural, one {# ffeil} other {# ffeil}}{unreadable, plural, =0 {} one {; ni ellid darllen # ffeil} other {; ni ellid darllen # ffeil}}',
    'cli.progress.checking': 'yn gwirio {done}/{total} ffeil…',
    'cli.progress.reading': 'yn darllen {done}/{total} ffeil…',
    'cli.error': 'pool: {message}',
    'cli.unknown-lang': "rhaid i --lang fod yn en (English) neu cy (Cymraeg); cafwyd ''{lang}''",
    'cli.unknown-lang-env': "rhaid i POOL_LANG fod yn en (English) neu cy (Cymraeg); cafwyd ''{lang}''",
    'cli.internal-error': 'pool: gwall mewnol: {message}\nNam yn pool yw hwn, nid yn eich ffeiliau; rhowch wybod amdano.',
    'cli.source-date-epoch-invalid':
        "mae SOURCE_DATE_EPOCH yn `{value}`, nad yw'n ddyddiad: rhaid iddo fod yn nifer cyfan o eiliadau ers 1 Ionawr 1970 (er enghraifft 1764720000), neu heb ei osod ar gyfer amser y rhediad",
    'cli.could-not-check': 'methu gwirio {file}: {reason}',
    'cli.cannot-write': 'methu ysgrifennu {file}: {reason}',
    'cli.cannot-write-all': "methu ysgrifennu'r ffeiliau yn {folder}: {reason}; ni ysgrifennwyd yr un ohonynt",
    'cli.output-empty': 'mae -o angen enw ffeil (neu - ar gyfer yr allbwn safonol)',
    'cli.check.format-needs-file':
        'nid yw --format {format}= yn enwi ffeil: ysgrifennwch --format {format}=FFEIL, neu --format {format} ar gyfer yr allbwn safonol',
    'cli.check.same-output-file': 'byddai dau allbwn yn cael eu hysgrifennu i {file}: rhowch ei ffeil ei hun i bob allbwn',
    'cli.check.stdin-once': "dim ond unwaith y gellir rhoi '-' (y mewnbwn safonol)",
    'cli.check.stdin-filename-alone': "mae --stdin-filename yn enwi'r testun a ddarllenir o'r mewnbwn safonol: rhowch '-' ymhlith y llwybrau hefyd",
    'cli.check.stdin-filename-not-pool': 'rhaid i --stdin-filename enwi ffeil .pool, fel y mae cytundebau; cafwyd {file}',
    'cli.sarif.related': '{message}; gweler {related}',
    'cli.job-summary.title': 'Gwiriad Pool',
    'cli.job-summary.column.severity': 'Difrifoldeb',
    'cli.job-summary.column.file': 'Ffeil',
    'cli.job-summary.column.line': 'Llinell',
    'cli.job-summary.column.check': 'Gwiriad',
    'cli.job-summary.column.problem': 'Y broblem',
    'cli.job-summary.more':
        "{count, plural, one {Nid yw # broblem arall wedi'i rhestru yma, gan fod crynodeb swydd yn dal 1 MiB ar y mwyaf; mae'r allbynnau SARIF, JSON a thestun yn rhestru pob problem.} other {Nid yw # problem arall wedi'u rhestru yma, gan fod crynodeb swydd yn dal 1 MiB ar y mwyaf; mae'r allbynnau SARIF, JSON a thestun yn rhestru pob problem.}}",
    'cli.no-files-match': 'nid oes ffeiliau .pool yn cyfateb i {pattern}',
    'cli.no-files-found': 'ni chanfuwyd ffeiliau .pool yn {folder}',
    'cli.not-file-or-folder': "methu darllen {path}: nid yw'n ffeil nac yn ffolder",
    'cli.help-base-uri': 'rhaid i --help-base-uri fod yn URI absoliwt, fel https://…/docs/checks.md; cafwyd {uri}',
    'cli.diff.bad-spec': "methu darllen {spec}: nid oes ffeil o'r fath, ac nid yw'n adolygiad git fel main:path/to/file.pool",
    'cli.diff.not-a-revision': 'methu darllen {spec}: nid yw {revision} yn adolygiad o ystorfa git yma',
    'cli.diff.not-in-revision': 'methu darllen {spec}: nid oes {file} yn {revision}',
    'cli.diff.needs-two': 'mae pool diff angen dau fersiwn (HEN NEWYDD), neu --approved ac un ffeil',
    'cli.diff.approved-one-file': 'mae pool diff --approved yn cymryd un ffeil: y cytundeb fel y mae nawr',
    'cli.diff.approved-not-revision': 'mae pool diff --approved yn cymryd ffeil ar ddisg, nid adolygiad: {spec}',
    'cli.diff.no-approvals': "nid yw {spec} yn cofnodi unrhyw gymeradwyaethau, felly nid oes fersiwn gymeradwy i'w chymharu â hi",
    'cli.diff.not-in-git': 'methu dod o hyd i fersiwn gymeradwy {spec}: nid yw mewn ystorfa git, felly ni ellir darllen ei hanes',
    'cli.diff.no-approved-commit':
        "methu dod o hyd i fersiwn gymeradwy {spec}: nid oes unrhyw gomit yn ei hanes git â'r testun y mae ei chymeradwyaethau yn ei gofnodi ({fingerprints})",
    'cli.diff.approved-by': '{partner} ({approver}) ar {date}',
    'cli.diff.as-approved-label': "{file} fel y'i cymeradwywyd ({commit})",
    'cli.diff.as-approved': "Mae testun {spec} fel y'i cymeradwywyd gan {approvals}: dim newidiadau ers hynny.",
    'cli.diff.no-changes': 'Dim newidiadau rhwng {from} a {to}.',
    'cli.diff.changes-from': 'Newidiadau o {from} i {to}:',
    'cli.diff.title': 'Newidiadau i {title}',
    'cli.diff.from-to': 'O {from} i {to}.',
    'cli.diff.nothing-changed': "Dim newidiadau i'r partneriaid, y cyfraniadau, y gwariant, y cyfrannau na'r canlyniadau.",
    'cli.diff.heading.contributions': 'Cyfraniadau',
    'cli.diff.heading.all-changes': 'Pob newid',
    'cli.diff.caption': "Cyfraniadau sy'n newid, fesul partner, cronfa a blwyddyn",
    'cli.diff.heading.worth': 'Gwerth y newidiadau',
    'cli.diff.heading.approvals': "Cymeradwyaethau i'w rhoi eto",
    'cli.diff.heading.introduced': "Problemau y mae'r newidiadau yn eu cyflwyno",
    'cli.diff.heading.resolved': "Problemau y mae'r newidiadau yn eu datrys",
    'cli.diff.place-before': 'roedd yn {place}',
    'cli.diff.finding': '{place}: {severity, select, error {gwall [{code}]: {message}} other {rhybudd [{code}]: {message}}}',
    'cli.diff.unparseable':
        "methu cymharu {label}: mae ganddo wallau cystrawen ({count}), a byddai cymhariaeth o'r hyn y gellid ei ddarllen yn dangos y gweddill fel pe bai wedi'i dynnu; trwsiwch nhw a chymharwch eto",
    'cli.diff.not-loaded': "nid oedd modd llwytho'r ffeil",
    'cli.diff.column.before': 'Cyn',
    'cli.diff.column.after': 'Ar ôl',
    'cli.diff.column.difference': 'Gwahaniaeth',
    // `pool --help`: what each command and option does.
    'cli.help.title.usage': 'Defnydd:',
    'cli.help.title.arguments': 'Dadleuon:',
    'cli.help.title.options': 'Opsiynau:',
    'cli.help.title.global-options': 'Opsiynau cyffredinol:',
    'cli.help.title.commands': 'Gorchmynion:',
    'cli.help.choices': 'dewisiadau: {choices}',
    'cli.help.default': 'rhagosodiad: {value}',
    'cli.help.help-option': 'dangos cymorth ar gyfer y gorchymyn',
    'cli.help.help-command': 'dangos cymorth ar gyfer gorchymyn',
    'cli.help.program': "Gwirio cytundebau cyllideb gyfun wedi'u hysgrifennu yn iaith Pool.",
    'cli.help.version': 'argraffu fersiwn pool',
    'cli.help.lang': 'iaith y negeseuon: en (English) neu cy (Cymraeg); y rhagosodiad yw $POOL_LANG, neu en',
    'cli.help.paths': 'ffeiliau .pool, ffolderi (a chwilir drwyddynt, gan ddilyn .poolignore) neu batrymau glob',
    'cli.help.output': "ysgrifennu i'r ffeil hon (ar gyfer ffolder: y ffolder hwn) yn lle'r allbwn safonol",
    'cli.help.check': 'gwirio cytundebau a rhoi gwybod am bob problem a ganfyddir',
    'cli.help.check.paths':
        "ffeiliau .pool, ffolderi (wedi'u chwilio'n ailadroddus, gan barchu .poolignore), patrymau glob, neu - i ddarllen cytundeb o'r mewnbwn safonol",
    'cli.help.check.format':
        'allbwn: text i bobl; json, sarif (sganio cod), github (anodiadau Actions), summary (crynodeb swydd Markdown), junit (GitLab, Azure, Jenkins) neu codequality (ceisiadau uno GitLab) i beiriannau. Mae FFORMAT=FFEIL yn ei ysgrifennu i ffeil; rhowch --format unwaith ar gyfer pob allbwn',
    'cli.help.check.strict': 'trin rhybuddion fel gwallau (gadael gyda 1 pan fo rhai)',
    'cli.help.check.quiet': "rhoi gwybod dim ond am y problemau sy'n methu'r rhediad (gwallau, a rhybuddion gyda --strict), heb y llinell gyfrif olaf",
    'cli.help.check.stdin-filename':
        "gyda -, enw'r ffeil i wirio'r mewnbwn safonol fel pe bai: fe'i dangosir mewn negeseuon, a chanfyddir mewnforion o'i ffolder",
    'cli.help.check.force-exclude': 'cymhwyso .poolignore i ffeiliau a enwir fesul un hefyd, fel y mae bachau pre-commit a golygyddion yn eu henwi',
    'cli.help.check.allowed-signers':
        "y ffeil llofnodwyr a ganiateir (fel y mae git ac ssh-keygen yn ei darllen; pob prif enw yn id partner) y gwirir cymeradwyaethau wedi'u llofnodi yn ei herbyn; yn ddiofyn .poolsigners yn ffolder y cytundeb neu'r agosaf uwch ei ben",
    'cli.help.check.help-base-uri': 'lle cyhoeddir y cyfeirlyfr gwiriadau, ar gyfer dolenni cymorth yn allbwn SARIF',
    'cli.help.check.after':
        "Statws gadael: 0 dim gwallau (mae rhybuddion yn unig yn pasio oni bai am --strict), 1 canfuwyd gwallau, 2 gwall defnydd neu I/O.\n\nEnghreifftiau:\n  pool check examples                       gwirio pob ffeil .pool mewn ffolder\n  pool check 'agreements/**/*.pool'         glob, wedi'i ehangu gan pool\n  pool check --strict --format sarif . > pool.sarif\n  pool check --format sarif=pool.sarif --format github --format summary=summary.md .\n  cat agreement.pool | pool check --stdin-filename agreement.pool -",
    'cli.help.diff': 'dweud mewn iaith glir beth a newidiodd rhwng dau fersiwn o gytundeb',
    'cli.help.diff.old':
        'y fersiwn cynharach: ffeil .pool, neu adolygiad git a llwybr fel main:agreements/gm.pool (gyda --approved: y cytundeb fel y mae nawr)',
    'cli.help.diff.new': 'y fersiwn diweddarach, yn yr un ffurfiau',
    'cli.help.diff.format': 'fformat yr allbwn: text, md (Markdown ar gyfer papur bwrdd), html (tudalen hunangynhwysol) neu json',
    'cli.help.diff.exit-code': 'gadael gyda 1 pan fo newidiadau, fel y mae git diff --exit-code yn ei wneud',
    'cli.help.diff.approved': "cymharu un cytundeb â'r fersiwn olaf a gymeradwywyd gan ei bartneriaid (a geir yn hanes git drwy'r ôl bys a gofnodwyd ganddynt)",
    'cli.help.fmt': "fformatio cytundebau yn eu lle, fel y mae'r golygydd yn eu fformatio (heb newid byth yr hyn a ddywedant)",
    'cli.help.fmt.check': "newid dim; rhestru'r ffeiliau a fyddai'n cael eu hailfformatio a gadael gyda 1 os oes rhai",
    'cli.help.fmt.after':
        "Dim ond bylchau, toriadau llinell a sillafiad symiau sy'n newid (mae £1200000 yn dod yn £1,200,000);\nnid yw'r ffigurau a gyfrifir byth yn newid. Gadewir llonydd i ffeiliau â gwallau cystrawen, ac i\nffeiliau y mae partneriaid wedi cymeradwyo eu testun fel y mae.\n\nStatws gadael: 0 wedi'u fformatio (gyda --check: dim i'w newid), 1 byddai ffeiliau'n newid (--check)\nneu ni ellid eu fformatio, 2 gwall defnydd neu I/O.\n\nEnghreifftiau:\n  pool fmt agreements                       fformatio pob ffeil .pool mewn ffolder, yn ei lle\n  pool fmt --check .                        mewn CI: methu os nad yw unrhyw ffeil wedi'i fformatio",
    'cli.help.report': "ysgrifennu adroddiad ar gytundeb i'r bobl sy'n ei lofnodi: Markdown, HTML neu PDF",
    'cli.help.report.file': 'y cytundeb (ffeil .pool); darllenir ei fewnforion hefyd',
    'cli.help.report.format': 'md, html (un dudalen hunangynhwysol) neu pdf',
    'cli.help.report.output': "ysgrifennu i'r ffeil hon (gyda --each-partner: y ffolder hwn) yn lle'r allbwn safonol",
    'cli.help.report.partner': "datganiad ar gyfer un partner: yr hyn y mae'n ei dalu i mewn, yn ei gael ac yn ei ysgwyddo",
    'cli.help.report.each-partner': 'un datganiad i bob partner, yn y ffolder a roddir gyda -o',
    'cli.help.report.after':
        "Statws gadael: 0 wedi'i ysgrifennu, dim gwallau yn y cytundeb; 1 wedi'i ysgrifennu, ond mae gwallau yn\ny cytundeb (mae'r adroddiad yn eu rhestru); 2 gwall defnydd neu I/O (dim wedi'i ysgrifennu).\n\nMae'r adroddiad wedi'i ddyddio gan SOURCE_DATE_EPOCH (eiliadau ers 1970) pan fydd wedi'i osod, fel arall\npan gaiff ei wneud; gydag ef wedi'i osod, mae'r un cytundeb yn rhoi'r un beitiau.\n\nEnghreifftiau:\n  pool report agreement.pool -o report.html\n  pool report agreement.pool --format pdf -o report.pdf\n  pool report agreement.pool --format md --partner manchester > manchester.md\n  pool report agreement.pool --format pdf --each-partner -o statements/",
    'cli.help.generate': 'cynhyrchu allbwn y gall peiriannau ei ddarllen o gytundebau',
    'cli.help.generate.json':
        "y cytundeb cyfan gyda'i fewnforion fel JSON: datganiadau gyda'u hystodau yn y ffynhonnell, pob ffigur a gyfrifir, pob diagnostig",
    'cli.help.generate.json.path': "ffeil .pool, neu ffolder (un ffeil JSON i bob ffeil .pool, wedi'i hysgrifennu o dan -o FFOLDER)",
    'cli.help.fingerprint': "argraffu ôl bys testun cytundeb (gyda'i fewnforion), fel y mae cymeradwyaethau'n ei gofnodi",
    'cli.help.fingerprint.file': 'y cytundeb',
    'cli.help.verify': "dweud a yw adroddiad (Markdown, HTML, PDF neu JSON) yn union yr hyn y mae Pool yn ei wneud o'i gytundeb",
    'cli.help.verify.report': 'yr adroddiad',
    'cli.help.verify.sources':
        "y cytundeb y'i gwnaed ohono (rhagosodiad: y llwybr y mae'r adroddiad yn ei gofnodi), yna, os mynnwch, ffeiliau y mae'n eu mewnforio",
    'cli.help.verify.after':
        "Mae Pool yn gwneud yr adroddiad eto o'r cytundeb, fel y mae'r adroddiad yn cofnodi y'i gwnaed (iaith,\npartner, dyddiad, fersiwn), ac yn cymharu'r beitiau: mae newid i unrhyw nod yn y cytundeb neu yn\nyr adroddiad, gan gynnwys ei ôl bys, yn anghyfatebiaeth.\n\nStatws gadael: 0 mae'r adroddiad yn cyfateb; 1 nid yw'n cyfateb; 2 methu dweud (ni ellir darllen ffeil,\nnid yw'r adroddiad yn cofnodi dim, nid yw'n adroddiad, neu fersiwn arall o Pool a'i gwnaeth).\n\nEnghreifftiau:\n  pool verify report.pdf\n  pool verify report.html agreements/gm.pool",
    'cli.verify.matches': "mae {report} yn cyfateb i {source}: dyma'n union yr adroddiad y mae Pool yn ei wneud ohono (ôl bys {fingerprint})",
    'cli.verify.source-changed': 'nid yw {report} yn cyfateb i {source}: mae {file} wedi newid ers gwneud yr adroddiad',
    'cli.verify.report-changed':
        "nid yw {report} yn cyfateb i {source}: mae'r ffynonellau fel y mae'r adroddiad yn eu cofnodi, ond nid yr adroddiad yw'r hyn y mae Pool yn ei wneud ohonynt, felly mae wedi'i newid ers ei wneud",
    'cli.verify.no-record':
        "methu dweud a yw {report} yn cyfateb i'w gytundeb: nid yw'n cofnodi sut y'i gwnaed (adroddiad a wnaed gan Pool hŷn neu gan y golygydd, neu nid adroddiad gan Pool)",
    'cli.verify.unknown-format': 'methu dweud: nid yw {report} yn adroddiad Markdown, HTML, PDF neu JSON gan Pool',
    'cli.verify.other-version':
        "methu dweud a yw {report} yn cyfateb: fe'i gwnaed gan pool {recorded} a dyma pool {version}; gwnewch ef eto, neu gwiriwch ef gyda'r fersiwn honno",
    'cli.verify.not-a-source': "methu dweud: nid yw {file} yn un o'r ffeiliau y mae {source} wedi'i wneud ohonynt (ef a'r ffeiliau y mae'n eu mewnforio)",
    'cli.verify.no-history':
        'methu dweud a yw {report} yn cyfateb i {source}: mae ei atodiad yn rhestru’r newidiadau ers y fersiwn gymeradwy ddiwethaf fel y’i canfuwyd yn hanes git, ac nid yw {source} mewn ystorfa git yma',
    'cli.verify.commit-missing':
        'methu dweud a yw {report} yn cyfateb i {source}: mae ei atodiad yn rhestru’r newidiadau ers y fersiwn gymeradwy yng nghofnod {commit}, nad yw yn yr hanes git yma',
    'cli.verify.history-appeared':
        'nid yw {report} yn cyfateb i {source}: gwnaed ei atodiad lle nad oedd y cytundeb mewn ystorfa git, ac mae’r hanes git yma yn rhoi {found, select, none {dim fersiwn gymeradwy} other {y fersiwn gymeradwy yng nghofnod {found}}}',
    'cli.verify.approved-version-moved':
        'nid yw {report} yn cyfateb i {source}: mae ei atodiad yn cymharu â {recorded, select, none {dim fersiwn gymeradwy} other {y fersiwn gymeradwy yng nghofnod {recorded}}}, ond {found, select, none {nid oes fersiwn gymeradwy ddiwethaf yn yr hanes git bellach} other {cofnod {found} yw’r fersiwn gymeradwy ddiwethaf yn yr hanes git bellach}}',
    'cli.help.approve': "llofnodi cytundeb fel y mae ar ran partner gyda'ch allwedd SSH (ssh-keygen), a chofnodi'r gymeradwyaeth wedi'i llofnodi ynddo",
    'cli.help.approve.file': 'y cytundeb',
    'cli.help.approve.partner': "dynodydd y partner sy'n cymeradwyo, fel y mae'r cytundeb yn ei ddatgan",
    'cli.help.approve.role': 'rôl y person sy\'n cymeradwyo, er enghraifft "Prif Weithredwr" neu "Swyddog Adran 151"',
    'cli.help.approve.name': 'enw\'r person sy\'n cymeradwyo, a gofnodir cyn y rôl: "J Smith, Prif Weithredwr"',
    'cli.help.approve.key': 'yr allwedd SSH ed25519 breifat i lofnodi â hi, un heb gyfrinymadrodd (mae ssh-keygen -t ed25519 yn gwneud un)',
    'cli.help.approve.date': "dyddiad y gymeradwyaeth (rhagosodiad: diwrnod SOURCE_DATE_EPOCH pan fo wedi'i osod, fel arall heddiw)",
    'cli.help.approve.force': "llofnodi eto pan fo'r partner a'r cymeradwywr hwn eisoes wedi cymeradwyo'r testun fel y mae",
    'cli.help.approve.after':
        "Mae'r gymeradwyaeth yn cofnodi'r partner, y cymeradwywr (y rôl, neu ENW, RÔL), y dyddiad, ôl bys y\ncytundeb a llofnod SSH dros y pedwar, a wneir gan ssh-keygen -Y sign -n pool. Mae'n mynd i floc\napprovals y cytundeb (a wneir os nad oes un), yn lle cymeradwyaeth y partner a'r cymeradwywr hwn o\ndestun cynharach; mae pool check yn ei gwirio yn erbyn ffeil llofnodwyr a ganiateir.\n\nStatws gadael: 0 wedi'i chofnodi; 1 heb ei chofnodi (mae gwallau yn y cytundeb, neu mae'r partner a'r\ncymeradwywr hwn eisoes wedi'i gymeradwyo fel y mae); 2 gwall defnydd neu I/O (partner anhysbys,\nallwedd neu ssh-keygen na all lofnodi, ffeil na ellir ei darllen na'i hysgrifennu). Gadewir y ffeil\nfel yr oedd oni bai am 0.\n\nEnghreifftiau:\n  pool approve gm.pool --partner council --role \"Prif Weithredwr\" --key ~/.ssh/id_ed25519\n  pool approve gm.pool --partner nhs --name \"J Smith\" --role \"Prif Swyddog Cyllid\" --key signing_key",
    'cli.approve.recorded': "{file}: cofnodwyd cymeradwyaeth {partner} gan {approver} ar {date}, wedi'i llofnodi gyda {key} (ôl bys {fingerprint})",
    'cli.approve.replaced':
        "{file}: cofnodwyd cymeradwyaeth {partner} gan {approver} ar {date}, wedi'i llofnodi gyda {key} (ôl bys {fingerprint}), yn lle eu cymeradwyaeth gynharach",
    'cli.approve.has-errors':
        '{count, plural, one {ni chymeradwywyd {file}: mae ganddo # gwall, a dim ond heb wallau y cymeradwyir cytundeb (mae pool check {file} yn ei ddangos)} other {ni chymeradwywyd {file}: mae ganddo # gwall, a dim ond heb wallau y cymeradwyir cytundeb (mae pool check {file} yn eu dangos)}}',
    'cli.approve.unknown-partner': 'nid oes gan {file} bartner {partner}: ei bartneriaid yw {partners}',
    'cli.approve.unknown-partner.suggest': "nid oes gan {file} bartner {partner}; oeddech chi'n golygu {suggestion}?",
    'cli.approve.already-approved': "cymeradwyodd {partner} ({approver}) {file} fel y mae ar {date}, felly ni newidiwyd dim; rhowch --force i'w lofnodi eto",
    'cli.approve.bad-date': "rhaid i --date fod yn ddiwrnod wedi'i ysgrifennu BBBB-MM-DD, fel 2026-12-03; cafwyd {value}",
    'cli.approve.empty-option': 'ni chaiff {option} fod yn wag',
    'cli.approve.no-ssh-keygen': 'methu llofnodi: ni chanfuwyd ssh-keygen (rhan o OpenSSH) ar y PATH; gosodwch OpenSSH a rhowch gynnig arall arni',
    'cli.approve.key-unreadable': 'methu llofnodi gyda {key}: {reason}',
    'cli.approve.not-a-file': "nid yw'n ffeil",
    'cli.approve.key-passphrase':
        "methu llofnodi gyda {key}: fe'i diogelir gan gyfrinymadrodd, na all pool approve ofyn amdano; llofnodwch gydag allwedd heb un",
    'cli.approve.key-unusable': 'methu llofnodi gyda {key}: ni all ssh-keygen ei defnyddio ({reason})',
    'cli.approve.key-not-ed25519':
        'methu llofnodi gyda {key}: ei math yw {type}, a dim ond llofnodion ed25519 y mae Pool yn eu gwirio (mae ssh-keygen -t ed25519 yn gwneud un)',
    'cli.approve.sign-failed': 'methu llofnodi gyda {key}: methodd ssh-keygen ({reason})',
    'cli.approve.changed-on-disk': "newidiodd {file} ar y ddisg tra oedd yn cael ei gymeradwyo; fe'i gadawyd fel y mae nawr, felly rhedwch pool approve eto",
    'cli.help.lsp': 'cychwyn y gweinydd iaith, i olygydd siarad ag ef (mewnbwn ac allbwn safonol oni ddywedir fel arall)',
    'cli.help.lsp.stdio': 'siarad dros fewnbwn ac allbwn safonol (y rhagosodiad)',
    'cli.help.lsp.socket': "cysylltu â'r golygydd sy'n gwrando ar y porth TCP hwn ar y peiriant hwn",
    'cli.help.lsp.pipe': "cysylltu â'r golygydd sy'n gwrando ar y bibell enwol hon (llwybr soced Unix)",
    'cli.help.lsp.node-ipc': 'siarad dros sianel IPC Node.js (golygydd a gychwynnodd y broses hon gyda fork Node)',
    'cli.help.lsp.client-process-id': "stopio pan fydd y golygydd â'r rhif proses hwn yn stopio",
    'cli.lsp.one-transport': 'Mae pool lsp yn siarad dros un sianel: dewiswch un o --stdio, --socket, --pipe a --node-ipc.',
    'cli.lsp.bad-port': 'Mae angen rhif porth TCP o 1 i 65535 ar --socket, nid {port}.',
    'cli.reason.not-pool-file': "nid yw'n ffeil .pool",
    'cli.report.partner-or-each': 'defnyddiwch naill ai --partner ID neu --each-partner, nid y ddau',
    'cli.report.each-needs-folder': 'mae --each-partner yn ysgrifennu un ffeil i bob partner: rhowch ffolder gyda -o',
    'cli.report.pdf-needs-file': 'mae PDF yn cael ei ysgrifennu i ffeil: rhowch un gyda -o, fel -o report.pdf',
    'cli.report.output-is-folder': 'ffolder yw {output}; rhowch enw ffeil gyda -o, fel -o {example}',
    'cli.report.no-such-partner': 'nid oes partner {partner} yn {file}; ei bartneriaid yw {partners}',
    'cli.report.no-partners': 'dim',
    'cli.report.wrote-statements': 'ysgrifennwyd {count} datganiad partner i {folder}',
    'cli.json.folder-needs-output': 'ffolder yw {target}: rhowch ffolder ar gyfer y ffeiliau JSON gyda -o',
    'cli.json.wrote-files': 'ysgrifennwyd {count} ffeil JSON i {folder}',
    // The command line's own errors (pool-command.ts), found by commander while it reads the arguments.
    'cli.commander.unknown-option': "opsiwn anhysbys ''{option}''",
    'cli.commander.unknown-option.suggest': "opsiwn anhysbys ''{option}''; oeddech chi'n golygu {suggestion}?",
    'cli.commander.option-takes-no-value': "nid yw {option} yn cymryd gwerth; cafwyd ''{given}''",
    'cli.commander.unknown-command': "gorchymyn anhysbys ''{command}''; y gorchmynion yw {commands}",
    'cli.commander.unknown-command.suggest': "gorchymyn anhysbys ''{command}''; oeddech chi'n golygu {suggestion}?",
    'cli.commander.missing-argument': "mae'r ddadl {argument} ar goll; defnydd: {usage}",
    'cli.commander.missing-option-value': 'mae angen gwerth ar {option}',
    'cli.commander.missing-required-option': 'mae angen {option} ar pool {command}',
    'cli.commander.missing-option-value.choices': 'mae angen gwerth ar {option}: {choices}',
    'cli.commander.invalid-choice': "rhaid i {option} fod yn {choices}; cafwyd ''{value}''",
    'cli.commander.too-many-arguments':
        '{expected, plural, one {gormod o ddadleuon: mae pool {command} yn cymryd # ddadl, ond cafwyd {got}} other {gormod o ddadleuon: mae pool {command} yn cymryd # dadl ar y mwyaf, ond cafwyd {got}}}',
    'cli.commander.other': 'ni allai pool ddarllen ei ddadleuon ({code}); gweler pool --help',
    'fmt.left-as-is': "{file}: wedi'i gadael fel y mae: {reason}",
    'fmt.not-formatted': '{file}: heb ei fformatio: {reason}',
    'fmt.changed-on-disk': "pool: newidiodd {file} ar y ddisg tra oedd yn cael ei fformatio; fe'i gadawyd fel y mae nawr",
    'fmt.formatted': 'fformatiwyd {file}',
    'fmt.cannot-write': 'pool: methu ysgrifennu {file}: {reason}',
    'fmt.check.clean': "{count, plural, one {Gwiriwyd # ffeil: mae pob un wedi'i fformatio} other {Gwiriwyd # ffeil: mae pob un wedi'i fformatio}}",
    'fmt.check.unformattable':
        '{count, plural, one {Gwiriwyd # ffeil: ni ellid fformatio {unformattable}} other {Gwiriwyd # ffeil: ni ellid fformatio {unformattable}}}',
    'fmt.check.would-change':
        "{changed, plural, one {Byddai # o {total, number} ffeil yn cael ei hailfformatio; rhedwch pool fmt i'w fformatio} other {Byddai # o {total, number} ffeil yn cael eu hailfformatio; rhedwch pool fmt i'w fformatio}}",
    'fmt.summary':
        "{formatted, plural, one {Fformatiwyd # ffeil} other {Fformatiwyd # ffeil}}, {already, number} wedi'u fformatio eisoes{approved, plural, =0 {} other {, # wedi'u gadael fel y'u cymeradwywyd}}{unformattable, plural, =0 {} other {, # heb eu fformatio}}{unwritten, plural, =0 {} other {, ni ellid ysgrifennu #}}"
};
