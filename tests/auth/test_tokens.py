"""The sign-in cookie's value: a random token signed with the server's cookie secret; anything else is ignored."""

import pytest

from cxgov.auth.tokens import ROUTE_PATH, cookie_path, digest, new_token, route_path, signed, unsigned

SECRET = "s" * 64


def test_a_signed_token_comes_back_out_of_its_cookie():
    token = new_token()
    assert len(token) >= 43 and token != new_token()
    assert unsigned(signed(token, SECRET), SECRET) == token


@pytest.mark.parametrize(
    "spoil",
    [
        lambda value: value.replace(value[0], "A" if value[0] != "A" else "B", 1),  # another token, the old MAC
        lambda value: value[:-1] + ("0" if value[-1] != "0" else "1"),  # a MAC off by one character
        lambda value: value.split(".")[0],  # no MAC at all
        lambda value: "." + value.split(".")[1],  # no token
        lambda value: "",
    ],
)
def test_an_altered_or_unsigned_cookie_is_ignored(spoil):
    assert unsigned(spoil(signed(new_token(), SECRET)), SECRET) is None


def test_a_cookie_signed_with_another_secret_is_ignored():
    assert unsigned(signed(new_token(), "another secret " * 4), SECRET) is None
    assert unsigned(signed(new_token(), SECRET), "") is None and unsigned(None, SECRET) is None


def test_only_a_hash_is_kept_and_it_fits_its_column():
    token = new_token()
    assert len(digest(token)) == 64 and token not in digest(token) and digest(token) == digest(token)


def test_route_and_cookie_follow_the_base_url_path():
    assert (route_path(""), cookie_path(None)) == (ROUTE_PATH, "/")
    assert (route_path("/cx/"), cookie_path("cx")) == (f"/cx{ROUTE_PATH}", "/cx")
