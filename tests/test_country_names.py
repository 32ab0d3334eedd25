"""The names people type: everyday English and Korean country names resolve wherever a country is typed, a typo of
one gets a 'did you mean', completion offers the dataset's countries first, and the common case stays fast."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from conftest import ROOT, Result, run, subprocess_env, summit_cmd

# Countries of the bundled dataset: the APEC meeting's reported parties (RU, TW, MX, PE), North Korea through the
# preview's "flash summit" plan, and every country Lee met; KR is the home country.
COVERED = set("KR KP RU TW VN US CN JP CA AU NZ CL PH TH ID AE KH MY SG MX PE".split())  # noqa: SIM905
# Members of APEC or ASEAN that are party to no record of their own: `countries` does not list them, but a brief
# covers them through their grouping's records.
MEMBERS_ONLY = set("BN HK LA MM PG TL".split())  # noqa: SIM905

EVERYDAY = [
    ("Russia", "RU"),
    ("Taiwan", "TW"),
    ("South Korea", "KR"),
    ("south-korea", "KR"),
    ("North Korea", "KP"),
    ("Vietnam", "VN"),
    ("Laos", "LA"),
    ("Iran", "IR"),
    ("Syria", "SY"),
    ("Bolivia", "BO"),
    ("Venezuela", "VE"),
    ("Tanzania", "TZ"),
    ("Moldova", "MD"),
    ("Brunei", "BN"),
    ("Türkiye", "TR"),
    ("turkiye", "TR"),
    ("Turkey", "TR"),
    ("Burma", "MM"),
    ("cote d'ivoire", "CI"),
]

KOREAN = [
    ("러시아", "RU"),
    ("대만", "TW"),
    ("베트남", "VN"),
    ("북한", "KP"),
    ("한국", "KR"),
    ("미국", "US"),
    ("중국", "CN"),
    ("일본", "JP"),
    ("캐나다", "CA"),
    ("호주", "AU"),
    ("뉴질랜드", "NZ"),
    ("칠레", "CL"),
    ("필리핀", "PH"),
    ("태국", "TH"),
    ("인도네시아", "ID"),
    ("아랍에미리트", "AE"),
    ("캄보디아", "KH"),
    ("말레이시아", "MY"),
    ("싱가포르", "SG"),
    ("멕시코", "MX"),
    ("페루", "PE"),
    ("브루나이", "BN"),
    ("홍콩", "HK"),
    ("라오스", "LA"),
    ("튀르키예", "TR"),
]


def assert_resolves(result: Result, code: str) -> None:
    """Exit 0 with the country's records when the dataset covers it, else exit 3 naming it: never 'unknown'. The
    home country resolves too, and is refused by name: a brief is about it and another country."""
    if code == "KR" and "is the home country" in result.stderr:
        assert result.exit_code == 2 and result.stderr.startswith("summit: error: South Korea is the home country")
        return
    if code in COVERED | MEMBERS_ONLY:
        assert result.exit_code == 0, result.stderr
        json.loads(result.stdout)
        assert f'"{code}"' in result.stdout
    else:
        assert result.exit_code == 3, result.stderr
        assert "the dataset has no meetings or outcomes with" in result.stderr
        assert f"({code})" in result.stderr


@pytest.mark.parametrize(("name", "code"), EVERYDAY)
def test_everyday_english_names_resolve(name: str, code: str) -> None:
    assert_resolves(run("brief", name, "--format", "json"), code)


@pytest.mark.parametrize(("name", "code"), KOREAN)
def test_everyday_korean_names_resolve(name: str, code: str) -> None:
    assert_resolves(run("brief", name, "--format", "json"), code)


def test_the_message_for_a_country_without_data_names_it() -> None:
    result = run("brief", "norway")
    assert result.exit_code == 3
    assert result.stderr.startswith("summit: error: the dataset has no meetings or outcomes with Norway (NO).")


def test_every_covered_country_resolves_by_its_cldr_names() -> None:
    from babel.core import Locale

    listed = json.loads(run("countries", "--format", "json").stdout)
    codes = {row["country"] for row in listed}
    assert codes == COVERED - {"KR"}
    for locale in ("en", "ko"):
        for code in sorted(codes):
            name = Locale(locale).territories[code]
            assert_resolves(run("brief", name, "--format", "json"), code)


@pytest.mark.parametrize(
    "args",
    [
        ("agreements", "베트남", "--format", "json"),
        ("followups", "vietnam", "--format", "json"),
        ("quotes", "대만", "--format", "json"),
        ("timeline", "--country", "russia", "--format", "json"),
        ("export", "ics", "--country", "러시아"),
    ],
)
def test_everyday_names_work_in_every_command_that_takes_a_country(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(
    ("typo", "meant"), [("rusia", "russia"), ("vietnm", "vietnam"), ("brunai", "brunei"), ("러시", "러시아")]
)
def test_a_typo_of_an_everyday_name_suggests_it(typo: str, meant: str) -> None:
    result = run("brief", typo)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"summit: error: unknown country '{typo}'. Did you mean '{meant}'")


def test_suggested_names_resolve() -> None:
    for typo in ("rusia", "brunai", "turky"):
        hint = re.search(r"Did you mean (.*)\?", run("brief", typo).stderr)
        assert hint
        suggested = re.findall(r"'([^']+)'", hint.group(1))
        assert suggested
        for name in suggested:
            assert run("brief", name, "--format", "json").exit_code in (0, 3), name


FAST_NAMES = (
    "import sys; from summitcli.countries import lookup;"
    " print([lookup(n) for n in sys.argv[1:]], 'babel' in sys.modules)"
)


def test_names_pycountry_knows_never_import_babel() -> None:
    fast = subprocess.run(
        [sys.executable, "-c", FAST_NAMES, "canada", "nz", "캐나다", "Viet Nam", "USA"],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=60,
        check=True,
    )
    assert fast.stdout.split() == ["['CA',", "'NZ',", "'CA',", "'VN',", "'US']", "False"]
    slow = subprocess.run(
        [sys.executable, "-c", FAST_NAMES, "russia"],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=60,
        check=True,
    )
    assert slow.stdout.split() == ["['RU']", "True"]


def test_the_warm_brief_of_canada_never_imports_babel(tmp_path) -> None:
    env = subprocess_env(XDG_CACHE_HOME=str(tmp_path))
    subprocess.run(summit_cmd("brief", "canada"), capture_output=True, env=env, timeout=60, check=True)
    warm = subprocess.run(
        [sys.executable, "-X", "importtime", *summit_cmd("brief", "canada")[1:]],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    imported = {line.split("|")[-1].strip() for line in warm.stderr.splitlines()}
    assert "summitcli.countries" in imported
    assert not {m for m in imported if m.split(".")[0] == "babel"}


def completions(args: str, cache: str) -> list[str]:
    env = subprocess_env(XDG_CACHE_HOME=cache, _SUMMIT_COMPLETE="complete_zsh", _TYPER_COMPLETE_ARGS=args)
    done = subprocess.run(summit_cmd(), capture_output=True, text=True, env=env, timeout=60, cwd=ROOT)
    assert done.returncode == 0 and done.stderr == ""
    return re.findall(r'^(?:_arguments .*?\(\()?"([^"]+)":', done.stdout, flags=re.M)


def test_completion_offers_the_dataset_countries_first(tmp_path) -> None:
    cache = str(tmp_path)
    cold = completions("summit brief c", cache)
    assert {"canada", "chile", "china", "cambodia", "cameroon", "colombia"} <= set(cold)
    assert not any(tmp_path.rglob("*.sqlite")), "completion must not parse the data to fill the cache"
    warm_env = subprocess_env(XDG_CACHE_HOME=cache)
    subprocess.run(summit_cmd("countries"), capture_output=True, env=warm_env, timeout=60, cwd=ROOT, check=True)
    warm = completions("summit brief c", cache)
    assert set(warm) == set(cold)
    assert sorted(warm[:4]) == ["cambodia", "canada", "chile", "china"]
    everything = completions("summit agreements ", cache)
    listed = json.loads(subprocess.check_output(summit_cmd("countries", "--format", "json"), env=warm_env, cwd=ROOT))
    assert set(everything[: len(COVERED)]) == {"south-korea", *(row["slug"] for row in listed)}
    assert len(everything) > 200
