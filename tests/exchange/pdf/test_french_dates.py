"""The dates our letters and certificates print, as French writes them."""

from datetime import date

from c2i2e_jury.exchange.pdf.french import day_month_year, long_date


def test_the_first_of_the_month_is_an_ordinal():
    assert day_month_year(date(2017, 6, 1)) == "1er juin 2017"
    assert long_date(date(2017, 6, 1)) == "jeudi 1er juin 2017"


def test_other_days_are_cardinals():
    assert day_month_year(date(2017, 5, 15)) == "15 mai 2017"
    assert day_month_year(date(2017, 8, 2)) == "2 août 2017"
    assert long_date(None) == "date non fixée"
