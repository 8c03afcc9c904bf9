"""CXGOV_ENV=production refuses insecure settings and Streamlit options at start, naming each and its fix."""

import pytest
from streamlit import config as streamlit_config

from cxgov import production
from cxgov.settings import SettingsError, get_settings, load_settings
from tests.pages.harness import open_page, texts

GOOD_KEY = "a" * 64
GOOD_SECRET = "c" * 64
POSTGRES = "postgresql://cxgov@db.example/cxgov"
GOOD_OPTIONS = {
    production.COOKIE_SECRET: GOOD_SECRET,
    production.XSRF: True,
    production.ERROR_DETAILS: "none",
    production.DATA_EXPORT: True,
}


@pytest.fixture
def prod_env(monkeypatch, tmp_path):
    """A valid production environment on PostgreSQL; tests spoil one value each."""
    monkeypatch.setenv("CXGOV_ENV", "production")
    monkeypatch.setenv("CXGOV_DATABASE_URL", POSTGRES)
    monkeypatch.setenv("CXGOV_AUDIT_KEY", GOOD_KEY)
    monkeypatch.setenv("CXGOV_AUDIT_KEY_FILE", str(tmp_path / "audit.key"))
    monkeypatch.setenv("CXGOV_AUDIT_ANCHOR_FILE", str(tmp_path / "audit-anchors.txt"))
    monkeypatch.delenv("CXGOV_AUTH_MODE", raising=False)
    return monkeypatch


def refused(streamlit_options=GOOD_OPTIONS) -> dict[str, str]:
    return {p.setting: p.message for p in production.refusals(production.problems(load_settings(), streamlit_options))}


def test_a_valid_production_configuration_passes(prod_env):
    assert production.problems(load_settings(), GOOD_OPTIONS) == []


@pytest.mark.parametrize("value", ["false", "0"])
def test_development_checks_nothing_even_with_streamlit_defaults(monkeypatch, tmp_path, value):
    monkeypatch.delenv("CXGOV_ENV", raising=False)
    monkeypatch.delenv("CXGOV_AUDIT_KEY", raising=False)
    monkeypatch.delenv("CXGOV_DATABASE_URL", raising=False)
    monkeypatch.setenv("CXGOV_AUDIT_KEY_FILE", str(tmp_path / "audit.key"))
    monkeypatch.setenv("CXGOV_AUTH_MODE", "acting-as")
    settings = load_settings()
    assert settings.environment == "development" and settings.acting_as_allowed
    options = {production.COOKIE_SECRET: None, production.XSRF: value, production.ERROR_DETAILS: "full"}
    assert production.problems(settings, options) == []


@pytest.mark.parametrize(
    ("name", "value", "fix"),
    [
        ("CXGOV_AUDIT_KEY", None, "at least 32 characters"),
        ("CXGOV_AUDIT_KEY", "", "at least 32 characters"),
        ("CXGOV_AUDIT_KEY", "k" * 20, "shorter than 32"),
        ("CXGOV_AUDIT_KEY", "k" * 31, "shorter than 32"),
    ],
)
def test_each_insecure_setting_is_refused_by_name(prod_env, name, value, fix):
    if value is None:
        prod_env.delenv(name, raising=False)
    else:
        prod_env.setenv(name, value)
    problems = refused()
    assert list(problems) == [name] and fix in problems[name]


@pytest.mark.parametrize(
    ("option", "value", "fix"),
    [
        (production.COOKIE_SECRET, None, "cookieSecret` under `[server]`"),
        (production.COOKIE_SECRET, "", "STREAMLIT_SERVER_COOKIE_SECRET"),
        (production.COOKIE_SECRET, "s" * 31, "shorter than 32"),
        (production.XSRF, False, "enableXsrfProtection = true"),
        (production.XSRF, "false", "enableXsrfProtection = true"),
        (production.ERROR_DETAILS, "full", 'showErrorDetails = "none"'),
        (production.ERROR_DETAILS, "stacktrace", 'showErrorDetails = "none"'),
        (production.ERROR_DETAILS, True, 'showErrorDetails = "none"'),
        (production.DATA_EXPORT, False, "disableDataExport = true"),
        (production.DATA_EXPORT, "false", "disableDataExport = true"),
        (production.DATA_EXPORT, None, "disableDataExport = true"),
    ],
)
def test_each_insecure_streamlit_option_is_refused_by_name(prod_env, option, value, fix):
    problems = refused({**GOOD_OPTIONS, option: value})
    assert list(problems) == [option] and fix in problems[option]


@pytest.mark.parametrize("value", ["none", False, "false"])
def test_error_details_off_in_any_spelling_pass(prod_env, value):
    assert refused({**GOOD_OPTIONS, production.ERROR_DETAILS: value}) == {}


def test_the_demo_mode_is_refused_in_production_even_on_sqlite(prod_env):
    prod_env.setenv("CXGOV_DATABASE_URL", "sqlite:///cxgov.sqlite3")
    prod_env.setenv("CXGOV_AUTH_MODE", "acting-as")
    problems = refused()
    assert list(problems) == ["CXGOV_AUTH_MODE"] and "Use local" in problems["CXGOV_AUTH_MODE"]
    assert not load_settings().acting_as_allowed


def test_with_sso_the_auth_section_is_checked_in_production(prod_env):
    prod_env.setenv("CXGOV_AUTH_MODE", "sso")
    good = {
        "redirect_uri": "https://cxgov.voltera.nl/oauth2callback",
        "cookie_secret": "c" * 32,
        "client_id": "cxgov",
        "client_secret": "s",
        "server_metadata_url": "https://idp/.well-known/x",
    }
    assert production.problems(load_settings(), GOOD_OPTIONS, good) == []
    plain_http = production.problems(
        load_settings(), GOOD_OPTIONS, good | {"redirect_uri": "http://cxgov.voltera.nl/oauth2callback"}
    )
    assert [p.setting for p in plain_http] == [production.SECRETS_FILE] and "https" in plain_http[0].message
    missing = production.problems(load_settings(), GOOD_OPTIONS, None)
    assert [p.setting for p in missing] == [production.SECRETS_FILE] and missing[0].refuses
    assert production.problems(load_settings(), None) == []  # the command line's settings-only check


def test_every_problem_is_listed_at_once_and_no_secret_value_is_shown(prod_env):
    prod_env.setenv("CXGOV_AUDIT_KEY", "short-audit-key-value")
    prod_env.setenv("CXGOV_DATABASE_URL", "sqlite:///cxgov.sqlite3")
    prod_env.setenv("CXGOV_AUTH_MODE", "acting-as")
    found = production.problems(
        load_settings(),
        {
            production.COOKIE_SECRET: "short-cookie-secret",
            production.XSRF: False,
            production.ERROR_DETAILS: "full",
            production.DATA_EXPORT: False,
        },
    )
    assert [p.setting for p in found] == [
        "CXGOV_AUDIT_KEY",
        "CXGOV_AUTH_MODE",
        "CXGOV_DATABASE_URL",
        production.COOKIE_SECRET,
        production.XSRF,
        production.ERROR_DETAILS,
        production.DATA_EXPORT,
    ]
    shown = "\n".join(map(str, found))
    assert "short-audit-key-value" not in shown and "short-cookie-secret" not in shown


def test_local_accounts_served_without_the_sign_in_cookie_route_are_refused(prod_env):
    def entry_refused(routes):
        found = production.refusals(production.problems(load_settings(), GOOD_OPTIONS, sign_in_routes=routes))
        return [p.message for p in found if p.setting == production.ENTRY]

    [message] = entry_refused(False)
    assert "streamlit run serve.py" in message
    assert entry_refused(True) == [] and entry_refused(None) == []  # served by serve.py, or not known (check-config)
    prod_env.setenv("CXGOV_AUTH_MODE", "sso")  # company sign-in keeps Streamlit's own cookie: no route needed
    assert entry_refused(False) == []


def test_sqlite_in_production_is_a_warning_and_never_offers_acting_as(prod_env):
    prod_env.setenv("CXGOV_DATABASE_URL", "sqlite:///cxgov.sqlite3")
    settings = load_settings()
    found = production.problems(settings, GOOD_OPTIONS)
    assert [(p.setting, p.refuses) for p in found] == [("CXGOV_DATABASE_URL", False)]
    assert "PostgreSQL" in found[0].message
    assert not settings.acting_as_allowed  # the local-demo picker is never offered in production


def test_no_audit_anchor_file_in_production_is_a_warning(prod_env):
    """Without anchors kept outside the database a cut-off tail of the audit trail goes unnoticed; the file is
    not the only way to keep them, so production warns instead of refusing to start."""
    prod_env.delenv("CXGOV_AUDIT_ANCHOR_FILE")
    prod_env.setenv("CXGOV_DATABASE_URL", "sqlite:///cxgov.sqlite3")
    found = production.problems(load_settings(), GOOD_OPTIONS)
    assert [(p.setting, p.refuses) for p in found] == [
        ("CXGOV_AUDIT_ANCHOR_FILE", False),
        ("CXGOV_DATABASE_URL", False),
    ]
    assert "rewinding the chain's head goes undetected" in found[0].message


def test_production_never_generates_an_audit_key_file(prod_env, tmp_path):
    prod_env.delenv("CXGOV_AUDIT_KEY")
    prod_env.setenv("CXGOV_DATABASE_URL", "sqlite:///cxgov.sqlite3")
    assert load_settings().audit_key == b""
    assert not (tmp_path / "audit.key").exists()


def test_an_unknown_environment_is_refused(monkeypatch):
    monkeypatch.setenv("CXGOV_ENV", "prod")
    with pytest.raises(SettingsError, match="CXGOV_ENV must be one of development, production"):
        load_settings()


def test_streamlit_options_are_read_from_config_files_then_environment(tmp_path):
    home, project = tmp_path / "home", tmp_path / "project"
    (home / ".streamlit").mkdir(parents=True)
    (project / ".streamlit").mkdir(parents=True)
    (home / ".streamlit" / "config.toml").write_text(
        '[server]\ncookieSecret = "from-home"\nenableXsrfProtection = false\n'
    )
    (project / ".streamlit" / "config.toml").write_text(
        '[client]\nshowErrorDetails = "none"\ndisableDataExport = true\n[server]\nenableXsrfProtection = true\n'
    )
    options = production.read_streamlit_options(project, home=home, environ={})
    assert options == {
        production.COOKIE_SECRET: "from-home",
        production.XSRF: True,
        production.ERROR_DETAILS: "none",
        production.DATA_EXPORT: True,
    }
    environ = {"STREAMLIT_SERVER_COOKIE_SECRET": "from-env", "STREAMLIT_SERVER_ENABLE_XSRF_PROTECTION": "false"}
    options = production.read_streamlit_options(project, home=home, environ=environ)
    assert options[production.COOKIE_SECRET] == "from-env" and options[production.XSRF] == "false"
    assert (
        production.read_streamlit_options(tmp_path / "none", home=tmp_path / "none", environ={})
        == production.STREAMLIT_DEFAULTS
    )


# --- command line ---------------------------------------------------------------------------------------------


def test_check_config_lists_problems_and_exits_1(prod_env, cli, monkeypatch):
    prod_env.delenv("CXGOV_AUDIT_KEY")
    monkeypatch.delenv("STREAMLIT_SERVER_COOKIE_SECRET", raising=False)
    code, _out, err = cli(POSTGRES, "check-config")
    assert code == 1
    assert "ERROR: CXGOV_AUDIT_KEY is not set" in err


def test_check_config_passes_a_valid_production_configuration(prod_env, cli, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.streamlit/config.toml of the machine running the tests
    monkeypatch.setenv("STREAMLIT_SERVER_COOKIE_SECRET", GOOD_SECRET)
    code, out, err = cli(POSTGRES, "check-config")
    assert (code, err) == (0, "")
    assert "OK" in out and GOOD_SECRET not in out


def test_check_config_in_development_refuses_nothing(monkeypatch, cli, sqlite_url):
    monkeypatch.delenv("CXGOV_ENV", raising=False)
    code, out, _ = cli(sqlite_url, "check-config")
    assert code == 0 and "development" in out


def test_other_commands_refuse_an_insecure_production_configuration(prod_env, cli):
    prod_env.delenv("CXGOV_AUDIT_KEY")
    code, _, err = cli(POSTGRES, "migrate")
    assert code == 2 and "CXGOV_AUDIT_KEY" in err and "check-config" in err


# --- the app's start check ------------------------------------------------------------------------------------


@pytest.fixture
def streamlit_options():
    """Set Streamlit options for one test as a config file would, and restore them (with their origin) after."""
    saved = {}

    def set_options(**values):
        for name, value in values.items():
            saved.setdefault(name, (streamlit_config.get_option(name), streamlit_config.get_where_defined(name)))
            streamlit_config.set_option(name, value)

    yield set_options
    for name, (value, where) in saved.items():
        streamlit_config.set_option(name, value, where_defined=where)


@pytest.mark.parametrize(
    ("lang", "heading"), [("en", "does not start in production"), ("nl", "start niet in productie")]
)
def test_the_app_refuses_to_start_and_shows_no_page(prod_env, database_url, streamlit_options, lang, heading):
    streamlit_options(
        **{
            production.COOKIE_SECRET: "short-cookie-secret",
            production.XSRF: False,
            production.ERROR_DETAILS: "full",
            production.DATA_EXPORT: False,
        }
    )
    at = open_page(prod_env, database_url, "portfolio", lang=lang, mode="local")
    assert not at.exception, at.exception
    assert len(at.error) == 1
    message = at.error[0].value
    assert heading in message
    for name in (production.COOKIE_SECRET, production.XSRF, production.ERROR_DETAILS, production.DATA_EXPORT):
        assert name in message
    assert "short-cookie-secret" not in texts(at) and GOOD_KEY not in texts(at)
    assert not at.title and not at.metric and not at.sidebar.children  # the page and the frame never ran


def test_a_cookie_secret_streamlit_made_up_itself_is_refused(prod_env, database_url):
    at = open_page(prod_env, database_url, "portfolio", mode="local")
    assert not streamlit_config.is_manually_set(production.COOKIE_SECRET)  # the per-process random default
    assert len(at.error) == 1 and production.COOKIE_SECRET in at.error[0].value


def test_a_valid_production_configuration_renders_the_page(prod_env, database_url, streamlit_options):
    streamlit_options(**GOOD_OPTIONS)
    at = open_page(prod_env, database_url, "portfolio", mode="sso")  # a viewer signed in
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert "Portfolio overview" in texts(at)


@pytest.fixture(autouse=True)
def _fresh_settings():
    """Settings are cached per process: never leak a production configuration into the next test."""
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()
