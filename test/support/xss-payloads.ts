/**
 * Hostile text that would run script, fetch something or change the page if any output put it
 * into markup unescaped. Each calls alert/fetches 127.0.0.1:9 (the discard port) so a test can
 * see it happen. Used as partner names, pool names, notes and outcome descriptions.
 */
export const XSS_PAYLOADS: readonly string[] = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(2)>',
    '"><svg onload=alert(3)>',
    "' onmouseover='alert(4)' x='",
    '](javascript:alert(5))',
    '[click me](javascript:alert(6))',
    '<a href="javascript:alert(7)">link</a>',
    '<iframe src="http://127.0.0.1:9/frame"></iframe>',
    '<link rel="stylesheet" href="http://127.0.0.1:9/style.css">',
    "<style>@import 'http://127.0.0.1:9/import.css';</style>",
    '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/refresh">',
    '</title><script>alert(8)</script>',
    '</textarea></style></script><script>alert(9)</script>',
    '<!-- <script>alert(10)</script> -->',
    '&lt;script&gt;alert(11)&lt;/script&gt;',
    '![image](http://127.0.0.1:9/image.png)',
    '<object data="http://127.0.0.1:9/object"></object>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(12)>',
    '${alert(13)} {{constructor.constructor("alert(14)")()}}',
    '<svg><use href="http://127.0.0.1:9/use.svg#x"/></svg>',
    '*bold* _em_ `code` | a | b | ~~strike~~ \\ # not a heading',
    '<details open ontoggle=alert(15)>'
];

/** A Pool string literal holding `text` exactly. */
function poolString(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * An agreement that checks clean, with a payload in every piece of free text it has: partner and
 * pool names, the title, notes on contributions and reviews, spending lines, outcome
 * descriptions and units, and approvers.
 */
export function hostileAgreement(): string {
    const payloads = XSS_PAYLOADS;
    const partners = payloads.map((payload, index) => `partner p${index} ${poolString(payload)} council`);
    const contributions = payloads.map((payload, index) => `        p${index} £${(index + 1) * 1000} ${poolString(payload)}`);
    const total = payloads.reduce((sum, _payload, index) => sum + (index + 1) * 1000, 0);
    const outcomes = payloads.map(
        (payload, index) => `outcome o${index} ${poolString(payload)} {
    unit ${poolString(payload)}
    baseline 10 in 2012/13
    target 20 by 2014/15
    increase
    measured by p${index}
    actual 14 in 2013/14
}`
    );
    const shareLines = payloads.map((_payload, index) => `    p${index} ${index === 0 ? 100 - (payloads.length - 1) * 4 : 4}%`);
    return `agreement ${poolString(payloads.join(' '))} {
    reference ${poolString(payloads[0])}
    status draft
    period 2013/14 to 2014/15
    host p0
    board ${poolString(payloads[1])}
    review 2014-03-31 ${poolString(payloads[2])}
}

${partners.join('\n')}

pool pot ${poolString(payloads[0])} pooled under ${poolString(payloads[3])} {
    2013/14 {
${contributions.join('\n')}
        total £${total.toLocaleString('en-GB')}
    }
}

spend pot 2013/14 {
${payloads.map((payload, index) => `    ${poolString(payload)} £${(index + 1) * 1000} commissioned by p${index}`).join('\n')}
}

${outcomes.join('\n\n')}

savings of pot {
    2014/15 { p0 £${total * 2} }
}

share savings of pot {
${shareLines.join('\n')}
}

approvals {
${payloads.map((payload, index) => `    p${index} ${poolString(payload)} 2014-01-01 fingerprint "sha256:${'0'.repeat(64)}"`).join('\n')}
}
`;
}
