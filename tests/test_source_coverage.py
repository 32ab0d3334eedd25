"""Every fact of the sources reaches the reader through the command a reader would use.

The lists below were built by reading the two source articles (../shared/sources/000_60784f22a1f43838.txt,
The Asia Business Daily, and 004_d3f833d6c28624be.txt, The Dong-A Ilbo's preview) sentence by sentence, and the
[H] facts of sections 1-7 of research-notes.md section by section, not from the data. Each entry is
(the fact, the command that must show it, the words its output must contain). Facts deliberately left out are
listed with their reason.

Each command runs once per module through Typer's CliRunner with `--format json`; the test matches the fact's
words in the text of the JSON values (not the layout), case-insensitively, with "defense"/"defence", curly and
straight quotes and dashes treated alike.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest
from conftest import run

Entry = tuple[str, tuple[str, ...], tuple[str, ...]]

BRIEF_US = ("brief", "united-states")
BRIEF_CN = ("brief", "china")
BRIEF_JP = ("brief", "japan")
BRIEF_CA = ("brief", "canada")
BRIEF_AU = ("brief", "australia")
BRIEF_NZ = ("brief", "new-zealand")
BRIEF_VN = ("brief", "vietnam")
BRIEF_TH = ("brief", "thailand")
BRIEF_PH = ("brief", "philippines")
BRIEF_CL = ("brief", "chile")
BRIEF_ID = ("brief", "indonesia")
BRIEF_AE = ("brief", "united-arab-emirates")
BRIEF_SG = ("brief", "singapore")
BRIEF_KH = ("brief", "cambodia")

# ---------------------------------------------------------------------------------------------------------------
# 000_60784f22a1f43838.txt: The Asia Business Daily, "Intensive Summit Diplomacy with Canada, Australia, Vietnam,
# and Others" (post-summit report), sentence by sentence.
# ---------------------------------------------------------------------------------------------------------------
ARTICLE_POST_SUMMIT: list[Entry] = [
    (
        "Title: Intensive Summit Diplomacy with Canada, Australia, Vietnam, and Others",
        BRIEF_CA,
        ("Intensive Summit Diplomacy with Canada, Australia, Vietnam, and Others",),
    ),
    (
        "Publication: The Asia Business Daily (Asia Economy's English edition), at its URL",
        BRIEF_CA,
        ("The Asia Business Daily", "https://cm.asiae.co.kr/en/article/2025110120254851159"),
    ),
    ("Subhead: cooperation on critical minerals and energy with Australia", BRIEF_AU, ("critical minerals",)),
    ("Subhead: cooperation on critical minerals and energy with Chile", BRIEF_CL, ("critical minerals, energy",)),
    ("Subhead: 'sales diplomacy' encouraging Korean companies to expand abroad", BRIEF_TH, ("sales diplomacy",)),
    (
        "Lead: bilateral meetings from Canada to Indonesia on the occasion of APEC 2025",
        ("timeline",),
        ("Korea-Canada summit", "Korea-Indonesia summit", "APEC Economic Leaders' Meeting"),
    ),
    (
        "Lead: the signing of a military and defense information protection agreement with Canada",
        BRIEF_CA,
        ("the signing of a military and defense information protection agreement",),
    ),
    (
        "Lead: decision with New Zealand to elevate relations to a comprehensive strategic partnership",
        ("agreements", "new-zealand"),
        ("Korea-New Zealand Comprehensive Strategic Partnership",),
    ),
    (
        "Caption: Lee gives a toast at the state banquet for Xi on the 1st at Sono Calm in Gyeongju (Yonhap)",
        BRIEF_CN,
        ("gave a toast at the state banquet held for Chinese President Xi Jinping", "Sono Calm in Gyeongju", "Yonhap"),
    ),
    (
        "Meetings with the US, China, Japan, Canada, Australia, Vietnam, New Zealand, the Philippines, Chile, "
        "Thailand and Indonesia",
        ("timeline",),
        (
            "Korea-US summit",
            "Korea-China summit",
            "Korea-Japan summit",
            "Korea-Canada summit",
            "Korea-Australia summit",
            "Korea-Vietnam summit",
            "Korea-New Zealand summit",
            "Korea-Philippines summit",
            "Korea-Chile summit",
            "Korea-Thailand summit",
            "Korea-Indonesia summit",
        ),
    ),
    (
        "Most meetings in a friendly atmosphere thanks to Lee's conversational skills ('cordial' relay)",
        BRIEF_VN,
        ("friendly atmosphere", "conversational skills"),
    ),
    (
        "Presidential office: Lee told Luxon he would like to try fishing in New Zealand, lightening the mood",
        BRIEF_NZ,
        ("presidential office", "lightened the mood", "try fishing in New Zealand", "Christopher Luxon"),
    ),
    (
        "Quote: 'I would really like to try fishing in New Zealand'",
        ("quotes", "new-zealand"),
        ("I would really like to try fishing in New Zealand",),
    ),
    (
        "Lee mentioned newly appointed PM Takaichi's hobbies: drumming, scuba diving, motorcycling",
        BRIEF_JP,
        ("newly appointed", "Sanae Takaichi", "drumming", "scuba diving", "motorcycling"),
    ),
    (
        "Quote: 'Prime Minister Takaichi has accomplished all of her dreams.'",
        ("quotes", "japan"),
        ("Prime Minister Takaichi has accomplished all of her dreams.",),
    ),
    (
        "Caption: Lee greets Carney, who attended the APEC Summit at Gyeongju HICO on the 31st (Yonhap), quoted",
        BRIEF_CA,
        (
            "President Lee Jae-myung is greeting Mark Carney, Prime Minister of Canada",
            "who attended the 2025 Asia-Pacific Economic Cooperation (APEC) Summit held at Gyeongju HICO on the 31st",
            "Yonhap",
        ),
    ),
    (
        "Lee and Carney adopted a 'Korea-Canada Joint Statement'",
        ("agreements", "canada"),
        ("Korea-Canada Joint Statement",),
    ),
    (
        "The joint statement outlines cooperation in security and defense",
        BRIEF_CA,
        ("Outlines cooperation in security and defence",),
    ),
    (
        "Establishment of a security and defense cooperation partnership",
        ("agreements", "canada"),
        ("Security and Defence Cooperation Partnership", "established"),
    ),
    (
        "Canada's first such partnership with a country in the Indo-Pacific",
        BRIEF_CA,
        ("first such partnership with a country in the Indo-Pacific",),
    ),
    (
        "Canada preparing submarine construction and maintenance orders worth 60 trillion won (about $45 billion)",
        BRIEF_CA,
        ("submarine construction and maintenance projects worth 60 trillion won (about $45 billion)",),
    ),
    (
        "Given those orders, the signing of the partnership is particularly meaningful (the writer's view)",
        BRIEF_CA,
        ("calls the signing of the partnership particularly meaningful",),
    ),
    (
        "High expectations for the consortium of HD Hyundai Heavy Industries and Hanwha Ocean in the bidding",
        BRIEF_CA,
        ("high expectations for the consortium of HD Hyundai Heavy Industries and Hanwha Ocean",),
    ),
    (
        "Areas of cooperation under the partnership",
        BRIEF_CA,
        (
            "military collaboration and interoperability",
            "defense industry and innovation",
            "cyber, space, and hybrid threats",
            "capacity building for partner countries",
        ),
    ),
    (
        "Biennial meetings of foreign and defense ministers to review the partnership",
        ("followups", "canada"),
        ("Biennial meeting of foreign and defence ministers to review the partnership",),
    ),
    (
        "Lee and Carney concluded a military and defense secret information protection agreement",
        ("agreements", "canada"),
        ("Agreement on the Protection of Military and Defence Classified Information", "negotiations-concluded"),
    ),
    (
        "Once in effect, the agreement lays the foundation for cooperation in defense procurement and industry",
        BRIEF_CA,
        ("takes effect", "defense procurement", "defense industry"),
    ),
    (
        "Leaders reaffirmed their commitment to cooperate as strategic partners in defense and security",
        BRIEF_CA,
        ("strategic partners in defense and security",),
    ),
    (
        "Caption: Lee and First Lady Kim Hye-kyung welcome Albanese at the APEC Gala Dinner reception at Lahan "
        "Select Hotel in Gyeongju on the 31st (Yonhap)",
        BRIEF_AU,
        ("Kim Hye-kyung welcomed Australian Prime Minister Anthony Albanese", "Gala Dinner", "Lahan Select Hotel"),
    ),
    ("The first lady's name as the article spells it: Kim Hye-kyung", ("search", "Hye-kyung"), ("Kim Hye-kyung",)),
    (
        "Lee and Albanese discussed green steel and critical minerals",
        BRIEF_AU,
        ("extensive discussions on industrial sectors such as green steel and critical minerals",),
    ),
    ("Albanese mentioned his visit to the POSCO steelworks in Pohang", BRIEF_AU, ("POSCO steelworks in Pohang",)),
    (
        "Albanese quote on POSCO and green steel R&D",
        ("quotes", "australia"),
        ("For Australia, POSCO is the world's largest customer as a single company", "limitless opportunities"),
    ),
    (
        "Albanese quote on Korean investment in lithium, critical minerals and rare earths",
        ("quotes", "australia"),
        ("Korean companies are making significant investments in lithium", "driving force of the global economy"),
    ),
    (
        "Albanese quote on defence ties and North Korea",
        ("quotes", "australia"),
        ("we will stand together against invasions and threats from North Korea",),
    ),
    ("Chile's president as the article names him: Gabriel Boric Font", ("search", "Font"), ("Gabriel Boric Font",)),
    (
        "Lee and Boric agreed to strengthen cooperation and exchanges in critical minerals, energy and cultural "
        "industries",
        ("agreements", "chile"),
        ("critical minerals, energy and cultural industries", "agreed"),
    ),
    (
        "The summit was expected to initiate discussions on improving the Korea-Chile FTA",
        BRIEF_CL,
        ("expected to initiate discussions on improving the Korea-Chile FTA",),
    ),
    (
        "Boric quote on the FTA",
        ("quotes", "chile"),
        ("Chile is strongly committed to improving the FTA with Korea", "progress has stalled"),
    ),
    ("Lee proposed seeking mutually beneficial solutions in FTA talks", BRIEF_CL, ("mutually beneficial solutions",)),
    (
        "Chile was Korea's first FTA partner and is its third-largest trading partner in Latin America",
        BRIEF_CL,
        ("first FTA partner", "third-largest trading partner in Latin America", "presidential office"),
    ),
    (
        "Korea and the Philippines agreed regional cooperation against transnational crimes such as scam complexes",
        ("agreements", "philippines"),
        ("Regional cooperation against transnational crime and scam complexes",),
    ),
    (
        "...following the recent detention of Koreans in Cambodia",
        BRIEF_PH,
        ("detention of Koreans in Cambodia",),
    ),
    (
        "Lee thanked Marcos for the Korea Help Desk at a Philippine police station",
        BRIEF_PH,
        ("Korea Help Desk", "Philippine police station", "incidents involving Korean nationals"),
    ),
    ("Marcos's full name in the article", ("search", "Romualdez"), ("Ferdinand Romualdez Marcos Jr.",)),
    (
        "Agreed to work closely to ensure smooth operations for Korean businesses in the Philippines",
        ("agreements", "philippines"),
        ("smooth operations for Korean businesses in the Philippines",),
    ),
    (
        "They discussed strategic cooperation in defense, shipbuilding and infrastructure",
        BRIEF_PH,
        ("strategic cooperation in defense, shipbuilding, and infrastructure",),
    ),
    (
        "Caption: Lee and Prabowo shake hands on the 1st at the Gyeongju Hwabaek Convention Center before the "
        "APEC summit meeting (Yonhap)",
        BRIEF_ID,
        ("Prabowo Subianto", "shook hands", "Gyeongju Hwabaek Convention Center", "before the APEC summit meeting"),
    ),
    (
        "Korea and Thailand agreed to accelerate negotiations for a CEPA",
        ("agreements", "thailand"),
        ("Comprehensive Economic Partnership Agreement (CEPA)", "under-negotiation"),
    ),
    ("...currently underway, toward its signing", BRIEF_TH, ("accelerate the negotiations", "signing of a CEPA")),
    (
        "Lee and Anutin agreed future-oriented cooperation in defense and energy transition",
        ("agreements", "thailand"),
        ("Mutually beneficial and future-oriented cooperation in defence and energy transition",),
    ),
    ("...to advance the strategic partnership", BRIEF_TH, ("advance the strategic partnership",)),
    ("Thai PM's name", ("people",), ("Anutin Charnvirakul",)),
    (
        "Lee's 'sales diplomacy': opportunities for Korean companies in Thailand's defense sector",
        BRIEF_TH,
        ("sales diplomacy", "competitive Korean companies", "Thailand's defense sector"),
    ),
    (
        "NZ upgrade document: annual foreign ministers' meetings",
        ("followups", "new-zealand"),
        ("Annual foreign ministers' meetings",),
    ),
    (
        "NZ upgrade document: strategic dialogues at assistant-minister level to promote high-level exchanges",
        ("followups", "new-zealand"),
        ("Strategic dialogues at assistant-minister level, to promote high-level exchanges",),
    ),
    (
        "NZ upgrade document: regularizing economic security dialogues",
        ("followups", "new-zealand"),
        ("Regular economic security dialogue",),
    ),
    (
        "NZ upgrade document: New Zealand's intention to join the Minerals Security Partnership (MSP)",
        ("agreements", "new-zealand"),
        ("New Zealand's intention to join the Minerals Security Partnership (MSP)",),
    ),
    (
        "NZ upgrade document: amending the double taxation avoidance agreement",
        ("followups", "new-zealand"),
        ("Amendment of the double taxation avoidance agreement",),
    ),
    (
        "NZ upgrade document: launching bilateral Antarctic consultations",
        ("followups", "new-zealand"),
        ("Bilateral Antarctic consultations",),
    ),
    (
        "Presidential office: Korea-NZ FTA's 10th anniversary; cooperation in economic security to expand",
        BRIEF_NZ,
        ("10th anniversary this year", "continue expanding cooperation in economic security and other areas"),
    ),
    (
        "Korea and Indonesia agreed follow-up discussions on the KF-21 'Boramae' fighter",
        ("agreements", "indonesia"),
        ("KF-21 Boramae",),
    ),
    ("KF-21 follow-up discussions", ("followups", "indonesia"), ("KF-21 follow-up discussions",)),
    (
        "Prabowo quote on pricing, funding and feasibility",
        ("quotes", "indonesia"),
        ("discussions are underway regarding pricing and funding plans", "We will continue follow-up discussions."),
    ),
    (
        "Prabowo has met more than 20 Korean business leaders since taking office",
        BRIEF_ID,
        ("more than 20 Korean business leaders",),
    ),
    (
        "Prabowo: 'very open to Korean companies participating in the Indonesian economy'",
        ("quotes", "indonesia"),
        ("very open to Korean companies participating in the Indonesian economy",),
    ),
    (
        "Analysts: Lee leveraged his role as APEC chair to highlight Korea's presence and secure practical benefits",
        ("search", "international presence"),
        ("leveraged his role as chair of the APEC summit",),
    ),
    ("Vietnam's president: Luong Cuong", ("people",), ("Luong Cuong",)),
    (
        "Lee quote: 'Korea wants to be part of Vietnam's growth and development'",
        ("quotes", "vietnam"),
        ("Korea wants to be part of Vietnam's growth and development",),
    ),
    (
        "Lee's hope: a new level of cooperation in all areas",
        ("quotes", "vietnam"),
        ("a new level of cooperation will be created in all areas, including culture and private exchanges",),
    ),
]

ARTICLE_POST_SUMMIT_LEFT_OUT: list[tuple[str, str]] = [
    (
        "Lead: Lee strengthened cooperation 'in areas such as the economy and security'",
        "a summary of the meetings whose specific areas are entries of their own above",
    ),
    (
        "Lead: 'Despite a demanding schedule, President Lee expanded diplomatic influence ... and laid the "
        "groundwork for supporting various industries'",
        "the writer's assessment, not a checkable fact",
    ),
    ("'The outcomes were significant.'", "the writer's assessment, not a checkable fact"),
    (
        "Vietnam, 'whose country boasts an average annual growth rate of 7%'",
        "Lee's own words at the meeting say it (Korea Herald: 'close to 7 percent'), and the Vietnam brief shows "
        "that quote; a context fact repeating it was dropped (issue 23)",
    ),
    (
        "Subhead: '... Strengthening Supply Chains'",
        "a headline gloss: the body reports no supply-chain measure with Australia or Chile",
    ),
    ("The New Zealand upgrade repeated in the body", "the same fact as the lead's entry above"),
    (
        'Section headings "\'Cordial\' Relay of Bilateral Talks... Lee Sets a Positive Tone", "Australia and Chile '
        "Discuss 'Critical Minerals' Cooperation\" and \"'Sales Diplomacy' by Lee...\"",
        "headings over the sentences listed above (friendly atmosphere, critical minerals, sales diplomacy)",
    ),
]

# ---------------------------------------------------------------------------------------------------------------
# 004_d3f833d6c28624be.txt: The Dong-A Ilbo, "President Lee to face busy week of diplomacy" (preview editorial,
# 25 Oct 2025: plans), sentence by sentence.
# ---------------------------------------------------------------------------------------------------------------
ARTICLE_PREVIEW: list[Entry] = [
    (
        "Title, publication, posting date and time, URL",
        ("sources",),
        (
            "President Lee to face busy week of diplomacy",
            "The Dong-A Ilbo",
            "2025-10-25",
            "07:21",
            "https://www.donga.com/en/article/all/20251025/5922754/1",
        ),
    ),
    (
        "Lee will meet Trump on Oct. 29",
        BRIEF_US,
        ("Lee would meet U.S. President Donald Trump separately on 29 Oct",),
    ),
    (
        "Lee will meet Xi on Nov. 1",
        BRIEF_CN,
        ("Lee would meet Chinese President Xi Jinping separately on 1 Nov",),
    ),
    (
        "Both leaders visit South Korea as state guests for the APEC summit in Gyeongju",
        BRIEF_US,
        ("state guest for the APEC summit in Gyeongju",),
    ),
    ("Xi visits as a state guest", BRIEF_CN, ("Xi visiting South Korea as a state guest for the APEC summit",)),
    (
        "Trump and Xi scheduled to meet on Oct. 30 to discuss easing tensions over rare earths and tariffs",
        BRIEF_CN,
        ("scheduled to hold a bilateral meeting on 30 Oct", "easing tensions over rare earths and tariffs"),
    ),
    (
        "Lee will attend the ASEAN summit in Malaysia on Oct. 26",
        BRIEF_JP,
        ("attend the ASEAN summit in Malaysia on 26 Oct",),
    ),
    (
        "...where he will meet Takaichi for the first time and coordinate a separate bilateral meeting (a plan "
        "that changed)",
        BRIEF_JP,
        ("meet Japanese Prime Minister Sanae Takaichi for the first time", "coordinate a separate bilateral meeting"),
    ),
    (
        "A 'superweek' of multilateral and bilateral meetings: ASEAN, Korea-U.S., U.S.-China, APEC, Korea-China",
        BRIEF_US,
        ("superweek", "ASEAN, Korea-U.S., U.S.-China, APEC and Korea-China sessions"),
    ),
    ("President Lee will be at the center of these events", BRIEF_US, ("Lee at the center of these events",)),
    (
        "Key question: will Lee and Trump reach a trade agreement at their second meeting",
        BRIEF_US,
        ("whether Lee and Trump would reach a trade agreement at their second meeting",),
    ),
    (
        "Analysts: likelihood low, the two sides sharply divided on major issues",
        BRIEF_US,
        ("likelihood was low", "sharply divided on major issues"),
    ),
    (
        "Little incentive to rush a deal under unfavorable terms",
        BRIEF_US,
        ("little incentive to rush a deal under unfavorable terms",),
    ),
    (
        "Lee meets Xi for the first time since Xi's 2014 visit to Korea",
        BRIEF_CN,
        ("for the first time since his 2014 visit to Korea",),
    ),
    (
        "Discussions to cover North Korean denuclearization and regional issues",
        BRIEF_CN,
        ("North Korean denuclearization and regional issues", "assess the future of Korea-China relations"),
    ),
    ("Global attention will focus on the U.S.-China summit", BRIEF_CN, ("Global attention would focus on it",)),
    (
        "First meeting in Trump's second term, after tighter rare earth export controls and new 100 percent tariffs",
        BRIEF_CN,
        ("first meeting in Trump's second term", "tighter rare earth export controls and new 100 percent tariffs"),
    ),
    (
        "The summit could decide whether the tariff truce holds, influencing the U.S.-China power balance",
        BRIEF_CN,
        ("whether the current tariff truce holds or ends", "power balance"),
    ),
    (
        "The outcome will influence APEC's focus on connectivity, innovation and prosperity",
        BRIEF_CN,
        ("APEC's focus on connectivity, innovation and prosperity in the Asia-Pacific",),
    ),
    (
        "As host, South Korea must serve as a bridge between U.S. and Chinese interests",
        BRIEF_CN,
        ("serve as a bridge, balancing U.S. and Chinese interests",),
    ),
    (
        "Free trade and multilateralism face unprecedented challenges in Trump's second term",
        BRIEF_US,
        ("free trade and multilateralism face unprecedented challenges",),
    ),
    (
        "A shadow of a new Cold War over Northeast Asia: South Korea-U.S.-Japan against China-Russia-North Korea",
        BRIEF_CN,
        ("new Cold War over Northeast Asia", "South Korea-U.S.-Japan bloc and China-Russia-North Korea"),
    ),
    (
        "Lee has cautioned that the peninsula should not become a frontline in great-power rivalries",
        BRIEF_CN,
        ("should not become a frontline in great-power rivalries",),
    ),
    (
        "Showcase national prestige through preparation, execution and completion of the events",
        BRIEF_JP,
        ("meticulous preparation", "showcase its national prestige"),
    ),
    (
        "Aim: reduce uncertainty in relations with the U.S., China and Japan, broaden Korean diplomacy's reach",
        BRIEF_JP,
        ("reduce uncertainty", "broadening the reach of Korean diplomacy"),
    ),
    (
        "Readiness for a potential U.S.-North Korea 'flash summit' (it did not take place)",
        BRIEF_US,
        ('"flash summit" between the U.S. and North Korea', "no meeting took place during the trip"),
    ),
]

ARTICLE_PREVIEW_LEFT_OUT: list[tuple[str, str]] = [
    ("'All efforts will rely on careful analysis and flexible, pragmatic diplomacy.'", "the editorial's exhortation"),
    ("'Go to contents'", "page navigation text, not part of the article"),
]

# ---------------------------------------------------------------------------------------------------------------
# research-notes.md, the [H] facts of sections 1-7, section by section.
# ---------------------------------------------------------------------------------------------------------------
NOTES_H: list[Entry] = [
    # 1. Korea-US
    (
        "1: summit on Wed 29 Oct 2025 at the Gyeongju National Museum",
        BRIEF_US,
        ("2025-10-29", "Cheonnyeon Misogwan, Gyeongju National Museum"),
    ),
    (
        "1: the second bilateral summit; the first at the White House on 25 Aug 2025",
        BRIEF_US,
        ("White House on 25 Aug 2025",),
    ),
    (
        "1: a State Visit, the first hosted in Gyeongju and the first second state visit by the same leader",
        BRIEF_US,
        ("first State Visit hosted in Gyeongju", "second state visit"),
    ),
    (
        "1: the Grand Order of Mugunghwa, Korea's highest decoration, for a 'peacemaker'; first U.S. president",
        BRIEF_US,
        ("Grand Order of Mugunghwa", "Korea's highest decoration", "peacemaker", "first U.S. president to receive it"),
    ),
    ("1: Trump: 'I'd like to wear it right now.'", ("quotes", "united-states"), ("I'd like to wear it right now.",)),
    (
        "1: gold-coloured replica of the Cheonmachong gold crown; National Treasure No. 188 at the museum",
        BRIEF_US,
        ("Cheonmachong Tomb gold crown", "National Treasure No. 188", "kept at the Gyeongju National Museum"),
    ),
    (
        "1: Kim Yong-beom confirmed agreement on the 'details of a trade deal'",
        BRIEF_US,
        ("Kim Yong-beom", "details of a trade deal"),
    ),
    (
        "1: $350 billion = $200 billion cash, capped at $20 billion a year, in instalments + $150 billion shipbuilding",
        ("agreements", "united-states"),
        ("$350 billion", "capped at $20 billion a year, paid in instalments", "over the next 10 years", "$150 billion"),
    ),
    (
        "1: reciprocal tariff stays at 15% as in the late-July deal; auto tariff 15%, matching Japan",
        ("agreements", "united-states"),
        (
            "Reciprocal tariff: 15%, unchanged from the tentative late-July deal",
            "Auto tariff: 15% (matching Japan's rate)",
        ),
    ),
    (
        "1: Lee asked for U.S. consent to secure fuel for nuclear-powered, conventionally armed submarines",
        BRIEF_US,
        ("secure fuel for nuclear-powered, conventionally armed submarines",),
    ),
    (
        "1: Lee's words on nuclear fuel supply",
        ("quotes", "united-states"),
        ("If we could secure approval for nuclear fuel supply", "operational burden on US forces"),
    ),
    (
        "1: Trump's Truth Social post on 30 Oct (KST): approval",
        ("quotes", "united-states"),
        ("I have given them approval to build a Nuclear Powered Submarine",),
    ),
    (
        "1: Trump: Philadelphia Shipyards; shipbuilding 'BIG COMEBACK'",
        ("quotes", "united-states"),
        ("in the Philadelphia Shipyards, right here in the good ol' U.S.A", "BIG COMEBACK"),
    ),
    (
        "1: the post was on Thu 30 Oct (KST) on Truth Social",
        BRIEF_US,
        ("Thu 30 Oct (KST) Trump posted on Truth Social",),
    ),
    (
        "1: after Busan, Trump flew back on Air Force One; Bessent attended the AELM instead",
        BRIEF_US,
        ("Air Force One", "Scott Bessent attended instead"),
    ),
    (
        "1: the fact sheet reaffirms 'The Korea Strategic Trade and Investment deal' announced in July",
        BRIEF_US,
        ("The Korea Strategic Trade and Investment deal", "announced in July"),
    ),
    (
        "1: $150 billion shipbuilding investment, 'Approved Investments'",
        ("agreements", "united-states"),
        ("Approved Investments", "$150 billion"),
    ),
    (
        "1: $200 billion under the 'Memorandum of Understanding with respect to Strategic Investments (MOU)'",
        ("agreements", "united-states"),
        ("Memorandum of Understanding with respect to Strategic Investments", "$200 billion"),
    ),
    (
        "1: target sectors",
        BRIEF_US,
        ("shipbuilding, energy, semiconductors, pharmaceuticals, critical minerals and AI/quantum computing",),
    ),
    (
        "1: foreign-exchange safeguards ($20 billion a calendar year; disorderly won; good-faith consideration)",
        BRIEF_US,
        (
            "greater than $20 billion in any calendar year",
            "disorderly movements of Korean won",
            "in good faith, give due consideration",
        ),
    ),
    (
        "1: tariffs: the higher of the KORUS FTA rate, MFN or 15%; pharmaceuticals not above 15%",
        ("agreements", "united-states"),
        ("the higher of the KORUS FTA rate, the MFN rate or 15%", "Pharmaceutical tariffs: not more than 15%"),
    ),
    (
        "1: Section 232 tariffs on autos, parts, timber/lumber and wood cut from 25% to 15%",
        ("agreements", "united-states"),
        ("Section 232 tariffs on autos, parts, timber/lumber and wood: cut from 25% to 15%",),
    ),
    (
        "1: semiconductors 'no less favorable than ...'",
        BRIEF_US,
        ("no less favorable than the terms that may be offered in any future agreement",),
    ),
    (
        "1: MOU signed electronically on Fri 14 Nov 2025 by Kim Jung-kwan and Lutnick, not Yeo Han-koo",
        BRIEF_US,
        ("Signed electronically on Fri 14 Nov 2025", "Kim Jung-kwan", "Howard Lutnick", "not Yeo Han-koo"),
    ),
    (
        "1: the fact sheet records approval of nuclear-powered attack submarines and supports enrichment and "
        "reprocessing for peaceful uses",
        BRIEF_US,
        ("nuclear-powered attack submarines", "civil uranium enrichment and spent fuel reprocessing for peaceful uses"),
    ),
    (
        "1: Lee's televised press conference on 14 Nov at the Yongsan presidential office",
        ("timeline",),
        ("Lee's press conference on the Korea-US fact sheet", "presidential office, Yongsan"),
    ),
    (
        "1: Lee: '... have finally been concluded.'",
        ("quotes", "united-states"),
        ("trade negotiations and security consultations", "have finally been concluded."),
    ),
    # 2. US-China
    (
        "2: Trump-Xi on Thu 30 Oct 2025 in Busan, at the Gimhae air base / airport",
        ("timeline",),
        ("US-China summit", "Gimhae air base / Gimhae International Airport", "Busan"),
    ),
    (
        "2: venue descriptions: Naraemaru; VIP lounge of Gimhae International Airport; Gimhae International Airport",
        BRIEF_CN,
        ("Naraemaru", "VIP lounge of Gimhae International Airport"),
    ),
    (
        "2: first in-person meeting in six years, first of Trump's second term",
        BRIEF_CN,
        ("First in-person Trump-Xi meeting in six years", "first of Trump's second term"),
    ),
    (
        "2: about 100 minutes (100-minute; one hour and 40 minutes; around an hour and a half)",
        BRIEF_CN,
        ("about 100 minutes", "one hour and 40 minutes", "around an hour and a half"),
    ),
    (
        "2: White House details released Sat 1 Nov; fentanyl tariff halved from 20% to 10%",
        ("agreements", "china"),
        ("Fentanyl-related tariff: halved from 20% to 10%",),
    ),
    (
        "2: overall tariff from about 57% to about 47%",
        ("agreements", "china"),
        ("from about 57% to about 47%",),
    ),
    ("2: threatened 100% tariff averted", BRIEF_CN, ("threatened 100% tariff on Chinese goods is averted",)),
    (
        "2: China pauses for a year its October controls on rare earths and magnets (list of 9 Oct 2025)",
        BRIEF_CN,
        ("rare earths and magnets", "gallium, germanium, antimony and graphite", "9 Oct 2025"),
    ),
    (
        "2: general licences, effectively removing the controls of April 2025 and October 2022",
        BRIEF_CN,
        ("general licences", "April 2025 and October 2022"),
    ),
    ("2: U.S. pauses some reciprocal tariffs for another year", BRIEF_CN, ("reciprocal tariffs for another year",)),
    (
        "2: Section 301 exclusions extended from 29 Nov 2025 to 10 Nov 2026",
        ("agreements", "china"),
        ("Section 301 exclusions extended: from 29 Nov 2025 to 10 Nov 2026",),
    ),
    ("2: Trump: 'the meeting was a 12'", ("quotes", "china"), ("with 10 being the best, the meeting was a 12",)),
    ("2: Trump: 'I'll be going to China in April'", ("quotes", "china"), ("I'll be going to China in April",)),
    ("2: Trump: 'There will be no roadblocks.'", ("quotes", "china"), ("There will be no roadblocks.",)),
    (
        "2: Xi's state visit 30 Oct-1 Nov, from Busan to Gyeongju; first visit in 11 years",
        BRIEF_CN,
        ("state visit (30 Oct-1 Nov)", "went from Busan to Gyeongju", "first visit to Korea in 11 years"),
    ),
    # 3. Korea-China
    (
        "3: Lee-Xi summit on Sat 1 Nov at the Gyeongju National Museum; first summit; last visit 2014",
        ("timeline",),
        ("Korea-China summit", "Gyeongju National Museum"),
    ),
    (
        "3: first summit of the two; Xi's last visit 2014",
        BRIEF_CN,
        ("The leaders' first summit", "the last being 2014"),
    ),
    (
        "3: signing of 7 documents: 6 MOUs and 1 contract",
        BRIEF_CN,
        ("signing of seven documents (six MOUs and one contract)",),
    ),
    (
        "3: won-yuan swap renewed: 70 trillion won (400 billion yuan, about $49 billion), five years, BoK and PBoC",
        ("agreements", "china"),
        ("Won-yuan currency swap renewal", "70 trillion won (400 billion yuan, about $49 billion)", "five years"),
    ),
    (
        "3: between the Bank of Korea and the People's Bank of China",
        BRIEF_CN,
        ("Bank of Korea and the People's Bank of China",),
    ),
    (
        "3: Lee's opening remark on resuming dialogue with North Korea",
        ("quotes", "china"),
        ("work toward resuming dialogue with North Korea",),
    ),
    (
        "3: Xi: 'close neighbours who cannot move apart and inseparable partners in cooperation'",
        ("quotes", "china"),
        ("close neighbours who cannot move apart and inseparable partners in cooperation",),
    ),
    (
        "3: agreed a regular high-level channel, supply-chain cooperation and easier mutual visits",
        ("agreements", "china"),
        ("Regular high-level communication channel, supply-chain cooperation and easier mutual visits",),
    ),
    (
        "3: Xi's gifts: two Xiaomi smartphones (Korean-made displays), 'Four Treasures of the Study'",
        BRIEF_CN,
        ("two Xiaomi smartphones", "Korean-made displays", "Four Treasures of the Study"),
    ),
    ("3: Lee: 'Is the line secure?'", ("quotes", "china"), ("Is the line secure?",)),
    ("3: Xi: 'You can check if there is a backdoor.'", ("quotes", "china"), ("You can check if there is a backdoor.",)),
    (
        "3: Lee's gifts: Go board of Torreya nucifera (bonbija), round najeonchilgi tray",
        BRIEF_CN,
        ("Go board of top-grade Torreya nucifera (bonbija) wood", "round najeonchilgi (mother-of-pearl lacquer) tray"),
    ),
    ("3: Xi: 'It's exquisite. Very nice. Thank you.'", ("quotes", "china"), ("It's exquisite. Very nice. Thank you.",)),
    (
        "3: state banquet on the evening of 1 Nov at Sono Calm Gyeongju, from about 6:20 p.m.",
        BRIEF_CN,
        ("State banquet for Xi Jinping", "Sono Calm Gyeongju", "about 6:20 p.m."),
    ),
    (
        "3: Xi left Sono Calm at about 7:33 p.m. and flew home from Gimhae Airport the same night",
        BRIEF_CN,
        ("about 7:33 p.m.", "flew home the same night from Gimhae Airport"),
    ),
    (
        "3: banquet guests",
        BRIEF_CN,
        (
            "Samsung's Lee Jae-yong",
            "Hyundai's Euisun Chung",
            "SK's Chey Tae-won",
            "LG's Koo Kwang-mo",
            "Lee Chang-ho",
            "Park Jin-young (chair of the popular culture exchange committee)",
        ),
    ),
    (
        "3: banquet menu",
        BRIEF_CN,
        (
            "dumplings",
            "dakgangjeong",
            "abalone with mala sauce",
            "hanwoo patties with lily-bulb soup",
            "zhima gao",
            "three-colour maejakgwa",
            "Mengzhilan baijiu",
        ),
    ),
    (
        "3: Lee's state visit to Beijing; summit at the Great Hall of the People on Mon 5 Jan 2026",
        ("followups", "china"),
        ("Lee's state visit to Beijing and summit with Xi at the Great Hall of the People", "2026-01-05", "done"),
    ),
    (
        "3: state banquet in Beijing; selfie with the Xiaomi phone",
        ("timeline",),
        ("Korea-China summit in Beijing (Lee's state visit)", "Great Hall of the People"),
    ),
    ("3: the selfie", ("search", "selfie"), ("selfie with the Xiaomi phone",)),
    # 4. Korea-Japan
    (
        "4: no Lee-Takaichi meeting in Kuala Lumpur; Motegi represented Japan at ASEAN+3",
        BRIEF_JP,
        ("represented by Foreign Minister Toshimitsu Motegi, not Takaichi",),
    ),
    (
        "4: on 27 Oct Seoul said the first meeting was being arranged 'during APEC'",
        BRIEF_JP,
        ('first meeting with Takaichi "during APEC"',),
    ),
    (
        "4: first summit on Thu 30 Oct at HICO, from 6:02 p.m.",
        BRIEF_JP,
        ("Korea-Japan summit (first Lee-Takaichi meeting)", "18:02", "HICO, Gyeongju"),
    ),
    (
        "4: 41 minutes (KBS); Jiji: about 40 minutes, longer than the scheduled 20",
        BRIEF_JP,
        ("41 minutes", "about 40 minutes, longer than the scheduled 20"),
    ),
    (
        "4: Takaichi took office on 21 Oct 2025 as Japan's first female prime minister",
        BRIEF_JP,
        ("Takaichi took office on 21 Oct 2025 as Japan's first female prime minister",),
    ),
    ("4: she left Tokyo for Korea on the afternoon of 30 Oct", BRIEF_JP, ("left Tokyo for Korea that afternoon",)),
    (
        "4: relations 'future-oriented and stable'; shuttle diplomacy",
        BRIEF_JP,
        ("future-oriented and stable manner", "shuttle diplomacy"),
    ),
    (
        "4: Japan-ROK-US trilateral cooperation on North Korea",
        BRIEF_JP,
        ("Japan-ROK-US trilateral cooperation on North Korea",),
    ),
    (
        "4: practical cooperation in cutting-edge technology, economic security, social and cultural spheres",
        BRIEF_JP,
        ("cutting-edge technology, economic security and the social and cultural spheres",),
    ),
    (
        "4: Xi and Takaichi's first talks on 31 Oct, about 30 minutes (Kyodo/Jiji) or about 40 (KBS)",
        BRIEF_JP,
        ("China-Japan talks (Xi-Takaichi)", "about 30 minutes (Kyodo/Jiji) or about 40 minutes (KBS)"),
    ),
    # 5. ASEAN, Kuala Lumpur
    (
        "5: Lee left Seoul Air Base (Seongnam) on the morning of 26 Oct with the first lady",
        ("timeline",),
        ("Lee leaves for Kuala Lumpur", "Seoul Air Base"),
    ),
    (
        "5: two-day visit; first trip to Southeast Asia; third multilateral trip after G7 and UNGA; dinner with "
        "Korean residents",
        ("search", "Korean residents"),
        ("Lee leaves for Kuala Lumpur",),
    ),
    (
        "5: the trip's details",
        ("search", "Southeast Asia"),
        ("first trip to Southeast Asia as president",),
    ),
    (
        "5: first lady Kim Hea Kyung went with him",
        ("people",),
        ("Kim Hea Kyung", "2025-10-26 Lee leaves for Kuala Lumpur"),
    ),
    ("5: 47th ASEAN Summit, Malaysia, KLCC", ("timeline",), ("47th ASEAN Summit", "Kuala Lumpur Convention Centre")),
    ("5: theme 'Inclusivity and Sustainability'", ("search", "Inclusivity"), ("Inclusivity and Sustainability",)),
    (
        "5: Timor-Leste admitted as 11th member",
        ("search", "Timor-Leste"),
        ("Timor-Leste was admitted as ASEAN's 11th member",),
    ),
    (
        "5: Trump witnessed a Thailand-Cambodia peace/ceasefire declaration",
        ("search", "Thailand-Cambodia"),
        ("Thailand-Cambodia peace/ceasefire declaration",),
    ),
    (
        "5: Korea-Cambodia on 27 Oct at a hotel in Kuala Lumpur; joint task force against scams",
        BRIEF_KH,
        ("Korea-Cambodia summit", "a hotel in Kuala Lumpur", "joint law-enforcement task force"),
    ),
    (
        "5: task force includes Korean police, operations from November",
        ("followups", "cambodia"),
        ("Start of the joint scam task force's operations", "November 2025"),
    ),
    (
        "5: Korea-ASEAN summit: 'CSP' vision, contributor / springboard / partner",
        ("agreements",),
        ('Korea-ASEAN "CSP" vision (contributor, springboard, partner)',),
    ),
    (
        "5: quote 'Korea will be a contributor ...'",
        ("quotes",),
        ("Korea will be a 'contributor' that helps realize Asean dreams and hopes.",),
    ),
    (
        "5: targets: 15 million reciprocal visits a year, $300 billion annual trade",
        ("agreements",),
        ("Reciprocal visits target: 15 million a year", "Annual trade target: $300 billion"),
    ),
    (
        "5: special Korea-ASEAN summit in 2029 for the 40th anniversary",
        ("followups",),
        ("Special Korea-ASEAN summit for the 40th anniversary of relations", "2029"),
    ),
    ("5: National Police Agency with ASEANAPOL against scam centres", ("search", "ASEANAPOL"), ("ASEANAPOL",)),
    (
        "5: ASEAN+3 on 27 Oct at KLCC with Li Qiang and Motegi",
        ("people",),
        ("Li Qiang", "2025-10-27 ASEAN+3 summit", "Toshimitsu Motegi"),
    ),
    (
        "5: Lee welcomed the ASEAN+3 joint statement as 'very timely'",
        ("search", "timely"),
        ('"very timely"',),
    ),
    (
        "5: Lee's ASEAN+3 quote on geoeconomic challenges",
        ("quotes", "china"),
        ("new geoeconomic challenges such as protectionism",),
    ),
    (
        "5: first in-person encounter with Li Qiang; no formal bilateral",
        BRIEF_CN,
        ("first in-person encounter with Li Qiang", "no source reports a formal Lee-Li bilateral"),
    ),
    (
        "5: Lee returned on the evening of 27 Oct and went to Gyeongju on 28 Oct",
        ("search", "Gyeongju on 28 Oct"),
        ("Returned on the evening of 27 Oct and went to Gyeongju on 28 Oct.",),
    ),
    # 6. APEC Economic Leaders' Meeting
    (
        "6: the 32nd AELM on 31 Oct and 1 Nov at HICO, chaired by Lee",
        ("timeline",),
        (
            "32nd APEC Economic Leaders' Meeting, day 1",
            "32nd APEC Economic Leaders' Meeting, day 2",
            "Gyeongju Hwabaek International Convention Center (HICO)",
        ),
    ),
    (
        "6: theme 'Building a Sustainable Tomorrow: Connect, Innovate, Prosper'",
        ("search", "Sustainable Tomorrow"),
        ("chaired by Lee", "Building a Sustainable Tomorrow: Connect, Innovate, Prosper"),
    ),
    (
        "6: Session 1 on 31 Oct from 10 a.m.: 'Towards a More Connected, Resilient Region and Beyond'",
        ("search", "Resilient Region"),
        ("Towards a More Connected, Resilient Region and Beyond",),
    ),
    (
        "6: Session 2 (retreat) on AI and demographic change: 'Asia-Pacific Vision Prepared for Future Changes'",
        ("search", "Prepared for Future Changes"),
        ("Asia-Pacific Vision Prepared for Future Changes",),
    ),
    (
        "6: invited guests: the Crown Prince of Abu Dhabi and IMF Managing Director Kristalina Georgieva",
        ("people",),
        ("Kristalina Georgieva", "Managing Director", "2025-10-31 32nd APEC Economic Leaders' Meeting, day 1"),
    ),
    (
        "6: representatives: Bessent (US), Overchuk (Russia), Lin Hsin-yi (Chinese Taipei), Ebrard (Mexico), "
        "Mera (Peru, for interim President José Jerí)",
        ("search", "Overchuk"),
        ("Alexey Overchuk",),
    ),
    ("6: Peru's representative", ("brief", "peru"), ("Trade Minister Teresa Mera for Peru", "José Jerí")),
    ("6: Mexico's representative", ("brief", "mexico"), ("Economy Secretary Marcelo Ebrard",)),
    ("6: Chinese Taipei's representative", ("people",), ("Lin Hsin-yi", "Senior Adviser")),
    (
        "6: Lee's opening remarks: 'critical turning point'",
        ("quotes",),
        ("We all stand at a critical turning point, amid a profound shift in the international order.",),
    ),
    (
        "6: Lee's opening remarks: 'free trade order faces rapid change ... Cooperation and solidarity'",
        ("quotes",),
        ("The free trade order faces rapid change", "Cooperation and solidarity are the surest path"),
    ),
    (
        "6: three documents adopted on 1 Nov: Gyeongju Declaration, AI Initiative, Collaborative Framework",
        ("agreements",),
        (
            "APEC Leaders' Gyeongju Declaration",
            "APEC AI Initiative",
            "APEC Collaborative Framework for Demographic Changes",
        ),
    ),
    (
        "6: the first APEC leader-level documents on AI and demographic change; negotiations until 7:30 a.m.",
        ("search", "leader-level"),
        ("first APEC leader-level documents on AI and on demographic change",),
    ),
    ("6: negotiations ran until 7:30 a.m.", ("search", "7:30"), ("negotiations that ran until 7:30 a.m.",)),
    (
        "6: Korean-translated name 'Joint Framework for Responding to Demographic Changes'",
        ("search", "Responding"),
        ("Joint Framework for Responding to Demographic Changes",),
    ),
    (
        "6: the Declaration: robust trade and investment vital",
        ("search", "growth and prosperity"),
        ("robust trade and investment are vital to the growth and prosperity",),
    ),
    (
        "6: the Declaration: market-driven integration, Free Trade Area of the Asia-Pacific agenda",
        ("search", "market-driven"),
        ("market-driven",),
    ),
    (
        "6: the Declaration: FTAAP",
        ("search", "Free Trade Area of the Asia-Pacific"),
        ("Free Trade Area of the Asia-Pacific",),
    ),
    (
        "6: the Declaration does not mention the WTO or the rules-based multilateral trading system",
        ("search", "WTO"),
        ("WTO",),
    ),
    (
        "6: the Declaration names 'cultural and creative industries' as a growth engine for the first time",
        ("search", "creative industries"),
        ("cultural and creative industries",),
    ),
    ("6: the Declaration reaffirms the Putrajaya Vision 2040", ("search", "Putrajaya"), ("Putrajaya Vision 2040",)),
    (
        "6: APEC Ministerial Meeting on Thu 30 Oct, co-chaired by Cho Hyun and Yeo Han-koo",
        ("timeline",),
        ("APEC Ministerial Meeting",),
    ),
    ("6: its co-chairs", ("search", "co-chaired"), ("Foreign Minister Cho Hyun and Trade Minister Yeo Han-koo",)),
    (
        "6: at the handover Xi announced Shenzhen, Guangdong, as host in November 2026, China's third time",
        BRIEF_CN,
        ("Shenzhen, Guangdong", "November 2026", "third time"),
    ),
    (
        "6: Gala Dinner on Fri 31 Oct at Lahan Select Gyeongju (grand ballroom), about 400 guests",
        ("timeline",),
        ("APEC Economic Leaders' Meeting Gala Dinner", "Lahan Select Gyeongju, grand ballroom"),
    ),
    ("6: hosted by Lee and Kim Hea Kyung for about 400 guests", ("search", "400 guests"), ("about 400",)),
    (
        "6: Cha Eun-woo emcee; G-Dragon, APEC 2025 ambassador, performed Power, Home Sweet Home, Drama",
        ("search", "G-Dragon"),
        ("G-Dragon",),
    ),
    (
        "6: G-Dragon's songs",
        ("search", "Home Sweet Home"),
        ('"Power", "Home Sweet Home" and "Drama"',),
    ),
    ("6: menu by chef Edward Lee", ("people",), ("Edward Lee", "Chef")),
    (
        "6: gala show 'Journey of Butterfly: Together, We Fly'",
        ("search", "Journey of Butterfly"),
        ("Journey of Butterfly: Together, We Fly",),
    ),
    ("6: Lee met Nvidia CEO Jensen Huang on Fri 31 Oct", ("timeline",), ("Lee meets Nvidia CEO Jensen Huang",)),
    (
        "6: Nvidia to supply at least 260,000 Blackwell GPUs: 50,000 government, about 50,000 each to Samsung, SK "
        "and Hyundai, about 60,000 Naver Cloud",
        ("agreements",),
        (
            "at least 260,000 Blackwell GPUs",
            "National AI Computing Centre: 50,000",
            "Samsung: about 50,000",
            "SK: about 50,000",
            "Hyundai: about 50,000",
            "Naver Cloud: about 60,000",
        ),
    ),
    # 7. Other bilaterals
    (
        "7: Canada on Thu 30 Oct (morning) at a hotel in central Gyeongju",
        BRIEF_CA,
        ("a hotel in central Gyeongju", "Held in the morning"),
    ),
    (
        "7: Canada: conclusion of substantive negotiations on the classified-information agreement",
        BRIEF_CA,
        ("conclusion of substantive negotiations",),
    ),
    (
        "7: Lee: Canada sent 27,000 troops and suffered nearly 400 casualties",
        ("quotes", "canada"),
        ("Canada dispatched a massive force of 27,000 troops during the Korean War",),
    ),
    (
        "7: Carney toured Hanwha Ocean's Geoje shipyard with PM Kim Min-seok",
        BRIEF_CA,
        ("Hanwha Ocean's Geoje shipyard", "Kim Min-seok"),
    ),
    (
        "7: in August Canada shortlisted the Hanwha Ocean-TKMS team for up to 12 submarines",
        BRIEF_CA,
        ("shortlisted the Hanwha Ocean-TKMS team in August for up to 12 submarines",),
    ),
    (
        "7: New Zealand on Thu 30 Oct: agreed a comprehensive strategic partnership",
        ("timeline",),
        ("Korea-New Zealand summit",),
    ),
    (
        "7: Luxon: 'With the establishment of a comprehensive strategic partnership ...'",
        ("quotes", "new-zealand"),
        ("I hope this relationship will grow even stronger.",),
    ),
    ("7: Korea is New Zealand's fifth-largest trading partner", BRIEF_NZ, ("fifth-largest trading partner",)),
    (
        "7: Australia on Thu 30 Oct: Lee thanked Australia for more than 17,000 troops",
        BRIEF_AU,
        ("more than 17,000 troops",),
    ),
    (
        "7: Albanese: 'Korea and Australia are great friends'",
        ("quotes", "australia"),
        ("Korea and Australia are great friends",),
    ),
    ("7: about A$18 billion of exports to POSCO last year", BRIEF_AU, ("A$18 billion of Australian exports to POSCO",)),
    (
        "7: Australia reaffirmed ties; minerals and resources cooperation",
        BRIEF_AU,
        ("reaffirmed ties and discussed minerals and resources cooperation",),
    ),
    (
        "7: Albanese among seven leaders at Lee's Hilton dinner for Trump on 29 Oct, with Canada, NZ, Singapore, "
        "Thailand and Vietnam",
        BRIEF_AU,
        ("seven leaders at Lee's Hilton dinner for Trump", "Canada, New Zealand, Singapore, Thailand and Vietnam"),
    ),
    ("7: Vietnam in the afternoon of Thu 30 Oct", BRIEF_VN, ("Held in the afternoon",)),
    (
        "7: Lee: 'annual average rate close to 7 percent'",
        ("quotes", "vietnam"),
        ("Vietnam is achieving remarkable growth, with an annual average rate close to 7 percent.",),
    ),
    (
        "7: high-level exchanges; To Lam's August 2025 state visit agreements",
        BRIEF_VN,
        ("promote high-level exchanges", "To Lam's state visit to Korea in August 2025"),
    ),
    ("7: Lee raised joint action against scam centres with Vietnam", BRIEF_VN, ("joint action against scam centres",)),
    (
        "7: Thailand on Thu 30 Oct at 15:40 in the bilateral room at HICO",
        BRIEF_TH,
        ("15:40", "bilateral room, HICO"),
    ),
    (
        "7: Anutin invited Lee for an official visit; $30 billion trade target via an FTA; Thai travellers denied "
        "entry",
        BRIEF_TH,
        ("invited Lee for an official visit", "$30 billion", "Thai travellers being denied entry"),
    ),
    (
        "7: Thailand: regional cooperation against transnational crime",
        BRIEF_TH,
        ("regional cooperation against transnational",),
    ),
    (
        "7: UAE on Fri 31 Oct at HICO after the first AELM session, the first meeting",
        BRIEF_AE,
        ("HICO, after the first AELM session", "First meeting of the two"),
    ),
    (
        "7: Lee: the UAE 'the only country in the Middle East with which Korea maintains a special strategic "
        "partnership'",
        ("quotes", "united-arab-emirates"),
        ("the only country in the Middle East with which Korea maintains a special strategic partnership",),
    ),
    (
        "7: the Crown Prince looked forward to welcoming Lee in November; state visit 17-19 Nov",
        BRIEF_AE,
        ("looked forward to welcoming Lee in November", "17-19 Nov"),
    ),
    (
        "7: the UAE guest: Sheikh Khaled, not Mohamed bin Zayed",
        BRIEF_AE,
        ("Sheikh Khaled bin Mohamed bin Zayed Al Nahyan", "Mohamed bin Zayed Al Nahyan"),
    ),
    (
        "7: Philippines on Fri 31 Oct; Lee: 'very special friends'",
        ("quotes", "philippines"),
        ("The Republic of Korea and the Philippines are very special friends",),
    ),
    (
        "7: Marcos: invitation to visit; Lee: 'I will try to visit the Philippines sometime'",
        ("quotes", "philippines"),
        (
            "I would like to invite you to come and visit us in the near future.",
            "I will try to visit the Philippines sometime.",
        ),
    ),
    (
        "7: Philippines: work together against transnational crime, including scams",
        BRIEF_PH,
        ("against transnational crime, including scams",),
    ),
    (
        "7: Chile on Fri 31 Oct at HICO: a more mutually reciprocal FTA; Boric: talks stalled",
        BRIEF_CL,
        ("more mutually reciprocal FTA", "upgrade talks are stalled"),
    ),
    (
        "7: synergy between Korean technology and Chilean minerals and energy",
        BRIEF_CL,
        ("synergy between Korean technology and Chilean minerals and energy",),
    ),
    (
        "7: cooperate at the UNGA in December on co-hosting the 4th UN Ocean Conference in 2028",
        ("followups", "chile"),
        ("Cooperation at the UNGA on co-hosting the 2028 UN Ocean Conference", "December 2025 (UNGA)"),
    ),
    ("7: the 4th UN Ocean Conference", ("agreements", "chile"), ("4th UN Ocean Conference in 2028",)),
    (
        "7: Indonesia on Sat 1 Nov: military and security cooperation including the KF-21",
        BRIEF_ID,
        ("continue military and security cooperation, including the joint KF-21 fighter project",),
    ),
    (
        "7: Prabowo: 'Negotiations are ongoing ...'",
        ("quotes", "indonesia"),
        ("Negotiations are ongoing, and of course they depend on economics, price and financing factors.",),
    ),
    (
        "7: Prabowo's postponed state visit (originally September) to be rescheduled via his foreign ministry",
        ("followups", "indonesia"),
        ("Rescheduling of Prabowo's postponed state visit to Korea",),
    ),
    (
        "7: the state visit was originally planned for September",
        BRIEF_ID,
        ("originally September", "instruct his foreign ministry"),
    ),
    (
        "7: Singapore on Sun 2 Nov at the presidential office in Seoul, Wong's official visit (arrived 29 Oct)",
        BRIEF_SG,
        ("presidential office", "Seoul", "arrived on 29 Oct for APEC"),
    ),
    (
        "7: strategic partnership and joint statement",
        ("agreements", "singapore"),
        ("Korea-Singapore Strategic Partnership and joint statement",),
    ),
    (
        "7: MOUs on digital cooperation, logistics and shipping, culture and sports",
        ("agreements", "singapore"),
        ("MOUs on digital cooperation, logistics and shipping, and culture and sports",),
    ),
    (
        "7: first agreement on exporting Jeju beef and pork to Singapore",
        ("agreements", "singapore"),
        ("First agreement on exporting Jeju beef and pork to Singapore",),
    ),
    (
        "7: Lee: 'Our two countries have many similarities ...'",
        ("quotes", "singapore"),
        ("Our two countries have many similarities",),
    ),
    ("7: Cambodia: Hun Manet on Mon 27 Oct", ("people",), ("Hun Manet", "2025-10-27 Korea-Cambodia summit")),
]

NOTES_H_LEFT_OUT: list[tuple[str, str]] = [
    (
        "7: no record of a Lee bilateral with Mexico, Peru or Brunei",
        "an absence, not a fact to record: the dataset simply has no such meeting (brief brunei exits 3)",
    ),
    (
        "0: the timeline at a glance",
        "a summary table of sections 1-7 (and outside 1-7): each of its rows is an entry of its section above",
    ),
]

CASES = [
    *(("article 000", *entry) for entry in ARTICLE_POST_SUMMIT),
    *(("article 004", *entry) for entry in ARTICLE_PREVIEW),
    *(("notes [H]", *entry) for entry in NOTES_H),
]


def normalise(text: str) -> str:
    text = text.casefold()
    for a, b in (("defense", "defence"), ("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("–", "-"), ("—", "-")):
        text = text.replace(a, b)
    return " ".join(text.split())


def strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


@cache
def output(command: tuple[str, ...]) -> str:
    """What a reader of the command sees: every JSON value it prints, its plain text (where a figure reads
    `label: value`) and the table or document a person reads (Markdown: a list's display values, such as a
    person's meetings by date and title, where a pipe has ids); run once per module."""
    result = run(*command, "--format", "json")
    assert result.exit_code == 0, f"summit {' '.join(command)} exited {result.exit_code}: {result.stderr}"
    plain = run(*command, "--format", "plain").stdout
    shown = run(*command, "--format", "markdown").stdout
    return normalise("\n".join([*strings(json.loads(result.stdout)), plain, shown]))


@pytest.mark.parametrize(
    ("origin", "fact", "command", "needles"),
    CASES,
    ids=[f"{case[0]}: {case[1][:70]}" for case in CASES],
)
def test_fact_reaches_the_reader(origin: str, fact: str, command: tuple[str, ...], needles: tuple[str, ...]) -> None:
    text = output(command)
    missing = [n for n in needles if normalise(n) not in text]
    assert not missing, f"{origin}: {fact!r}: `summit {' '.join(command)}` does not show {missing}"


def test_left_out_facts_give_their_reason() -> None:
    for fact, reason in (*ARTICLE_POST_SUMMIT_LEFT_OUT, *ARTICLE_PREVIEW_LEFT_OUT, *NOTES_H_LEFT_OUT):
        assert fact.strip() and reason.strip(), fact


def test_the_lists_are_not_empty_and_name_distinct_facts() -> None:
    for entries in (ARTICLE_POST_SUMMIT, ARTICLE_PREVIEW, NOTES_H):
        facts = [fact for fact, _, _ in entries]
        assert facts and len(facts) == len(set(facts))
        assert all(needles and all(n.strip() for n in needles) for _, _, needles in entries)


def test_a_missing_fact_is_caught() -> None:
    """The matcher is not vacuous: words the data does not hold are not found."""
    assert normalise("Xiaomi 16 Pro Max") not in output(BRIEF_CN)
    assert normalise("Korea-Canada Joint Statement") in output(("agreements", "canada"))


# ---------------------------------------------------------------------------------------------------------------
# Issue 23: what an independent fact-check found. Each test refuses the wrong value, not merely finds a right one.
# ---------------------------------------------------------------------------------------------------------------


def records(*command: str) -> Any:
    result = run(*command, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def by_id(found: list[dict[str, Any]], record_id: str) -> dict[str, Any]:
    return next(record for record in found if record["id"] == record_id)


def test_classified_information_agreement_is_negotiations_concluded_not_concluded() -> None:
    """The joint statement announced "the conclusion of substantive negotiations": no signature is reported."""
    agreement = by_id(records("agreements", "canada"), "korea-canada-classified-information-agreement")
    assert agreement["status"] == "negotiations-concluded"
    assert agreement["status"] not in ("concluded-not-in-force", "signed")
    assert "negotiations concluded" in output(("agreements", "canada"))


def test_an_existing_file_with_the_old_status_still_validates(tmp_path: Any) -> None:
    """A new status is an addition: `concluded-not-in-force` in a user's file is still valid."""
    (tmp_path / "week.yaml").write_text(
        "meta: {title: Mine, home: KR}\n"
        "sources: [{id: s, publication: P, confidence: H}]\n"
        "outcomes: [{id: o, kind: agreement, title: T, status: concluded-not-in-force, parties: [KR, CA],"
        " sources: [s], confidence: H}]\n",
        encoding="utf-8",
    )
    assert run("validate", str(tmp_path)).exit_code == 0
    (tmp_path / "week.yaml").write_text(
        (tmp_path / "week.yaml").read_text(encoding="utf-8").replace("concluded-not-in-force", "concluded"),
        encoding="utf-8",
    )
    assert run("validate", str(tmp_path)).exit_code != 0


def test_the_submarine_shortlist_is_a_fact_cited_to_the_notes_sources_not_a_dispute() -> None:
    brief = records("brief", "canada")
    partnership = by_id(brief["outcomes"], "korea-canada-security-defence-partnership")
    assert partnership["disputes"] == [], "no source in the notes settles a dispute over the bidders"
    assert not any(f["unit"] == "KRW" for f in partnership["figures"]), "60 trillion won is not the partnership's value"
    shortlist = by_id(brief["context"], "canada-hanwha-tkms-shortlist")
    notes_sources = {"newswire-canada-2025-10-30", "joongang-2025-10-30-carney", "koreaherald-10605279"}
    assert set(shortlist["sources"]) == notes_sources
    consortium = by_id(brief["context"], "canada-submarine-consortium")
    assert consortium["sources"] == ["asiae-post-summit"] and "shortlist" not in consortium["text"]
    orders = by_id(brief["context"], "canada-submarine-orders")
    assert "60 trillion won" in orders["text"] and orders["sources"] == ["asiae-post-summit"]


def test_the_mou_figure_cites_the_sources_that_give_200_billion_not_those_titled_350() -> None:
    found = records("agreements", "united-states")
    mou = by_id(found, "korea-us-investment-mou")
    figure = next(f for f in mou["figures"] if f["amount"] == 200_000_000_000)
    assert figure["sources"] == ["whitehouse-fact-sheet", "joongang-2025-11-14-fact-sheet"]
    titles = {s["id"]: s["title"] or "" for s in records("sources")}
    assert not [ref for ref in figure["sources"] if "350" in titles[ref]], "a source titled $350B cites $200 billion"


def test_no_occasion_or_date_the_notes_do_not_give() -> None:
    scarves = [r for r in records("search", "mint-coloured") if r["id"] == "apec-mint-scarves"]
    assert scarves and "handover" not in scarves[0]["title"] and "1 Nov" not in scarves[0]["title"]
    almost_final = by_id(records("quotes", "united-states"), "trump-almost-final")
    assert almost_final["event"] is None, "the notes tie the quote to no occasion"


NUMBERS = {"six": 6, "seven": 7}


def test_the_dinner_counts_the_leaders_it_lists() -> None:
    dinner = by_id(records("timeline"), "leaders-dinner-2025-10-29")
    summary = dinner["summary"]
    assert "Seven leaders were invited" not in summary
    counted = next(n for word, n in NUMBERS.items() if f"{word} leaders:" in summary)
    listed = summary.split("leaders:", 1)[1].split(".", 1)[0]
    names = ["Albanese", "Canada", "New Zealand", "Singapore", "Thailand", "Vietnam"]
    assert all(name in listed for name in names) and counted == len(names)


def test_proposed_by_korea_cites_the_sources_that_say_so() -> None:
    initiative = by_id(records("agreements"), "apec-ai-initiative")
    assert "Proposed by Korea" in initiative["summary"]
    saying = {"reuters-squidsite-2025-11-01", "joongang-2025-10-29-ceo"}  # "proposed by South Korea"; "will propose"
    assert saying <= set(initiative["sources"])


def test_the_carney_caption_is_quoted_with_its_occasion_and_left_to_full() -> None:
    caption = by_id(records("brief", "canada")["context"], "canada-carney-greeting")
    assert caption["kind"] == "caption"
    assert "President Lee Jae-myung is greeting Mark Carney" in caption["text"], "quoted as the article gives it"
    assert "Lee greeted Canadian Prime Minister" not in caption["text"]
    assert "APEC summit, not at the Korea-Canada meeting of 30 Oct" in caption["text"]
    short, full = run("brief", "canada").stdout, run("brief", "canada", "--full").stdout
    assert "is greeting Mark Carney" not in short and "is greeting Mark Carney" in " ".join(full.split())


@pytest.mark.parametrize("country", ["australia", "canada", "china", "indonesia"])
def test_a_short_brief_leaves_photo_captions_to_full(country: str) -> None:
    captions = [f for f in records("brief", country)["context"] if f["kind"] == "caption"]
    assert captions, f"{country} has a photo caption in the data"
    short, full = run("brief", country).stdout, run("brief", country, "--full").stdout
    assert "Photo caption" not in short
    assert "Photo caption" in full


def test_every_photo_caption_is_marked_as_one() -> None:
    for fact in json.loads(run("export", "json").stdout)["facts"]:
        assert ("Photo caption" in fact["text"]) == (fact["kind"] == "caption"), fact["id"]


def test_nvidia_figures_sum_to_the_total() -> None:
    """'About 50,000 each' to three companies is 150,000, not 50,000 counted once."""
    figures = by_id(records("agreements"), "nvidia-gpu-supply")["figures"]
    total = next(f["amount"] for f in figures if f["label"] == "Total GPUs")
    parts = [f for f in figures if f["label"] != "Total GPUs"]
    assert sum(f["amount"] for f in parts) == total == 260_000
    assert not [f for f in parts if "each" in f["value"]]


def test_the_jeju_meat_agreement_carries_the_notes_confidence() -> None:
    meat = by_id(records("agreements", "singapore"), "korea-singapore-jeju-meat")
    assert meat["confidence"] == "H"
    assert set(meat["sources"]) == {"joongang-2025-11-02-singapore", "koreaherald-10606860"}


def test_the_trump_xi_weekday_conflict_is_recorded_without_unsettling_the_date() -> None:
    meeting = by_id(records("brief", "china")["events_elsewhere"], "us-china-2025-10-30")
    assert meeting["date"] == "2025-10-30"
    weekday = [d for d in meeting["disputes"] if d["field"] == "date"]
    assert weekday and "Wednesday (Oct. 30)" in weekday[0]["note"] and "Thursday" in weekday[0]["note"]
    assert weekday[0]["sources"] == ["plataforma-2025-10-30"]


def test_vietnam_context_does_not_repeat_the_growth_quote() -> None:
    brief = records("brief", "vietnam")
    assert any("7 percent" in q["text"] for q in brief["quotes"])
    assert not [f for f in brief["context"] if "7%" in f["text"] or "7 percent" in f["text"]]


# Headlines the data cut short, whose pages were looked for and not found (docs/sources-checked.md).
CUT_SHORT_NOT_FOUND = {"livemint-2025-11-14", "koreanet-281430"}


def test_no_headline_is_cut_short_unless_its_page_was_not_found() -> None:
    cut = {s["id"] for s in records("sources") if (s["title"] or "").endswith("…")}
    assert cut == CUT_SHORT_NOT_FOUND


def test_a_briefs_first_context_facts_are_relations_before_colour() -> None:
    """What a diplomat needs before the meeting comes first: the United States' short brief opens with the
    state visit, not a gift or the museum hall."""
    context = run("brief", "united-states", "-f", "plain").stdout.split("Context", 1)[1].split("\n\n", 1)[0]
    facts = [line for line in context.splitlines() if line.lstrip().startswith("•")]
    assert len(facts) == 4 and "second state visit" in facts[0]
    assert "gold crown" not in context and "Cheonnyeon Misogwan" not in context
