from stancemap.clean.text import clean_text
from stancemap.model import Document

ARTICLE = """Senate Budget Talks Stall Again

WASHINGTON ― The senator's long campaign against the spending bill reached a new stage on Tuesday, when she told reporters that the deal on the table would not pass.

“We are not going to vote for a bill that cuts the school programme,” she said after a meeting with the leaders of both parties.

That comment is a lie.

The budget office said the figures it published last week showed the cuts were smaller than the senator claimed, and that most of the savings came from delays in the transport plan.

Officials said the new rules would apply to every vehicle
entering the U.S.

The talks are expected to resume on Thursday, when the committee meets again to consider a revised version of the bill and its amendments.
"""


def test_clean_keep_article_dateline_and_short_lines_kept_whole():
    cleaned = clean_text(Document(source="article", content=ARTICLE))
    body = "\n".join(cleaned.text[s:e] for s, e in cleaned.paragraphs)
    for line in ARTICLE.splitlines()[1:]:
        assert line.strip() in body
