"""One hand-checked headline per rule of extract.enrich.headlines, beside the blind corpus of
headlines.yaml: each case names the class it guards, and its expected headline was read against
its sentence (who did what is true to the text)."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.pipeline import document_events

CASES = [
    (  # a clock time is no part of a headline (it was cut to "at 2")
        "North Korea blew up the liaison office at 2:49 p.m. local time on June 16, 2020.",
        "2020-06-17",
        "on June 16, 2020",
        "North Korea blows up the liaison office",
    ),
    (  # an adverb between the auxiliary and its verb stays in the verb group ("was first
        # observed"); the subject is before the relative clause
        "The day, which falls on the eve of Chuseok, was first observed on 2023.09.28 under a"
        " new law.",
        "2025-10-01",
        "2023.09.28",
        "Day observed under a new law",
    ),
    (  # a pronoun coordinated with a name is not that name
        "Vladimir Putin made his first trip to Pyongyang in 24 years. During the June 2024 visit,"
        " he and Kim Jong Un signed a treaty pledging mutual military assistance.",
        "2024-06-20",
        "June 2024",
        "Vladimir Putin and Kim Jong Un sign a treaty pledging mutual military assistance",
    ),
    (  # each titled name of a coordinated subject loses its title; a name's "In" stays
        "The respected Supreme Leader Kim Jong Un and President Moon Jae In signed the Pyongyang"
        " Joint Declaration on September 19.",
        "2018-09-20",
        "on September 19",
        "Kim Jong Un and Moon Jae In sign the Pyongyang Joint Declaration",
    ),
    (  # a threat is the event, not what is threatened
        'Earlier Monday, North Korea threatened to take "physical action" after the U.S. and'
        " South Korea announced plans to deploy a missile defense system.",
        "2016-07-12",
        "Monday",
        "North Korea threatens to take physical action",
    ),
    (  # what was said, past the place where it was said
        "President Joe Biden said during a CNN town hall on Thursday that the U.S. was committed"
        " to defending Taiwan.",
        "2021-10-23",
        "on Thursday",
        "President Joe Biden says the U.S. is committed to defending Taiwan",
    ),
    (  # a long headline drops its articles and possessives before it is cut
        "North Korean leader Kim Jong Un urged his military scientists Monday to overcome a"
        " failed spy satellite launch.",
        "2024-05-29",
        "Monday",
        "Kim Jong Un urges military scientists to overcome failed spy satellite launch",
    ),
    (  # another date's preposition goes with it ("for July 21")
        "South Korea on Monday proposed military talks with North Korea for July 21 at the truce"
        " village of Panmunjom.",
        "2017-07-17",
        "July 21",
        "South Korea proposes military talks with North Korea at truce village of Panmunjom",
    ),
    (  # a preposition in a subject is kept, then the long subject is cut before it
        "Four North Koreans aboard a small wooden boat were taken into custody on Tuesday, the"
        " military said.",
        "2023-10-24",
        "on Tuesday",
        "Four North Koreans taken into custody",
    ),
    (  # what was told, inside what was said
        "North Korea said Monday it has told the U.S. that it is ending all diplomatic"
        " communications with the U.S.",
        "2016-07-12",
        "Monday",
        "North Korea says it has told U.S. it is ending all diplomatic communications",
    ),
    (  # the words before the verb open with a clause of their own: the subject is nearer
        "It pointed to the mutual defense treaty Pyongyang signed with Moscow in June 2024 as"
        " proof that the North does not stand alone.",
        "2025-01-01",
        "in June 2024",
        "North Korea signs mutual defense treaty with Moscow as proof",
    ),
    (  # a title before a name is no object ("leader Kim Jong Un had supervised")
        "North Korea's state media said on Sunday that leader Kim Jong Un had supervised a"
        ' "strike drill" of rocket launchers on Saturday.',
        "2024-05-19",
        "on Saturday",
        "Kim Jong Un supervises a strike drill of rocket launchers",
    ),
    (  # two decades joined by "and" leave the headline together
        "North Korea admitted in 2002 that its agents had kidnapped 13 Japanese citizens in the"
        " 1970s and 1980s.",
        "2020-01-01",
        "in 2002",
        "North Korea admits its agents had kidnapped 13 Japanese citizens",
    ),
    (  # a record's 'since' date stays: 'tests ICBMs for the first time' would not be true
        "In 2022, North Korea tested ICBMs for the first time since 2017.",
        "2022-12-01",
        "In 2022",
        "North Korea tests ICBMs for the first time since 2017",
    ),
    (  # a person's name in apposition to a title is the subject; 'after' + a noun phrase
        # stays in the verb's clause
        "North Korea's foreign minister, Choe Son Hui, spoke after a meeting with Sergei Lavrov"
        " in Moscow on Friday.",
        "2024-11-04",
        "on Friday",
        "Choe Son Hui speaks after a meeting with Sergei Lavrov in Moscow",
    ),
    (  # a transcript's speaker label is who speaks, not who acted; 'did' before a
        # determiner is the verb 'do'
        "REYES: Back in oh-six, when the North did its first nuclear test, I was sure that was"
        " the end.",
        "2019-05-20",
        "oh-six",
        "North Korea does its first nuclear test",
    ),
    (  # a reported verb after 'has' stays a participle ('has prepares' was written)
        "MR. PRICE: We said on Monday that the DPRK has prepared the Punggye-ri site.",
        "2022-06-08",
        "on Monday",
        "We say the DPRK has prepared the Punggye-ri site",
    ),
    (  # a resolution cited with its year: the year it was adopted; its number is no year
        "Recalling resolutions 1718 (2006), 1874 (2009), 2087 (2013) and 2094 (2013), the"
        " Council acted.",
        "2016-03-02",
        "2009",
        "Resolution 1874 adopted",
    ),
    (  # a relative's verb keeps its tag when its date is blanked ("which Washington expects
        # [by early June],"), and the antecedent is its object
        "Whether the craze lasts past the Trump-Kim summit, which Washington expects by early"
        " June, is anyone's guess.",
        "2018-05-10",
        "by early June",
        "U.S. expects the Trump-Kim summit",
    ),
    (  # a place's country set off by commas is not the clause's subject
        "Our partner clinic in Dandong, China, has been closed since January because of the"
        " border closure.",
        "2020-06-21",
        "since January",
        "Our partner clinic in Dandong closed (ongoing since)",
    ),
    (  # an agreement's signing line: the agreement signed there
        "Done at Kaesong on 14 September 2018, in duplicate, in the Korean language.",
        "2018-09-14",
        "on 14 September 2018",
        "Agreement signed at Kaesong",
    ),
    (  # a participle set off by commas after a name is not the date's verb
        "* July 19-20, 2000 - Putin, newly elected, becomes the first Kremlin leader to visit"
        " North Korea.",
        "2024-06-18",
        "July 19-20, 2000",
        "Putin becomes the first Kremlin leader to visit North Korea",
    ),
    (  # a thing told by its noun alone takes the description the story gave it before
        "North Korea cut its inter-Korean communication lines in June 2020. The lines were"
        " restored on July 27, 2021.",
        "2021-08-02",
        "on July 27, 2021",
        "Inter-Korean communication lines restored",
    ),
    (  # ... the last description told, never a plural taken for a describing word ("its best
        # chapters deal with"), an adverb or a participle ("the newly built office")
        "Its best chapters deal with the joint liaison office, the newly built office at Kaesong."
        " The office opened in September 2018.",
        "2024-05-02",
        "in September 2018",
        "Joint liaison office opens",
    ),
    (  # a body is not given the last description told: two ministries were told
        "The Ministry of Unification proposed merging its work into the foreign ministry. The"
        " ministry announced the suspension of the tours on Tuesday.",
        "2008-07-17",
        "on Tuesday",
        "Ministry announces the suspension of the tours",
    ),
    (  # a Korean name with a hyphenated given name is a person wherever it stands; "he" is
        # that person, not the president of the same family named before
        "President Park Geun-hye spoke on Monday. From the window of his small restaurant, Park"
        " Sung-chul can see the road. In the 1990s he began selling dried fish to aid groups.",
        "2019-03-05",
        "the 1990s",
        "Park Sung-chul begins selling dried fish to aid groups",
    ),
    (  # a family name alone is the first person of that family the story named in full, not
        # a relative named after ("His son, Han Min-jae, said")
        "Han Tae-sik, a former unification minister, died on Sunday. His son, Han Min-jae, said"
        " the cause was heart failure. Han joined the Foreign Ministry in 1957.",
        "2011-03-08",
        "in 1957",
        "Han Tae-sik joins the Foreign Ministry",
    ),
    (  # a person told by what they are ("the defendant") is who "he" stands for; "Mrs Choi's
        # father" names Mrs Choi, the Choi Myong-hui told before
        "The court found that the defendant joined the federation in 2005. He met the same agent"
        " again in Hanoi in the spring of 2019.",
        "2026-01-20",
        "in the spring of 2019",
        "Defendant meets the same agent again in Hanoi",
    ),
    (
        "Choi Myong-hui, 47, opened a bakery on Saturday. Mrs Choi's father died in a labour camp"
        " in 1998. She reached South Korea in 2011.",
        "2019-10-16",
        "in 2011",
        "Choi Myong-hui reaches South Korea",
    ),
    (  # a short clause does not borrow the verb of a clause of another time ("after North
        # Korea withdrew" is the row of its own date)
        "Production was also suspended from 2013-04-09 to 2013-09-15 after North Korea withdrew"
        " its workers on 2013-04-08.",
        "2016-02-12",
        "from 2013-04-09 to 2013-09-15",
        "Production suspended",
    ),
    (  # a chat message's sender and time are no part of its headline
        "[Lee Dong-hoon 1101] [10:18 AM] The cabinet suspended the whole 2018 military agreement"
        " this morning.",
        "2024-06-04",
        "this morning",
        "Cabinet suspends the whole military agreement",
    ),
    (  # a name told given name first ("Sun-hee Park") is no mention of Park Geun-hye; a titled
        # professor is a person "he" may stand for
        "Sun-hee Park married Daniel Rees in Cardiff on 16 December. Professor Emeritus Daniel"
        " Hwang died at home on 14 February. Born in Sinuiju, he came south in 1947.",
        "2001-04-02",
        "in 1947",
        "Daniel Hwang comes south",
    ),
    (  # another numeric date of the sentence is no part of the headline (it was "on 12 30")
        "The clerk noted on 01/21/2020 that DHL reported delivery was refused on 12/30/2019.",
        "2020-02-01",
        "01/21/2020",
        "Clerk notes DHL reported delivery is refused",
    ),
    (  # a witness's watching is no event: what was watched is ("as ... sat down")
        "Last June, I watched on a hotel television in Seoul as an American president sat down in"
        " Singapore with Kim Jong Un.",
        "2019-05-20",
        "Last June",
        "An American president sits down in Singapore with Kim Jong Un",
    ),
    (  # the object of a relation verb ("citing", "links it to") is an event with its own date
        "Citing North Korea's fourth nuclear test in January, Seoul ordered all 124 companies"
        " out of the complex on Feb. 10.",
        "2016-05-13",
        "in January",
        "North Korea's fourth nuclear test",
    ),
    (  # ... each item of a list of such objects, its currency sign kept
        "Hanwol Labs links it to the hacking of Sony Pictures in November 2014 and to the theft"
        " of $81 million from Bangladesh's central bank in February 2016.",
        "2017-12-20",
        "in February 2016",
        "Theft of $81 million from Bangladesh's central bank",
    ),
    (  # a date in a relative clause with its own verb is that verb's, not the main clause's
        "A forest fire that broke out on the North Korean side of the DMZ on Sunday crossed the"
        " military demarcation line overnight into Tuesday.",
        "2021-03-30",
        "on Sunday",
        "A forest fire breaks out on the North Korean side of the DMZ",
    ),
    (  # ... and the main clause's date is the main verb's
        "A forest fire that broke out on the North Korean side of the DMZ on Sunday crossed the"
        " military demarcation line overnight into Tuesday.",
        "2021-03-30",
        "overnight into Tuesday",
        "A forest fire crosses the military demarcation line",
    ),
    (  # a relative clause ends at the main verb; it hangs on the event noun before a place
        "The five-day plenary meeting of the ruling Workers' Party that ended Saturday adopted a"
        " plan.",
        "2025-12-30",
        "Saturday",
        "Five-day plenary meeting ends",
    ),
    (  # "it" in what a company or an agency reports is the reporter (it was a place told before)
        "Seowon Apparel said on Thursday that it had swung to an operating loss last quarter.",
        "2016-05-13",
        "last quarter",
        "Seowon Apparel swings to an operating loss",
    ),
    (  # a verb after "and" that follows a passive is passive; the subject is before the
        # relative clause set off by commas
        "Choi, who once taught history, was arrested at his home on Feb. 27 by agents of the"
        " National Intelligence Service and indicted on March 19.",
        "2021-04-02",
        "on March 19",
        "Choi indicted",
    ),
    (  # "on which": the act is on the relative's antecedent, its head and first phrase
        "A new road bridge across the Tumen River between Russia and North Korea, on which"
        " construction began in April 2025, is due to open by the end of 2026.",
        "2025-09-01",
        "in April 2025",
        "Construction begins on a new road bridge across the Tumen River",
    ),
    (  # a gerund after a relative's verb has the relative's antecedent as its subject
        "Advance sales passed 300,000 tickets by Tuesday night, putting the film on course to"
        ' challenge "Taegukgi", which drew more than 11 million viewers after opening in'
        " February.",
        "2004-06-23",
        "in February",
        "Taegukgi opens",
    ),
    (  # "the zone" is the industrial park the story named ("zone", "complex", "park")
        "Seowon ran a factory at the Kaesong industrial park. The lines stood idle for five"
        " months until the zone reopened in September 2013.",
        "2016-05-13",
        "in September 2013",
        "Kaesong industrial park reopens",
    ),
    (  # an event noun the date names after a temporal preposition, with its place
        "Both sides toned down their broadcasts briefly in 1972, and again after the 2000 summit"
        " in Pyongyang, but the Voice of Unity never stopped entirely.",
        "2004-06-20",
        "2000",
        "Summit in Pyongyang",
    ),
    (  # a schedule verb after a noun is a verb, even where the date is blanked out
        "Roh Moo-hyun returned to Seoul on Thursday. His term ends in February.",
        "2007-10-05",
        "in February",
        "Roh Moo-hyun's term ends",
    ),
    (  # "a village called Panmunjom" names the village: "called" is no verb of the clause
        "Seventy years ago next Thursday, in a wooden hall at a village called Panmunjom,"
        " American and North Korean generals signed an armistice.",
        "2023-07-22",
        "Seventy years ago next Thursday",
        "American and North Korean generals sign an armistice",
    ),
    (  # "it" after "an armistice" told first is the armistice
        "The generals signed an armistice at 10 a.m. It took effect 12 hours later, at 10 p.m.",
        "2023-07-22",
        "12 hours later",
        "Armistice takes effect",
    ),
    (  # an object relative: "the exercises that the alliance scaled back" -> who did it
        "Yoon has restored the joint field exercises that the alliance scaled back in 2018.",
        "2024-11-01",
        "in 2018",
        "Alliance scales back the joint field exercises",
    ),
    (  # "that" after a told noun tells what was told, no relative
        "His lawyer told the court on Friday that his client would appeal.",
        "2025-02-22",
        "on Friday",
        "Lawyer tells the court that his client will appeal",
    ),
    (  # the anniversary of a party is that of its founding
        "Kim is preparing for the 70th anniversary of the Workers' Party and wants calm.",
        "2015-08-26",
        "70th anniversary of the Workers' Party",
        "Workers' Party founded",
    ),
    (  # a member of a list is headed by what it is, with the verb of the whole
        "The North has launched more ballistic missiles this year than ever, including the"
        " Hwasong-17 on March 24.",
        "2022-11-04",
        "on March 24",
        "North Korea launches the Hwasong-17",
    ),
    (  # "It was the first time X had Y since DATE": the date is X's last Y, headed by X, and
        # nothing is "ongoing since" it
        "It was the first time North Korean gunfire had struck a South Korean guard post since"
        " October 2014.",
        "2024-05-01",
        "since October 2014",
        "North Korean gunfire strikes a South Korean guard post",
    ),
    (  # "march" is a verb, not the month, when it is not a name
        "The two Koreas marched together at the Sydney Olympics in 2000.",
        "2018-01-18",
        "in 2000",
        "North and South Korea march together at the Sydney Olympics",
    ),
    (  # a date in an object relative ("the treaty that Kim and Putin signed in June"): the
        # relative's subject acts on its antecedent, in the active
        "The mutual defence treaty that Kim Jong Un and Vladimir Putin signed in June took effect"
        " on Wednesday.",
        "2024-12-06",
        "in June",
        "Kim Jong Un and Vladimir Putin sign the mutual defence treaty",
    ),
    (  # a date before a subject with a relative clause dates the main verb after it
        "Also on Wednesday, the mutual defence treaty that Kim Jong Un signed with Russian"
        " President Vladimir Putin in June took effect, the Kremlin said.",
        "2024-12-06",
        "on Wednesday",
        "Mutual defence treaty takes effect",
    ),
    (  # ... but not a verb of what a relative reports ("a launch that the activists said
        # carried"), and a reduced passive after a reporting "that" stays passive
        "The spokesman said that the third underground nuclear test conducted on February 12 was"
        " a legitimate self-defensive measure.",
        "2013-02-20",
        "on February 12",
        "Underground nuclear test conducted",
    ),
    (  # what a response answers is an event of its own
        "Seoul said on Wednesday it would suspend operations at the park in response to the"
        " North's nuclear test on Jan. 6.",
        "2016-02-12",
        "on Jan. 6",
        "North's nuclear test",
    ),
    (  # a passive keeps its verb's particle ("was switched off", not "switched")
        "The propaganda loudspeakers on the border were switched off on April 23.",
        "2018-05-01",
        "on April 23",
        "Propaganda loudspeakers on the border switched off",
    ),
]


@pytest.mark.parametrize(("text", "published", "evidence", "headline"), CASES)
def test_headline_rule(text: str, published: str, evidence: str, headline: str) -> None:
    rows = document_events(text, dt.date.fromisoformat(published))
    summaries = {row.evidence: row.summary.removesuffix(" (planned)") for row in rows}
    assert summaries.get(evidence) == headline, summaries


def test_it_in_a_persons_report_is_not_the_person() -> None:
    """'it' stands for the reporter when a company or an agency reports, never for a person."""
    rows = document_events(
        "Moon Jae-in said on Friday that it had rained for most of last quarter.",
        dt.date(2016, 5, 13),
    )
    (quarter,) = [row for row in rows if row.evidence == "last quarter"]
    assert not quarter.summary.startswith("Moon"), quarter.summary


LABEL_CASES = [
    (  # a statement made or issued is named by who made it
        "Kim Yo Jong issued a statement on Friday denouncing the leaflets.",
        "2020-06-06",
        "on Friday",
        "Kim Yo Jong issues a statement denouncing the leaflets",
        "Kim Yo Jong statement",
    ),
    (  # a subordinate clause with its own subject and auxiliary keeps it, however short;
        # "the armistice" of this news is the Korean War's
        "When the armistice was signed in July 1953, he was selling cigarettes to American"
        " soldiers in Busan.",
        "2021-11-17",
        "in July 1953",
        "Korean War armistice signed",
        "Korean War armistice signed",
    ),
    (  # 'plans' after a pronoun is a verb; 'it' is the ministry told before
        "The Unification Ministry said Tuesday it respected the decision. It plans to submit"
        " amendments to related laws by the end of the year.",
        "2023-09-26",
        "by the end of the year",
        "Unification Ministry submits amendments to related laws",
        "Amendments submitted",
    ),
    (  # a parenthetical 'however' between commas does not cut the subject from its verb
        "Cross-border tours to the Mount Kumgang resort, however, were suspended in 2008.",
        "2023-05-01",
        "in 2008",
        "Cross-border tours to the Mount Kumgang resort suspended",
        "Cross-border tours suspended",
    ),
    (  # "their first quiet in about a year" dates the quiet before, not the halt
        "The next day, North Korea halted its broadcasts of eerie noises to the South, giving"
        " border residents their first quiet in about a year.",
        "2025-06-16",
        "in about a year",
        "Previous quiet before North Korea halts its broadcasts of eerie noises",
        "Previous quiet",
    ),
    (  # a live blog's entry: the words after its time stamp
        "3:51 p.m. — Talks behind closed doors",
        "2019-06-30",
        "3:51 p.m.",
        "Talks behind closed doors",
        "Talks",
    ),
    (  # a verb right after 'who' is the relative clause's verb
        "The decision will fall to President-elect Yoon Suk Yeol, who takes office on May 10.",
        "2022-03-30",
        "on May 10",
        "President-elect Yoon Suk Yeol takes office",
        "Yoon Suk Yeol takes office",
    ),
    (  # a coordinated verb takes the first verb's subject; 'it' is the thing told before
        "The law made it a crime to send leaflets. It was passed by the ruling party on Dec. 14,"
        " 2020, and took effect on March 30, 2021.",
        "2023-09-26",
        "on March 30, 2021",
        "Law takes effect",
        "Law takes effect",
    ),
    (  # 'it' after a ministry is the ministry; 'won' after a number is money, not a verb
        "The Unification Ministry was among the biggest winners. It will spend 1.25 trillion won"
        " in fiscal year 2026.",
        "2025-12-03",
        "in fiscal year 2026",
        "Unification Ministry spends 1.25 trillion won",
        "Unification Ministry spends",
    ),
    (  # 'it' after 'the South' is South Korea; an adverb between subject and verb
        "The South now leads Group H on goal difference. It next plays Lebanon in Beirut on"
        " Nov. 14.",
        "2019-10-17",
        "on Nov. 14",
        "South Korea plays Lebanon in Beirut",
        "Lebanon played",
    ),
    (  # a noun in -ing is part of the object ('a security meeting'); a place's own name
        # prefixes a label, an English word of a name does not ('the Demilitarized Zone')
        "Park presided over a security meeting at Panmunjom on Monday.",
        "2013-06-11",
        "on Monday",
        "Park presides over a security meeting at Panmunjom",
        "Panmunjom security meeting presided",
    ),
    (  # a partitive of time is looked through ('decades of official policy')
        "In late 2023, Kim abandoned decades of official policy on unification.",
        "2024-03-01",
        "In late 2023",
        "Kim abandons decades of official policy on unification",
        "Official policy abandoned",
    ),
    (  # an adjective after a passive participle stays with it; a direction is no object
        "A South Korean tourist was shot dead by a North Korean soldier in July 2008. A North"
        " Korean missile landed south of the Northern Limit Line on Nov. 2, 2022.",
        "2023-01-05",
        "in July 2008",
        "A South Korean tourist shot dead by a North Korean soldier",
        "South Korean tourist shot dead",
    ),
    (  # 'that' before an auxiliary opens a relative clause whose subject is the noun phrase
        # before it; "he’d" is a pronoun
        "Leavitt said he’d like to see the progress that was made at the summit in Singapore in"
        " 2018.",
        "2025-06-16",
        "in 2018",
        "Progress made at the summit in Singapore",
        "Progress made",
    ),
    (  # a copula in the date's relative clause is its verb; 'in place' is no verb
        "North Korea test-fired its largest missile yet on Thursday, ending a self-imposed"
        " moratorium on long-range launches that had been in place since 2017.",
        "2022-03-24",
        "since 2017",
        "A self-imposed moratorium on long-range launches held in place",
        "Self-imposed moratorium held",
    ),
    (  # a passive with an adverb and no object is labelled by its subject
        "The alliance rests on the Mutual Defense Treaty, which was signed in 1953 shortly after"
        " the fighting stopped.",
        "2021-12-13",
        "in 1953",
        "Mutual Defense Treaty signed shortly",
        "Mutual Defense Treaty signed",
    ),
    (  # "office" is a light object alone ("take office"), not in "joint liaison office"; a
        # coordinated subject never leaves its "and" at the start of a label
        "South and North Korea opened their first joint liaison office in Kaesong on Friday.",
        "2018-09-14",
        "on Friday",
        "South and North Korea open their first joint liaison office in Kaesong",
        "Kaesong joint liaison office opened",
    ),
    (  # a noun after the verb's object is no second verb ("loudspeaker broadcasts along")
        "South Korea's military halted its anti-North Korea loudspeaker broadcasts along the"
        " border Wednesday.",
        "2025-06-11",
        "Wednesday",
        "South Korea's military halts its anti-North Korea loudspeaker broadcasts along the border",
        "Korea loudspeaker broadcasts halted",
    ),
    (  # a verb's gerund complement names the event; a measure is no object
        "The two Koreas began removing land mines on Monday.",
        "2018-10-02",
        "on Monday",
        "North and South Korea begin removing land mines",
        "Land mines removed",
    ),
    (  # a copula is labelled by its subject and complement, adverbs aside
        '"Military solutions are now fully in place," @realDonaldTrump tweeted Friday.',
        "2017-08-12",
        "Friday",
        "Military solutions are now fully in place",
        "Military solutions in place",
    ),
    (  # "test launched" is one verb; a quantity is not the object
        "Since 2022, North Korea has test launched more than 80 ballistic missiles.",
        "2024-12-06",
        "Since 2022",
        "North Korea test-launches more than 80 ballistic missiles",
        "Ballistic missiles test-launched",
    ),
    (  # "six times" counts the tests, it is not part of what was tested
        "It has tested a nuclear explosive device six times since 2006. North Korea said so.",
        "2021-12-13",
        "since 2006",
        "It tests a nuclear explosive device six times",
        "Nuclear explosive device tested",
    ),
    (  # a meeting with no place is named by who met
        "North Korean leader Kim Jong Un has not replied. Kim, knowing that he now has more"
        " cards than in 2018, when he met with Trump, will likely take his time.",
        "2025-06-16",
        "in 2018",
        "Kim Jong Un meets with Trump",
        "Kim Jong Un meets with Trump",
    ),
    (  # a reported passive is labelled by what it befalls; "will be severed" stays a participle
        "State media said Friday the lines will be severed at noon.",
        "2020-06-13",
        "Friday",
        "State media says the lines will be severed at noon",
        "Lines severed",
    ),
    (  # a reported progressive, through "all its 53,000", with its particle
        "North Korea said Monday it is pulling all its 53,000 workers out of the Kaesong complex.",
        "2013-04-09",
        "Monday",
        "North Korea says it is pulling all 53,000 workers out of Kaesong complex",
        "Workers pulled out",
    ),
    (  # a unit is looked through
        "South Korea on Monday sent 50,000 tons of rice to North Korea.",
        "2019-07-02",
        "on Monday",
        "South Korea sends 50,000 tons of rice to North Korea",
        "Rice sent",
    ),
    (  # an offer is labelled by what was offered
        "South Korea on Tuesday offered to hold talks with North Korean diplomats.",
        "2018-01-03",
        "on Tuesday",
        "South Korea offers to hold talks with North Korean diplomats",
        "Talks offered",
    ),
]


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        (
            "North and South Korea restored their hotlines on Tuesday.",
            ["North Korea", "South Korea"],
        ),
        ("The two Koreas held talks on Tuesday.", ["North Korea", "South Korea"]),
    ],
)
def test_coordinated_koreas_are_both_actors(text: str, actors: list[str]) -> None:
    (row,) = document_events(text, dt.date(2021, 7, 28))
    assert row.actors == actors


@pytest.mark.parametrize(("text", "published", "evidence", "headline", "label"), LABEL_CASES)
def test_label_rule(text: str, published: str, evidence: str, headline: str, label: str) -> None:
    rows = document_events(text, dt.date.fromisoformat(published))
    told = {row.evidence: (row.summary.split(" (")[0], row.label) for row in rows}
    assert told.get(evidence) == (headline, label), told


def test_a_clause_after_a_clause_ends_the_first_but_two_named_subjects_stay_one() -> None:
    import datetime as dt

    from extract.pipeline import document_events

    rows = document_events(
        "Kim Jong Un arrived on an Air China 747 on Sunday and Trump landed at Paya Lebar. "
        "Russia says President Putin and Chairman Kim held their first summit in April.",
        dt.date(2019, 6, 12),
    )
    summaries = [row.summary for row in rows]
    assert summaries[0] == "Kim Jong Un arrives on an Air China 747"
    assert "Putin" in summaries[-1] and "Kim" in summaries[-1]
