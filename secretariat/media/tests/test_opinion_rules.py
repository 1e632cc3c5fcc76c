"""The severity score and link normalising: plain functions, checked by example and by property."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretariat.core.errors import ValidationFailed
from secretariat.media.services.opinion_rules import keyword_hits, link_key, reach_points, severity_score

MEDIA = st.sampled_from(["news", "tv", "radio", "forum", "social"])
SENTIMENTS = st.sampled_from(["positive", "neutral", "negative"])


@given(medium=MEDIA, sentiment=SENTIMENTS, reach=st.integers(0, 2_000_000_000), agencies=st.integers(0, 47),
       hits=st.integers(0, 20))
def test_the_score_stays_between_0_and_100(medium, sentiment, reach, agencies, hits):
    assert 0 <= severity_score(medium=medium, sentiment=sentiment, reach=reach, agency_count=agencies,
                               keyword_hits=hits) <= 100


@given(medium=MEDIA, sentiment=SENTIMENTS, reach=st.integers(0, 10**9), more=st.integers(0, 10**9),
       agencies=st.integers(0, 5), hits=st.integers(0, 3))
def test_more_reach_never_lowers_the_score(medium, sentiment, reach, more, agencies, hits):
    low = severity_score(medium=medium, sentiment=sentiment, reach=reach, agency_count=agencies, keyword_hits=hits)
    high = severity_score(medium=medium, sentiment=sentiment, reach=reach + more, agency_count=agencies,
                          keyword_hits=hits)
    assert high >= low


def test_a_negative_tv_story_outranks_a_positive_forum_post_of_the_same_reach():
    tv = severity_score(medium="tv", sentiment="negative", reach=5000, agency_count=1, keyword_hits=0)
    forum = severity_score(medium="forum", sentiment="positive", reach=5000, agency_count=1, keyword_hits=0)
    assert (tv, forum) == (70, 30)


def test_reach_counts_by_order_of_magnitude():
    assert [reach_points(n) for n in (0, 9, 10, 12_000, 10**9)] == [0, 5, 10, 25, 30]


def test_keywords_match_whatever_the_outlet_wrote_for_tai():
    assert keyword_hits(["台北市大安區停水"], ["停水", "臺北"]) == 2


def test_tracking_parameters_case_and_trailing_slash_do_not_make_a_new_link():
    plain = link_key("https://news.example.tw/a/123?id=9")
    assert link_key("HTTP://www.News.example.tw/a/123/?utm_source=line&id=9&fbclid=x#top") == plain
    assert link_key("https://news.example.tw/a/124?id=9") != plain


def test_no_link_is_no_key_and_a_non_web_link_is_refused():
    assert link_key("  ") is None
    with pytest.raises(ValidationFailed):
        link_key("javascript:alert(1)")
