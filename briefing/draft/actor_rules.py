"""Actors: people with their titles, organisations, armed groups, governments, militaries and outlets.

Each is recognised by rules on capitalised phrases: a title before a name
("Foreign Minister Sergey Lavrov", "HTS leader Abu Mohammad al-Julani") makes a
person; a keyword makes an organisation of a kind ("Forces", "Ministry",
"Front"); a cue makes an outlet ("according to", "reported", "published by") or
an armed group ("militant group", "rebels"); a demonym or a country with a
government noun makes a government or military ("Turkish officials", "Russia’s
embassy", "officials in Iraq", "the foreign ministers of Syria, Iran, and Iraq").
A parenthesised short form becomes an alias ("Rapid Support Forces (RSF)"), and
so does a person's surname, which is how later mentions find them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.draft.gazetteer import Country, Gazetteer
from briefing.draft.phrases import Phrase, possessive

TITLES = (
    "Prime Minister|Foreign Minister|Defen[cs]e Minister|"
    "Interior Minister|Finance Minister|Deputy Prime Minister|"
    "Vice President|President|Minister|Secretary-General|Secretary General|Secretary of State|Secretary|"
    "Governor|General|Gen\\.|Lieutenant General|Lt\\. Gen\\.|"
    "Major General|Maj\\. Gen\\.|Brigadier General|Colonel|Col\\.|"
    "Commander|Admiral|King|Queen|Crown Prince|Prince|Emir|Sheikh|Ambassador|Envoy|Special Envoy|Chancellor|"
    "Senator|Sen\\.|Mayor|Pope|Spokesman|Spokeswoman|Spokesperson|Chief|Judge|Speaker|Premier|Ayatollah|"
    "Supreme Leader|Leader|Director|Chairman|Chairwoman|Minister of [A-Z][a-z]+"
)
_TITLE = re.compile(rf"^(?P<before>(?:[\w’'.\-]+\s+){{0,3}}?)(?P<title>{TITLES})\s+(?P<name>.+)$")
_ROLE_BEFORE = re.compile(
    r"(?P<role>(?:[A-Z][\w’'\-]*\s+){0,3}(?:[a-z]+\s+){0,2}(?:leader|secretary|spokesman|spokeswoman|spokesperson|commander|chief|envoy|"
    r"official|minister|president|governor|head|founder|analyst|researcher|correspondent)),?\s+$"
)
_NOUN_KINDS = {
    "coalition": "coalition",
    "alliance": "coalition",
    "mission": "organisation",
    "movement": "group",
    "gang": "armed-group",
    "militia": "armed-group",
    "group": "group",
    "party": "organisation",
    "agency": "organisation",
    "company": "organisation",
    "network": "organisation",
}
_NOUN_AFTER = re.compile(rf"^\s+({'|'.join(_NOUN_KINDS)})\b")
_LED_BY = re.compile(r"\b(?:led|commanded|headed|founded|chaired|run) by\s+$")
STATE_TITLES = re.compile(
    r"President|Prime Minister|Minister|Ministry|Cabinet|King|Queen|Emir|Prince|Chancellor|"
    r"Premier|Ambassador|Envoy|Supreme Leader|Ayatollah|Secretary"
)
_KINDS = (
    (
        "media",
        r"\b(?:News|Times|Post|Journal|Gazette|Tribune|Herald|Telegraph|Agency|Press|Television|TV|Radio|Monitor)$",
    ),
    (
        "military",
        r"\b(?:Army|Navy|Air Force|Armed Forces|Defen[cs]e Forces|Military|Guard|Guards|Corps|Marines|"
        r"Command)\b",
    ),
    (
        "armed-group",
        r"\b(?:Front|Brigades?|Militia|Rebels|Liberation|Jihad|Mujahideen|Tahrir|Shabaab|Hamas|Hezbollah|Houthis?|"
        r"Islamic State|Taliban|Wagner|Rapid Support Forces|Forces|"
        r"Battalions?|Mayi-Mayi|M23|Boko Haram|al-Qaeda)\b",
    ),
    (
        "government",
        r"\b(?:Ministry|Government|Cabinet|Presidency|Kremlin|"
        r"White House|Pentagon|Parliament|Senate|Congress|"
        r"Embassy|Department|Council of Ministers|Junta|Assembly|Administration)\b",
    ),
    ("coalition", r"\b(?:Coalition|Alliance|NATO|Axis)\b"),
    (
        "organisation",
        r"\b(?:Council|Community|Party|Union|Organi[sz]ation|Committee|Commission|Court|Bank|Fund|"
        r"Agency|Office|Institute|Association|Federation|Programme|Program|Red Cross|Red Crescent|"
        r"Watch|Amnesty|Foundation|Company|Corporation|Group|United Nations|Movement|Network|Centre|"
        r"Center|Observatory|Forum|Mission|Authority|Police)\b",
    ),
)
# Outlets a text cites as its sources, named without a cue ("CNN", "Axios").
OUTLETS = frozenset(
    "".join(
        (
            "CNN|BBC|Reuters|AP|AFP|Axios|Bloomberg|Xinhua|TASS|Interfax|Anadolu|Politico|NPR|CBS|",
            "NBC|ABC|Fox News|Al Jazeera|Al Arabiya|Sky News|The Guardian|Guardian|Financial Times|",
            "Wall Street Journal|New York Times|Washington Post|Associated Press|",
            "Agence France-Presse|Defense One|Le Monde|Der Spiegel|Haaretz|Times of Israel|",
            "Kyiv Independent|Ukrinform|SANA|IRNA|RIA Novosti|Daily Maverick|Lusa|Al-Monitor|",
            "Middle East Eye|The Economist|Economist|Deutsche Welle|DW|France 24|Radio Free Europe|",
            "VOA|Voice of America|Daily Nation|The Hindu|Dawn|Kyodo|Yonhap|EFE|ANSA|Mediapart|Rudaw|",
            "Kurdistan 24|Asharq Al-Awsat|Sudan Tribune|Radio Dabanga",
        )
    ).split("|")
)
_OUTLET_CUE = re.compile(
    r"(?:according to|reported by|published by|told|quoted by|sources from|"
    r"the (?:military |news )?(?:portal|outlet|newspaper|"
    r"broadcaster|agency|website|channel|daily))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_OUTLET_AFTER = re.compile(r"^\s+(?:reported|reports|said in a report|cited|quoted)\b")
_ARMED_CUE = re.compile(
    r"(?:militant|armed|rebel|insurgent|jihadist|paramilitary|militia|extremist|terrorist)\s+(?:group|groups|force|forces|"
    r"movement|coalition|faction)?\s*$",
    re.IGNORECASE,
)
_ALIAS = re.compile(r"^\s*\((?P<short>[A-Z][A-Za-z0-9\-]{1,9})\)")
GOV_NOUNS = {
    "government": "government",
    "officials": "government",
    "authorities": "government",
    "ministry": "government",
    "foreign ministry": "government",
    "defence ministry": "government",
    "defense ministry": "government",
    "embassy": "government",
    "diplomats": "government",
    "regime": "government",
    "president": "government",
    "foreign minister": "government",
    "foreign ministers": "government",
    "prime minister": "government",
    "leaders": "government",
    "army": "military",
    "military": "military",
    "forces": "military",
    "troops": "military",
    "soldiers": "military",
    "security forces": "military",
    "sources": "group",
}
_COUNTRY_ACTS = re.compile(
    r"\b(?P<c>[A-Z][\w-]+(?: [A-Z][\w-]+)?)"
    r"(?P<more>(?:(?:,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w-]+(?: [A-Z][\w-]+)?)*)"
    r"(?:,\s+(?:which|who)\s[^,;.]{0,120},)?"  # "The Dominican Republic, which shares …, said"
    r"\s+(?:has\s+|had\s+|have\s+|was\s+|is\s+|are\s+|were\s+|will\s+)?(?:\w+ly\s+|also\s+)?"
    r"(?:(?:expected|set|due|going|preparing|ready|planning) to\s+)?"
    r"(?:said|says|denied|denies|announced|condemned|warned|urged|called|welcomed|rejected|expressed|revealed|"
    r"accused|threatened|pledged|sent|deployed|imposed|agreed|offered|launched|closed|evacuated|recalled|"
    r"summoned|engaged|signed|host|hosts|hosted|released|suspended|banned|vowed|demanded|struck)\b"
)
_NOUN = "|".join(sorted(GOV_NOUNS, key=len, reverse=True))
_DEMONYM_NOUN = re.compile(rf"\b(?P<d>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+(?P<noun>{_NOUN})\b")


@dataclass
class Actor:
    name: str
    kind: str
    country: str | None = None
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    first: int = 0  # offset of the first mention in the body
    speaks_for_state: bool = False  # a government, official or head of state: makes a reaction
    forms: list[str] = field(default_factory=list)  # how the text names it, verbatim


def find_actors(body: str, found: list[Phrase], gaz: Gazetteer, home: str | None) -> list[Actor]:
    actors: dict[str, Actor] = {}
    by_alias: dict[str, Actor] = {}

    def add(actor: Actor) -> Actor:
        key = actor.name.lower()
        existing = actors.get(key) or by_alias.get(key)
        if existing is not None:
            existing.forms.extend(f for f in actor.forms if f not in existing.forms)
            for alias in actor.aliases:
                if alias not in existing.aliases and alias != existing.name:
                    existing.aliases.append(alias)
                    by_alias[alias.lower()] = existing
            return existing
        actors[key] = actor
        for alias in actor.aliases:
            by_alias[alias.lower()] = actor
        return actor

    _government_actors(body, gaz, home, add)
    spans: list[tuple[int, int]] = []  # phrases already made actors: their parts are not others
    for phrase in found:
        text = possessive(phrase.text)
        if any(a <= phrase.start and phrase.end <= b for a, b in spans):
            continue
        if by_alias.get(text.lower()) or actors.get(text.lower()):
            continue
        before, after = body[max(0, phrase.start - 60) : phrase.start], body[phrase.end : phrase.end + 40]
        actor = _classify(text, before, after, gaz)
        if actor is None:
            continue
        actor.first = phrase.start
        actor.forms.append(text)
        spans.append((phrase.start, phrase.end))
        alias = _ALIAS.match(body[phrase.end : phrase.end + 14])
        if alias and alias["short"] != actor.name:
            actor.aliases.append(alias["short"])
        add(actor)
    _surnames(actors.values(), by_alias)
    return sorted(actors.values(), key=lambda a: a.first)


def _classify(text: str, before: str, after: str, gaz: Gazetteer) -> Actor | None:
    if gaz.country(text) or gaz.demonyms.get(text.lower()) or text.split()[0].lower() in ("the",):
        return None
    if (
        text in OUTLETS
        or _OUTLET_CUE.search(before)
        or (_OUTLET_AFTER.match(after) and len(text.split()) <= 3)
    ) and not (_TITLE.match(text) or re.search(_KINDS[2][1], text)):
        return Actor(text, "media")
    if match := _TITLE.match(text):
        return _person(match, gaz)
    if (noun := _NOUN_AFTER.match(after)) and not gaz.demonyms.get(text.split()[0].lower()):
        # "the Viv Ansanm coalition", "the Multinational Security Support mission"
        return Actor(f"{text} {noun[1]}", _NOUN_KINDS[noun[1]], forms=[f"{text} {noun[1]}", text])
    if _LED_BY.search(before) and 2 <= len(text.split()) <= 4:  # "the RSF, led by Mohamed Hamdan Dagalo"
        return Actor(text, "person")
    role = _ROLE_BEFORE.search(before)
    if role and (2 <= len(text.split()) <= 4 or text.startswith(("al-", "Al-"))):
        words = role["role"].split()
        country = next(
            (c for w in words if (c := gaz.country(possessive(w)) or gaz.demonyms.get(w.lower()))), None
        )
        state = country is not None and bool(STATE_TITLES.search(role["role"].title()))
        return Actor(
            text, "person", country.name if country else None, " ".join(words), speaks_for_state=state
        )
    kind = next((k for k, pattern in _KINDS if re.search(pattern, text)), None)
    if _ARMED_CUE.search(before) and kind in (None, "organisation", "military"):
        kind = "armed-group"
    if kind is None and re.match(r"^,\s+which\b", after):  # "TotalEnergies, which suspended …"
        kind = "organisation"
    if kind is None and text.isupper() and 2 <= len(text) <= 6:
        kind = "organisation"
    if (
        kind is None
        and re.match(r"^\s*(?:said|says|told|added|noted|warned|wrote)\b", after)
        and len(text.split()) in (2, 3)
    ):
        kind = "person"
    if kind is None:
        return None
    first, _, rest = text.partition(" ")
    country = gaz.country(possessive(first)) or gaz.demonyms.get(first.lower())
    name = f"{country.name} {rest}" if country and possessive(first) != first and rest else text
    return Actor(
        name, kind, country.name if country else None, speaks_for_state=kind in ("government", "military")
    )


def _person(match: re.Match[str], gaz: Gazetteer) -> Actor | None:
    name = match["name"]
    if len(name.split()) > 4 or gaz.country(name):
        return None
    before = match["before"].strip()
    country: Country | None = None
    for word in before.split():
        country = country or gaz.demonyms.get(word.lower()) or gaz.country(possessive(word))
        if country is None:
            city = gaz.city(possessive(word), set())
            country = gaz.by_code.get(city.code) if city else None
    role = " ".join(f"{before} {match['title']}".split())
    state = bool(STATE_TITLES.search(match["title"]))
    return Actor(name, "person", country.name if country else None, role, speaks_for_state=state)


def _government_actors(body: str, gaz: Gazetteer, home: str | None, add: object) -> None:
    """Governments and their people named by country: "Turkish officials", "Russia’s embassy"."""
    adder = add  # a callable(Actor) -> Actor
    for m in _DEMONYM_NOUN.finditer(body):
        # "Foreign Minister Sergey Lavrov" is a title before a name (a person, found elsewhere):
        # the nouns are lower case, which the pattern asks for.
        # "South African officials", or "The Turkish officials": the last word alone.
        country = gaz.demonyms.get(m["d"].lower()) or gaz.demonyms.get(m["d"].split()[-1].lower())
        if country is None:
            continue
        _gov(adder, country, m["noun"].lower(), m.start(), m.group(0))
    possessive_re = re.compile(rf"\b(?P<c>[A-Z][\w ]{{2,30}}?)(?:’s|'s)\s+(?P<noun>{_NOUN})\b")
    for m in possessive_re.finditer(body):
        country = gaz.country(m["c"].split(" ")[-1]) or gaz.country(m["c"])
        if country:
            _gov(adder, country, m["noun"].lower(), m.start(), m.group(0))
    # "officials in Iraq", "the foreign ministers of Syria, Iran, and Iraq"; not "embassy in Syria".
    listed = (
        r"\b(?P<noun>officials|authorities|diplomats|leaders)\s+(?:in|of|from)\s+"
        rf"|\b(?P<noun2>{_NOUN})\s+of\s+"
    )
    for m in re.finditer(rf"(?:{listed})(?P<list>[A-Z][\w ,]+)", body):
        for item in re.split(r",\s*(?:and\s+)?|\s+and\s+", m["list"]):
            words = re.match(r"\s*((?:[A-Z][\w-]*\s?)+)", item)
            name = words[1].strip() if words else ""
            country = gaz.country(name) or gaz.capitals.get(name.lower())  # "officials in Manila"
            if country is None:
                break
            _gov(adder, country, (m["noun"] or m["noun2"]).lower(), m.start(), m.group(0))
    # "Turkey has publicly denied …": the country itself as the subject of a saying or doing verb.
    for m in _COUNTRY_ACTS.finditer(body):
        # "El Salvador and Guatemala have also sent": each country of the subject.
        names = [m["c"], *re.findall(r"[A-Z][\w-]+(?: [A-Z][\w-]+)?", m["more"] or "")]
        for name in names:
            country = gaz.country(name)
            if country is not None and country.name != home:
                _gov(adder, country, "government", m.start(), name)


def _gov(add: object, country: Country, noun: str, start: int, form: str) -> None:
    kind = GOV_NOUNS[noun]
    singular = {"foreign ministers": "foreign minister", "leaders": "leadership"}.get(noun, noun)
    name = f"{country.demonym} {singular}" if country.demonym else f"{country.name} {singular}"
    actor = Actor(name, kind, country.name, first=start, speaks_for_state=True, forms=[form])
    add(actor)  # type: ignore[operator]


def _surnames(actors: object, by_alias: dict[str, Actor]) -> None:
    """A person's surname is an alias when no one else has it ("Erdoğan", "al-Julani")."""
    people = [a for a in actors if a.kind == "person"]  # type: ignore[attr-defined]
    counts: dict[str, int] = {}
    for person in people:
        last = person.name.split()[-1]
        counts[last] = counts.get(last, 0) + 1
    for person in people:
        last = person.name.split()[-1]
        if counts[last] == 1 and last != person.name and last.lower() not in by_alias:
            person.aliases.append(last)
            by_alias[last.lower()] = person
            if last[:3] in ("al-", "el-"):
                person.aliases.append(last[0].upper() + last[1:])
