"""Word lists the inference rules consult: speech verbs, titles and ranks, pronouns, months, furniture.

This is data, not logic: the rules never assume English beyond these lists,
so supporting another language's releases means adding its words here.
Everything is lower-case; lookups lower-case the token first.
"""

from __future__ import annotations

from typing import Any


def _words(text: str) -> list[str]:
    return text.split()


def trie_pattern(words: list[str]) -> str:
    """A regular expression matching exactly these words, factored by common prefixes.

    Python's engine tries an alternation's branches one by one; a prefix tree lets it
    reject most positions after one character, which matters on megabytes of text.
    """
    import re

    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
        if optional:
            body = ("(?:" + "|".join(branches) + ")?") if len(branches) > 1 else f"(?:{branches[0]})?"
        return body

    return walk(tree)


# Verbs of saying as they appear in attributions ("Ryder stated", "said Smith",
# "so Müller", "a déclaré Dupont").  Multi-word forms are matched as phrases.
ENGLISH_SPEECH_VERBS: frozenset[str] = frozenset(
    _words(
        """
        said says say saying stated states added adds explained explains noted notes told
        tells remarked remarks commented comments continued continues concluded concludes emphasized
        emphasizes emphasised emphasises stressed stresses insisted insists argued argues asked asks
        answered answers replied replies responded responds wrote writes declared declares announced
        announces acknowledged acknowledges admitted admits observed observes recalled recalls
        warned warns cautioned cautions urged urges predicted predicts suggested suggests confirmed
        confirms affirmed affirms claimed claims maintained maintains agreed agrees conceded
        concedes reiterated reiterates underscored underscores highlighted highlights joked jokes
        quipped quips shouted shouts whispered whispers exclaimed exclaims recounted recounts
        testified testifies tweeted tweets assured assures promised promises vowed vows
        mused muses countered counters elaborated elaborates summarized summarizes summarised
        summarises cited cites believes believed thinks feels reflected reflects
        pledged pledges contended contends mentioned mentions estimated estimates predicted wondered
        described describes branded brands dubbed dubs termed terms called calls
        wonders
        """
    )
)
SPEECH_VERBS: frozenset[str] = ENGLISH_SPEECH_VERBS | frozenset(
    _words(
        """
        sagte sagt sagten fügte erklärte erklärt betonte betont meinte meint ergänzte ergänzt
        kommentierte kommentiert unterstrich unterstreicht berichtete berichtet erläuterte erläutert
        warnte mahnte bekräftigte verdeutlichte resümierte bilanzierte
        sagt so déclare dit explique souligne ajoute affirme estime précise indique poursuit conclut
        commente rappelle insiste confie assure dijo dice afirmó afirma explicó explica señaló
        señala añadió añade declaró declara aseguró asegura indicó indica comentó comenta disse
        afirmou explicou acrescentou declarou déclaré expliqué ajouté souligné affirmé indiqué précisé
        estimé confié rappelé assuré poursuivi conclu relève résume avertit prévient salue reconnaît
        dichiara spiega afferma sottolinea aggiunge commenta ricorda osserva precisa evidenzia rimarca
        conclude disse dichiarò affermò spiegò aggiunse sottolineò
        sublinhou referiu salientou destacou frisou adiantou garantiu lembrou sublinha refere
        acrescenta diz considerou defendeu realçou assegurou reforçou observou ressaltou completou
        avaliou
        zei zegt aldus verklaarde verklaart benadrukte benadrukt vertelde vertelt stelde stelt
        meldt meldde waarschuwt waarschuwde erkent erkende concludeert concludeerde
        säger sade sa berättar förklarar konstaterar menar tillägger understryker fortsätter
        uppger betonar påpekar berättade förklarade konstaterade tillade underströk
        siger sagde fortæller forklarer tilføjer sier forteller legger
        udtaler udtalte fortalte forklarede tilføjede understreger understregede påpeger mener
        uttaler uttalte fortalte forklarte understreker påpeker
        powiedział powiedziała mówi dodał dodała dodaje podkreślił podkreśliła podkreśla zaznaczył
        zaznaczyła zaznacza wyjaśnił wyjaśniła wyjaśnia stwierdził stwierdziła tłumaczy przekonuje
        mówił mówiła ocenił oceniła poinformował poinformowała przyznał przyznała zapowiedział
        zapowiedziała
        diu afirma explica assegura destaca afegeix subratlla assenyala remarca manifesta
        uvedl uvedla uvádí řekl řekla říká dodal dodala dodává zdůraznil zdůraznila zdůrazňuje doplnil
        doplnila vysvětlil vysvětlila upozornil upozornila prohlásil prohlásila sdělil sdělila
        konstatoval konstatovala
        ujar ujarnya kata katanya tutur tuturnya jelas jelasnya tegas tegasnya imbuh imbuhnya ucap
        ucapnya terang terangnya mengatakan menjelaskan menegaskan menambahkan menyampaikan mengungkapkan
        menuturkan menyatakan berkata
        subrayó destacó apuntó manifestó recordó reconoció advirtió insistió agregó sostuvo
        detalló detalla precisó expresó äußerte äußert
        """
    )
)

# Two-word speech verbs (French passé composé, English phrasal forms).
SPEECH_PHRASES: frozenset[str] = frozenset(
    {
        "pointed out",
        "went on",
        "a déclaré",
        "a dit",
        "a expliqué",
        "a souligné",
        "a ajouté",
        "a affirmé",
        "a précisé",
        "a indiqué",
        "a estimé",
        "a confié",
        "a rappelé",
        "fügte hinzu",
        "hob hervor",
        "ha dichiarato",
        "ha detto",
        "ha spiegato",
        "ha affermato",
        "ha sottolineato",
        "ha aggiunto",
        "ha ricordato",
        "ha commentato",
        "ha precisato",
        "ha osservato",
        "ha concluso",
        "ha dicho",
        "ha señalado",
        "ha afirmado",
        "ha explicado",
        "ha asegurado",
        "ha declarado",
        "ha indicado",
        "ha destacado",
        "ha añadido",
        "ha subrayado",
        "ha apuntado",
        "ha manifestado",
        "ha recordado",
        "ha reconocido",
        "ha advertido",
        "ha aseverado",
        "ha insistido",
        "ha precisado",
        "ha concluido",
        "ha reiterado",
        "ha matizado",
        "ha defendido",
        "ha lamentado",
        "ha valorado",
        "ha remarcado",
        "ha incidido",
        "ha resaltado",
        "ha comentado",
        "ha expresado",
        "ha enfatizado",
        "ha sostenido",
        "ha agregado",
        "ha detallado",
        "ha aclarado",
        "ha puntualizado",
        "ha admitido",
        "ha argumentado",
        "ha denunciado",
        "ha recalcado",
        "ha esgrimido",
        "ha apostillado",
        "ha sentenciado",
        "ha proclamado",
        "ha reivindicado",
        "ha alertado",
        "ha avisado",
        "ha respondido",
        "ha replicado",
        "ha relatado",
        "ha confesado",
        "a annoncé",
        "a assuré",
        "a insisté",
        "a reconnu",
        "a martelé",
        "a commenté",
        "a poursuivi",
        "a conclu",
        "ha annunciato",
        "ha evidenziato",
        "ha rimarcato",
        "ha continuato",
        "a averti",
        "a prévenu",
        "a résumé",
        "a relevé",
        "a salué",
        "ha assenyalat",
        "ha remarcat",
        "ha indicat",
        "ha manifestat",
        "va afegir",
        "va destacar",
        "va assenyalar",
        "legger til",  # Norwegian: "legger til ministeren"
        "lägger till",  # Swedish
        "laat weten",  # Dutch
        "licht toe",
        "teilte mit",
        "ha afirmat",
        "ha dit",
        "ha explicat",
        "ha assegurat",
        "ha destacat",
        "ha subratllat",
        "ha afegit",
        "ha declarat",
        "va dir",
        "va afirmar",
        "va explicar",
        "va assegurar",
        "legde uit",
        "legt uit",
        "liet weten",
        "merkte op",
        "s'est félicité",
        "s'est félicitée",
        "s’est félicité",
        "s’est félicitée",
        "s'est réjoui",
        "s'est réjouie",
        "s’est réjoui",
        "s’est réjouie",
    }
)

# German and Dutch speech verbs whose particle goes to the end of the clause: "„…“, teilte das Unternehmen
# mit.", "fügte die Ministerin hinzu", "gab der Landrat bekannt", "voegde de minister eraan toe".  The verb
# opens the attribution when the particle closes it.
SEPARABLE_SPEECH_VERBS: dict[str, str] = {
    "teilte": "mit",
    "teilten": "mit",
    "teilt": "mit",
    "fügte": "hinzu",
    "fügt": "hinzu",
    "gab": "bekannt",
    "gibt": "bekannt",
    "führte": "aus",
    "stellte": "klar",
    "sprach": "aus",  # "Die Ministerin sprach sich zudem für … aus.": she spoke in favour of it
    "sprachen": "aus",
    "voegde": "toe",
    "legde": "uit",
}

# "according to Smith", "laut Müller", "selon Dupont", "según García".
ACCORDING_TO: tuple[str, ...] = (
    "according to",
    "in the words of",
    "en palabras de",
    "en palabras del",
    "were the words of",  # "“…” These were the words of Regional Director X after …"
    "are the words of",
    "son palabras de",
    "son palabras del",
    "laut",
    "selon",
    "según",
    "segundo",
    "zufolge",
    "ayon kay",  # Filipino: "ayon kay Cruz"
    "menurut",  # Indonesian
    "ifølge",  # Danish, Norwegian
    "enligt",  # Swedish
    "volgens",  # Dutch
    "według",  # Polish
    "segons",  # Catalan
)

# Adverbs and auxiliaries that sit between a subject and its speech verb ("Smith later added").
ATTRIBUTION_ADVERBS: frozenset[str] = frozenset(
    _words(
        """
        also later further then again once previously recently has had have was is will would could
        earlier subsequently additionally yesterday today tonight
        lo auch ebenfalls
        """
    )
)

# Endings that carry a speech verb's subject as a pronoun: the Indonesian "ujarnya", "katanya" (he or she
# said) is the verb ("ujar", "kata") and "-nya"; resolved as a pronoun of no gender.
PRONOUN_SUFFIXES: tuple[str, ...] = ("nya",)

# Definite articles written as a noun's ending (Danish, Norwegian, Swedish): "ministeren", "borgmesteren",
# "ordföranden" are "the minister", "the mayor", "the chair" -- a role reference with no article before it.
DEFINITE_SUFFIXES: tuple[str, ...] = ("en", "et", "n")

# Words that front what was said before the speech verb, the speaker following it ("Das betonte Bahnchef
# Sørensen.", "Así lo explicó la alcaldesa."): the clause reads verb first.
FRONTED_OBJECTS: frozenset[str] = frozenset(_words("das dies dazu darauf hierzu así eso esto isso"))

# The reflexive that marks German inversion in a colon introduction ("Zufrieden zeigte sich auch Bahnchef
# Mikkel Sørensen:"): the subject follows the verb and ends the clause.
INVERTED_REFLEXIVES: frozenset[str] = frozenset(_words("sich"))

# Subject pronouns that need resolving to a person; "they"/"we" are groups and stay unresolved.
PRONOUNS: frozenset[str] = frozenset(
    {"he", "she", "er", "sie", "il", "elle", "él", "ella", "ele", "ela", "lui", "lei", "hij", "zij"}
    | {"han", "hun", "hon", "ia", "beliau"}  # Danish, Norwegian, Swedish; Indonesian
)
# Pronouns that are names when capitalised ("siger han", but "said Han Seo-yeon", "Hun Sen"): pronouns only
# as written in lower case.
LOWER_CASE_PRONOUNS: frozenset[str] = frozenset({"han", "hun", "hon"})
# Forms of address that stand for a person after "his"/"her" ("her Honour said"): that pronoun.
FORMS_OF_ADDRESS: frozenset[str] = frozenset(
    {"honour", "honor", "excellency", "worship", "majesty", "highness", "lordship", "ladyship"}
)
POSSESSIVE_PRONOUNS: dict[str, str] = {"his": "he", "her": "she"}
# "Sus palabras fueron claras:", "Her words:", "In his words:": a possessive before a word for what someone
# said introduces that person's quote, as a pronoun does (the pronoun of its gender, or itself: unknown).
SPOKEN_WORDS: frozenset[str] = frozenset(
    _words("words message palabras mensaje mots paroles message worte botschaft palavras mensagem parole")
)
POSSESSIVE_OPENERS: dict[str, str] = {
    **POSSESSIVE_PRONOUNS,
    **{word: word for word in _words("su sus ses son sa leur seu seus sua suas ihre ihr suo sue")},
    "seine": "er",
    "sein": "er",
}
GROUP_PRONOUNS: frozenset[str] = frozenset({"they", "we", "i", "you", "it", "ils", "elles", "wir", "nous"})

# Words that make a capitalised run a title or rank rather than part of a name.
TITLE_WORDS: frozenset[str] = frozenset(
    _words(
        """
        secretary deputy assistant under undersecretary president vice chairman chairwoman
        chairperson chair director manager officer executive chief head minister prime premier
        chancellor governor gov. mayor senator sen. representative rep. congressman congresswoman
        councilman councilwoman councillor councilor cllr cllr. commissioner ambassador spokesperson spokesman
        spokeswoman spokesperson press general gen. lieutenant lt. colonel col. major maj. captain
        capt. commander cmdr. admiral adm. sergeant sgt. corporal cpl. private pvt. brig. brigadier
        marshal ensign specialist spc. dr. dr prof. prof professor mr. mr mrs. mrs ms. ms mx. sir
        dame lord lady rev. reverend father pope king queen prince princess sheikh judge justice
        attorney counsel ceo cfo coo cto cmo cio ciso cpo evp svp vp md gm founder co-founder
        cofounder partner principal dean provost rector chancellor superintendent inspector
        detective det. officer chief treasurer trustee leader analyst economist researcher scientist
        engineer editor correspondent coordinator administrator superintendent supervisor lead herr
        frau bundeskanzler bundeskanzlerin kanzler kanzlerin ministerin minister präsident
        präsidentin geschäftsführer geschäftsführerin vorstandsvorsitzender vorstandsvorsitzende
        vorstand sprecher sprecherin leiter leiterin direktor direktorin bürgermeister
        bürgermeisterin m. mme mme. monsieur madame ministre président présidente directeur
        directrice porte-parole maire señor señora sr. sra. presidente presidenta ministro ministra
        director directora portavoz alcalde alcaldesa
        constable pc dc ds di dci supt. supt ch. insp. insp sheriff undersheriff trooper marshal
        co-author coauthor coautor coautora coauteur coautrice co-auteur co-autrice mitautor mitautorin
        adjoint adjointe author lecturer fellow curator coach manager captain physician surgeon
        nurse chaplain commissaire préfet préfète sous-préfet directeur-général directrice-générale
        consejero consejera concejal concejala delegado delegada rector rectora decano decana
        diputado diputada député députée abgeordneter abgeordnete
        investigador investigadora catedrático catedrática profesor profesora doctora chercheur chercheuse
        professeur professeure forscher forscherin
        bürgermeisterin senatorin landrat landrätin polizeipräsident polizeipräsidentin pressesprecher
        pressesprecherin staatssekretär staatssekretärin agent member kommissar kommissarin
        commissaire comisario comisaria
        hon. hon honourable honorable rt. rt magistrate harbourmaster harbormaster master delegate envoy
        sindaco sindaca assessore assessora rettore rettrice direttore direttrice professore
        professoressa coordinatore coordinatrice presidentessa prefetto questore responsabile architetto
        architetta
        secretário secretária diretor diretora reitor reitora vereador vereadora autarca governante
        burgemeester wethouder directeur voorzitter woordvoerder woordvoerster hoogleraar gedeputeerde
        staatssecretaris
        ordförande kommunalråd borgmästare rektor förvaltningschef presschef talesperson statsråd
        ordfører borgermester borgmester direktør
        burmistrz burmistrza zastępca zastępczyni wiceburmistrz prezydent prezes prezeska dyrektor
        dyrektorka rzecznik rzeczniczka wojewoda starosta przewodniczący przewodnicząca kierownik
        kierowniczka radny radna wójt wicewójt sołtys marszałek skarbnik sekretarz
        alcaldessa regidor regidora conseller consellera presidenta directora portaveu
        engr. engr atty. atty arch. amb. sec. usec. asec. dir. cong. h.e.
        gerente gérant gérante viceconsejero viceconsejera viceconseller viceconsellera
        meteorologist forecaster climatologist hydrologist epidemiologist coxswain convener convenor
        bundesrat bundesrätin regierungsrat regierungsrätin stadtrat stadträtin nationalrat nationalrätin
        ständerat ständerätin bahnchef bahnchefin dr.-ing. dipl.-ing.
        stadträte stadträtinnen
        dra. dra profa. profa lic. titular secretario secretaria doctora coordenador coordenadora
        edil librarian archivist registrar ombudsman ombudsperson auditor comptroller
        bibliotecaria bibliotecario responsable
        professora superintendente governador governadora prefeito prefeita ing. arq. mtro. mtra.
        shri smt. smt shrimati
        formand forkvinde næstformand generalsekretær generalsekreterare sekretær rådmann landshövding
        generaldirektör kommunaldirektør kommunaldirektör fylkesordfører politimester
        ministr ministryně hejtman hejtmanka primátor primátorka starostka náměstek náměstkyně ředitel
        ředitelka mluvčí předseda předsedkyně místopředseda místopředsedkyně radní senátorka
        menteri gubernur bupati walikota ketua wakil kepala direktur sekretaris camat kapolres kapolda
        kapolri presiden juru dirut wali
        barrister barr. alhaji alhaja hajia mallam otunba
        publisher producer proprietor
        """
    )
)

# The word after an ordinal that completes a rank's grade ("Petty Officer 2nd Class", "Airman 1st Class").
RANK_GRADES: frozenset[str] = frozenset({"class", "grade"})

# Adjectives inside a title ("senior economist", "acting director"): part of a title, never one alone.
TITLE_MODIFIERS: frozenset[str] = frozenset(
    _words(
        """
        senior junior acting interim associate managing global regional national international local
        deputy former longtime long-time chief executive general principal lead head
        algemeen
        """
    )
)

# Occupations and roles that describe a speaker the way a title does ("teacher Grace Mensah").
ROLE_WORDS: frozenset[str] = frozenset(
    _words(
        """
        teacher nurse doctor farmer owner worker volunteer resident member mp mep student pupil coach
        lawyer chef author artist official expert historian activist campaigner organiser organizer
        owner landlord tenant parent mother father pastor imam rabbi priest captain player manager
        neighbour neighbor witness passenger shopper customer fan voter driver grandmother grandfather
        survivor victim patient entrepreneur founder homeowner commuter
        designer architect photographer writer novelist poet composer conductor illustrator filmmaker
        pharmacist dentist midwife paramedic firefighter
        physicist chemist astronomer statistician geographer oceanographer
        ingeniero ingeniera ingénieur ingénieure ingenieur ingenieurin engenheiro engenheira
        arquitecto arquitecta architecte architekt architektin
        entrenador entrenadora entraîneur entraîneuse trainer trainerin allenatore allenatrice treinador
        treinadora
        """
    )
)

# Endings of occupations named by their field, read as role words ("glaciologist Ilaria Ventresca").
ROLE_ENDINGS: tuple[str, ...] = ("ologist",)

# Words that cannot stand between a speech verb and the speaker's name ("said in a statement that Smith").
NOT_IN_ATTRIBUTION_GAP: frozenset[str] = frozenset(
    _words(
        """
        that in on at to with after before during when while as which who it this last by from into about
        today yesterday tomorrow earlier later also he she they we i you there here if but and or than
        """
    )
)

# Conjunctions that open a subordinate clause: a speech verb after one reports an event ("… issued the
# following statement after the company confirmed it would close:"), it does not introduce the quote.
SUBORDINATORS: frozenset[str] = frozenset(
    _words(
        """
        after before when while since once until because although though whereas
        nachdem als während bevor weil obwohl après avant lorsque quand depuis puisque
        después antes cuando mientras porque aunque depois quando enquanto embora
        """
    )
)

# Prepositions that open a phrase of time or place after a clause's subject ("said the mayor on Monday",
# "sagte die Landrätin am Montag", "dijo la alcaldesa durante la visita"); never "of" or "de", which tie a
# title to what it heads.
ADVERBIAL_STARTS: frozenset[str] = frozenset(
    _words(
        """
        on at in during after before while when yesterday today tonight this last earlier later
        am im beim bei nach während vor heute gestern
        durante tras antes después ayer hoy este esta
        lors après avant pendant hier aujourd'hui aujourd’hui ce cette
        durant ontem hoje nesta neste
        """
    )
)

# Honorifics that say less about a speaker than a title in apposition does; some give a gender.
HONORIFICS: dict[str, str] = {
    "mr.": "m",
    "mr": "m",
    "herr": "m",
    "m.": "m",
    "monsieur": "m",
    "señor": "m",
    "sr.": "m",
    "sir": "m",
    "mrs.": "f",
    "mrs": "f",
    "ms.": "f",
    "ms": "f",
    "frau": "f",
    "mme": "f",
    "mme.": "f",
    "madame": "f",
    "señora": "f",
    "sra.": "f",
    "dame": "f",
    "dr.": "",
    "dr": "",
    "prof.": "",
    "prof": "",
    "mx.": "",
    "hon.": "",
    "hon": "",
    "honourable": "",
    "honorable": "",
    # professional and diplomatic prefixes (Philippine and Commonwealth releases): a title says more
    "engr.": "",
    "engr": "",
    "atty.": "",
    "atty": "",
    "arch.": "",
    "h.e.": "",
    # Spanish and Portuguese, and Indian honorifics ("Dra. Ana Ruiz", "Shri R. Rao", "Smt. P. Devi")
    "dra.": "f",
    "dra": "f",
    "profa.": "f",
    "profa": "f",
    "lic.": "",
    "dr.-ing.": "",
    "dipl.-ing.": "",
    "shri": "m",
    "smt.": "f",
    "smt": "f",
    "shrimati": "f",
    # Nigerian professional and religious honorifics ("Barr. Ngozi Eze", "Alhaji Musa Bello")
    "barr.": "",
    "barrister": "",
    "alhaji": "m",
    "alhaja": "f",
    "hajia": "f",
}

# Common given names whose gender is near certain: lets "she said" pass over a man named just before.
# Only ever used to rule a candidate out, never to pick one.
FEMALE_NAMES: frozenset[str] = frozenset(
    _words(
        """
        mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret
        sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca
        sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha
        katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia
        joyce virginia victoria kelly lauren christina joan evelyn judith megan cheryl hannah
        jacqueline martha gloria teresa ann sara madison frances kathryn janice abigail alice judy
        sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany
        charlotte marie kayla alexis lori anne claire sophie chloe lucy ellen fiona jane julia eva laura
        ursula sabine petra monika claudia katrin annette birgit isabelle camille nathalie sylvie celine
        carmen lucia elena isabel pilar rosa ana beatriz francesca giulia chiara sabrina heidi
        kamala hillary nancy ursula christine angela greta jacinda theresa liz priya ingrid lena astrid
        """
    )
)
MALE_NAMES: frozenset[str] = frozenset(
    _words(
        """
        james robert john michael david william richard joseph thomas charles christopher daniel matthew
        anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward
        jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
        samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry
        douglas zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald harold sean
        austin carl arthur lawrence dylan jesse  bryan billy joe bruce gabriel logan albert willie
        alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis tom tim
    mike dave jim bill bob steve lloyd hans klaus jürgen wolfgang stefan andreas thomas
        michael markus pierre jean-pierre jacques philippe nicolas emmanuel françois olivier carlos
        antonio manuel francisco javier miguel luis pedro giuseppe giovanni marco luca matteo joe
        vladimir volodymyr olaf boris keir rishi narendra xi recep benjamin
        """
    )
)

# Pronoun -> gender ("" where the pronoun does not say).
PRONOUN_GENDER: dict[str, str] = {
    "he": "m",
    "er": "m",
    "il": "m",
    "él": "m",
    "ele": "m",
    "she": "f",
    "sie": "f",
    "elle": "f",
    "ella": "f",
    "ela": "f",
    "lui": "m",
    "lei": "f",
    "hij": "m",
    "zij": "f",
    "han": "m",
    "hun": "f",
    "hon": "f",
}

# Endings that make a compound word a title (German "Infrastrukturvorstand", "Regierungssprecherin").
TITLE_SUFFIXES: tuple[str, ...] = (
    "vorstand",
    "vorständin",
    "sprecher",
    "sprecherin",
    "minister",
    "ministerin",
    "leiter",
    "leiterin",
    "chef",
    "chefin",
    "direktor",
    "direktorin",
    "präsident",
    "präsidentin",
    "vorsitzende",
    "vorsitzender",
    "kanzler",
    "kanzlerin",
    "meister",
    "meisterin",
    "beauftragte",
    "beauftragter",
    "führer",
    "führerin",
    "kommissar",
    "kommissarin",
    "rätin",
    # "-rat" only after the joints of a councillor's title ("Regierungsrat", "Ministerialrat",
    # "Oberstadtrat", "Kreislandrat"), not "Kohlenhydrat" or "Lebensmittelvorrat"
    "srat",
    "alrat",
    "dtrat",
    "ndrat",
    "sekretär",  # "Wirtschaftsstaatssekretär Markus Feilmeier", "Generalsekretärin"
    "sekretärin",
    "dezernent",  # "Baudezernentin Katrin Oelschläger", "Sozialdezernent"
    "dezernentin",
)

# Words that follow "of"/"for" after a title and belong to it ("Secretary of Defense").
TITLE_COMPLEMENTS: frozenset[str] = frozenset(
    _words(
        """
        defense defence state health education energy commerce labor labour justice transportation
        transport agriculture treasury homeland security foreign affairs interior veterans human
        services housing urban development finance economy economic trade industry science
        technology culture marketing operations communications sales research engineering product
        products public relations policy strategy growth innovation staff army navy air force marine
        corps joint chiefs the and of for corp. corp inc. inc ltd. ltd llc plc gmbh ag co. company
        group board
        internal market competition environment climate digital migration cohesion budget fisheries
        oceans enlargement equality
        """
    )
)

# Words that make a capitalised name an organisation's, not a person's ("Globex Inc.", "Ministry of
# Health", "Harbor City Council"); compared lower-case without a final period.  Common surnames
# (Church, Court, Banks) are left out: a person's name must never be dropped as an organisation.
ORGANISATION_WORDS: frozenset[str] = frozenset(
    _words(
        """
        corp corporation incorporated limited company companies group holdings partners associates
        ministry department dept
        agency council association university universities college school institute institution
        foundation trust authority commission committee office bureau board bank police service
        services government administration party federation society organisation organization
        network networks hospital clinic fund centre center club league museum airlines airways
        systems technologies technology solutions labs laboratories pharmaceuticals pharma industries
        media team ministerium regierung verband stiftung universität behörde ministère gouvernement
        ministerio gobierno agence agencia universidad université ayuntamiento mairie préfecture
        rathaus landkreis stadtverwaltung consejería gendarmerie polizei policía
        programme program initiative scheme campaign partnership coalition alliance railway railways
        ferries transit
        dinas kementerian direktorat badan kantor pemerintah kota kabupaten provinsi ministerstvo úřad kommune
        """
    )
)

# What a text calls an organisation when it says the organisation said something ("the club said"),
# and the words that mark a name as one of that kind ("Harrowgate Borough FC" is a club).
_COMPANY_MARKERS = "company corporation corp inc ltd plc llc gmbh ag sa sas sarl sl spa"
# A company in the words a release uses for it ("the company said", "indique la société", "ha señalado la
# empresa", "teilte das Unternehmen mit"): with no company named by a marker, the company the release is
# from or about.
COMPANY_KINDS: frozenset[str] = frozenset(
    _words(
        "company firm group société entreprise groupe compagnie empresa compañía sociedad grupo"
        " unternehmen firma konzern"
    )
)
ORGANISATION_KINDS: dict[str, frozenset[str]] = {
    kind: frozenset(_words(markers))
    for kind, markers in {
        "club": "club fc afc cf sc rfc fk",
        **{company: _COMPANY_MARKERS for company in COMPANY_KINDS},
        "council": "council",
        "committee": "committee",
        "board": "board",
        "tribunal": "tribunal",
        "ministry": "ministry",
        "department": "department",
        "university": "university",
        "hospital": "hospital",
        "charity": "charity trust foundation",
        "trust": "trust",
        "foundation": "foundation",
        "agency": "agency",
        "commission": "commission",
        "bank": "bank",
        "museum": "museum",
        "association": "association",
        "federation": "federation",
        "union": "union",
        "society": "society",
        "college": "college",
        "institute": "institute",
        "police": "police constabulary",
        "authority": "authority",
        "organisation": "organisation organization",
        "organization": "organisation organization",
    }.items()
}

# One office in the languages a release mixes: a text that introduces "la consejera de Vivienda, X" in
# Spanish and goes on "the councillor said" in English means X.  Each word -> the office's English word.
ROLE_EQUIVALENTS: dict[str, str] = {
    word: office
    for office, words in {
        "councillor": "councilor consejero consejera conseller consellera conselleiro conselleira concejal "
        "concejala regidor regidora conseiller conseillère consigliere consigliera edil",
        "minister": "ministra ministro ministre ministerin ministr ministryně menteri",
        "mayor": "alcalde alcaldesa alcaldessa maire bürgermeister bürgermeisterin sindaco sindaca "
        "burgemeester burmistrz prefeito prefeita borgmester borgmästare ordfører primátor primátorka "
        "walikota",
        "president": "presidente presidenta président présidente präsident präsidentin presidentessa "
        "prezydent presiden",
        "director": "directora directeur directrice direktor direktorin direttore direttrice diretor "
        "diretora dyrektor dyrektorka direktør direktör ředitel ředitelka direktur",
        "governor": "gobernador gobernadora gouverneur gouverneure governatore gov gubernur",
        "rector": "rectora recteur rectrice rektor rettore rettrice reitor reitora",
        "spokesperson": "spokesman spokeswoman portavoz porte-parole sprecher sprecherin portaveu "
        "woordvoerder woordvoerster mluvčí",
        "chair": "formand forkvinde ordförande předseda předsedkyně ketua",
        "secretary": "secretario secretaria secrétaire",
        "delegate": "delegado delegada délégué déléguée",
        "chancellor": "kanzler kanzlerin",
        # abbreviated titles ("Usec. Jane Doe" … "the Undersecretary said"), compared without the period
        "undersecretary": "usec under-secretary",
        "engineer": "engr",
        "attorney": "atty",
        "ambassador": "amb",
        "senator": "sen",
        "superintendent": "supt",
        "inspector": "insp",
        "professor": "prof",
    }.items()
    for word in words.split()
}

# Roles that speak for someone else and never mean the person named just before ("the spokesman said").
SPOKESPERSON_ROLES: frozenset[str] = frozenset(
    _words(
        """
        spokesperson spokesman spokeswoman spokespeople official officials source sources representative
        sprecher sprecherin pressesprecher pressesprecherin porte-parole portavoz woordvoerder woordvoerster
        """
    )
)

# Legal forms that end a company's name ("Globex Inc.", "Acme AG"); only as the last word, since short
# ones are given names elsewhere (the Dutch "Ab", the Vietnamese "Sa").
ORGANISATION_SUFFIXES: frozenset[str] = frozenset(
    _words("inc ltd llc llp plc gmbh ag kg se sa sas sarl nv bv spa srl oy ab asa co pty bhd kk")
)

# Tokens that may sit inside a name ("Ludwig van Beethoven", "Lloyd J. Austin III").
NAME_PARTICLES: frozenset[str] = frozenset(
    {
        "de",
        "van",
        "von",
        "der",
        "den",
        "da",
        "di",
        "du",
        "la",
        "le",
        "del",
        "dos",
        "das",
        "bin",
        "al",
        "ibn",
        "ten",
        "i",  # Catalan double surnames: "Montserrat Puigdollers i Riera"
    }
)
# Words that tie an office to its portfolio or place right before a capitalised run: "l'assessora ai
# Trasporti Anna Rossi", "Starosta obce Lipník Pavel Sýkora" (Czech genitives: of the municipality, the
# town, the region).  English "of"/"for" are left to the title grammar (``split_title``).
PORTFOLIO_LINKS: frozenset[str] = frozenset(
    _words(
        """
        ai al alla allo agli alle della del dello dei degli delle di
        de du des für obce města kraje městyse
        """
    )
)

# Letters after a name that are honours or offices, not part of it ("Jane Smith MP", "John Doe OBE").
POSTNOMINALS: frozenset[str] = frozenset(
    _words(
        """
        mp mep msp mla am obe mbe cbe kbe dbe kc qc frs phd ph.d. md esq. esq mdb mdl
        td mpp mha mhk mna
        """
    )
)
# Post-nominals that are also words or names in other cases ("Jane Doe MS", a Member of the Senedd, but
# "Jack Ma"): letters after a name only when written in capitals.
POSTNOMINALS_IN_CAPITALS: frozenset[str] = frozenset(_words("ms ma ba msc mba jp dl fca frcp frcs freng"))
NAME_SUFFIXES: frozenset[str] = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv", "v", "phd", "ph.d."})

# Capitalised words that start sentences or name things but are never people.
NOT_NAMES: frozenset[str] = frozenset(
    _words(
        """
        the a an this that these those it its his her their our my your today yesterday tomorrow
        monday tuesday wednesday thursday friday saturday sunday january february march april may
        june july august september october november december jan. feb. mar. apr. jun. jul. aug. sep.
        sept. oct. nov. dec. on in at for and but or so as by from with after before during since
        while when where then earlier later meanwhile however nevertheless also still last next
        first second third mr. mrs. ms. dr. we i you they he she us u.s. uk eu un der die das ein
        eine le la les un une el los las according selon laut según segundo under without despite like
        unlike among between about above across against along around behind ook
        menurut ifølge enligt volgens według segons pour para für
        """
    )
)

# Abbreviations whose period does not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    _words(
        """
        mr. mrs. ms. dr. prof. sr. jr. st. mt. ft. gen. maj. lt. col. capt. cmdr. adm. sgt. cpl.
        pvt. brig. spc. sen. rep. gov. rev. det. hon. gen. inc. corp. ltd. co. no. vs. etc. e.g.
        i.e. approx. dept. est. jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. u.s.
        u.k. u.n. d.c. a.m. p.m. calif. fla. mass. n.y. ill. wash. pa. va. tex. ariz. colo. conn.
        ga. md. mich. minn. mo. n.j. ore. tenn. wis. ala. ky. la. nev. okla. s.c. n.c. n.h. vt. del.
        neb. kan. miss. ark. wyo. mont. idaho. z.b. bzw. ca. nr. dr. hr. fr. mme. m. rt. h.e.
        engr. atty. arch. amb. usec. asec. dir. cong. dra. profa. lic. smt. dr.-ing. dipl.-ing. barr. ph.d.
        ing. arq. mtro. mtra.
        """
    )
)

# Month names (and abbreviations) of the supported languages -> month number.
MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan jan. januar janvier enero janeiro jänner gennaio januari",
        "february feb feb. februar février fevrier febrero fevereiro febbraio februari",
        "march mar mar. märz maerz mars marzo março maart",
        "april apr apr. avril abril aprile",
        "may mai mayo maio maggio mei",
        "june jun jun. juni juin junio junho giugno",
        "july jul jul. juli juillet julio julho luglio",
        "august aug aug. août aout agosto augustus",
        "september sep sep. sept sept. septembre septiembre setembro settembre",
        "october oct oct. oktober octobre octubre outubro ottobre",
        "november nov nov. novembre noviembre novembro",
        "december dec dec. dezember décembre decembre diciembre dezembro dicembre",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

# Month names of languages that write the day first ("9 de febrer de 2032", "9 lutego 2032", "9. helmikuuta
# 2032", "2. prosince 2032", "2 decembrie 2032", "2 Aralık 2032", "2 Agustus 2032"): Catalan, Polish,
# Czech and Slovak (nominative and the genitive a date uses), Swedish, Norwegian, Danish, Finnish,
# Romanian, Indonesian (with its older spellings); then Slovene, Croatian, Serbian (Latin), Estonian,
# Turkish and Greek (nominative and genitive).  The names these share with the lists above ("maj",
# "juni", "mei") are there; Croatian "listopada" (October) is Polish November and stays November.
# Also in ``MONTHS``; kept apart so the month-first date pattern does not try them at every word.
DAY_FIRST_MONTHS: dict[str, int] = {}
for _number, (_names, _more) in enumerate(
    (
        (
            "gener styczeń stycznia tammikuuta leden ledna január januára ianuarie",
            "januarja siječnja jaanuar ocak ιανουαρίου ιανουάριος",
        ),
        (
            "febrer luty lutego helmikuuta únor února február februára februarie pebruari",
            "februarja veljače veebruar şubat φεβρουαρίου φεβρουάριος",
        ),
        (
            "març marzec marca marts maaliskuuta březen března marec martie maret",
            "mart ožujka märts μαρτίου μάρτιος",
        ),
        (
            "kwiecień kwietnia huhtikuuta duben dubna apríl apríla aprilie",
            "aprila travnja aprill nisan απριλίου απρίλιος",
        ),
        ("maig maj maja toukokuuta květen května máj mája", "svibnja mayıs μαΐου μάιος"),
        (
            "juny czerwiec czerwca kesäkuuta červen června jún júna iunie",
            "junija lipnja juuni haziran ιουνίου ιούνιος",
        ),
        (
            "juliol lipiec lipca heinäkuuta červenec července júl júla iulie",
            "julija srpnja juuli temmuz ιουλίου ιούλιος",
        ),
        (
            "agost sierpień sierpnia augusti elokuuta srpen srpna augusta agustus",
            "avgusta avgust kolovoza ağustos αυγούστου αύγουστος",
        ),
        (
            "setembre wrzesień września syyskuuta září septembra septembrie",
            "septembar rujna eylül σεπτεμβρίου σεπτέμβριος",
        ),
        (
            "październik października lokakuuta říjen října októbra octombrie",
            "oktobra oktobar oktoober ekim οκτωβρίου οκτώβριος",
        ),
        (
            "listopad listopada listopadu marraskuuta novembra noiembrie nopember",
            "novembar studenoga studenog kasım νοεμβρίου νοέμβριος",
        ),
        (
            "desembre grudzień grudnia desember joulukuuta prosinec prosince decembra decembrie",
            "decembar prosinca detsember aralık δεκεμβρίου δεκέμβριος",
        ),
    ),
    start=1,
):
    for _name in (*_names.split(), *_more.split()):
        DAY_FIRST_MONTHS[_name] = _number
MONTHS.update(DAY_FIRST_MONTHS)

# Words that may stand beside a date on a date line ("Updated: Monday, March 3, 2025").
DATE_LABELS: frozenset[str] = frozenset(
    [
        "",
        *_words(
            """
            updated published posted date datum le on at am um dated release released last modified
            monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch donnerstag
            freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche
            """
        ),
    ]
)

# Release notices at the top of a release (matched at the start of a line, case-insensitive).
RELEASE_NOTICES: tuple[str, ...] = (
    "for immediate release",
    "immediate release",
    "for release",
    "embargoed until",
    "embargoed till",
    "embargoed to",
    "embargo until",
    "embargo:",
    "embargoed:",
    "embargoed",
    "under embargo until",
    # embargo lines in Spanish and French ("EMBARGADA HASTA EL JUEVES …", "SOUS EMBARGO JUSQU'AU …")
    "embargada hasta",
    "embargado hasta",
    "embargo hasta",
    "bajo embargo",
    "sous embargo",
    "embargo jusqu",
    "embargo :",
    "informations sous embargo",
    "information sous embargo",
    "not for release before",
    "hold for release",
    "news release",
    "press release",
    "media release",
    "zur sofortigen veröffentlichung",
    "sperrfrist",
    "pressemitteilung",
    "communiqué de presse",
    "pour diffusion immédiate",
    "comunicado de prensa",
    "boletín de prensa",
    "boletim de imprensa",
    "siaran pers",
    "siaran media",
    "kenyataan media",
    "nota de prensa",
    "nota de premsa",
    "comunicat de premsa",
    "comunicato stampa",
    "persbericht",
    "komunikat prasowy",
    "informacja prasowa",
    "pressmeddelande",
    "pressemelding",
    "pressemeddelelse",
    "tiedote",
    "lehdistötiedote",
)

# Headers that open a media-contact block.
CONTACT_HEADERS: tuple[str, ...] = (
    "media contact",
    "media contacts",
    "press contact",
    "press contacts",
    "media inquiries",
    "media enquiries",
    "press inquiries",
    "press enquiries",
    "media relations",
    "for media inquiries",
    "for more information",
    "for further information",
    "further information",
    "contact",
    "contacts",
    "investor contact",
    "investor relations",
    "pressekontakt",
    "pressekontakte",
    "medienkontakt",
    "kontakt für medien",
    # Austrian and German wire copy: "Rückfragen & Kontakt:", "Rückfragen bitte an:", "Rückfragehinweis:"
    "rückfragen & kontakt",
    "rückfragen und kontakt",
    "rückfragen bitte an",
    "rückfragen an",
    "für rückfragen",
    "rückfragen",
    "rückfragehinweis",
    "ansprechpartner",
    "ansprechpartnerin",
    "kontakt",
    "contact presse",
    "contacts presse",
    "contact média",
    "contact médias",
    "contacts médias",
    "relations presse",
    "contact pour la presse",
    "contacto de prensa",
    "contactos de prensa",
    "contacto para medios",
    "contacto con medios",
    "para más información",
    "contacto",
    "contacte de premsa",
    "contatti stampa",
    "contatto stampa",
    "perscontact",
    "kontakt dla mediów",
    "presskontakt",
    "kontaktperson",
)

# Lines a wire service closes its copy with, below the text (prefix match, case-insensitive): the
# Austrian OTS disclaimer ("*** OTS-ORIGINALTEXT PRESSEAUSSENDUNG UNTER AUSSCHLIESSLICHER …"), the
# German "Original-Content von: …, übermittelt durch news aktuell".
WIRE_END_LINES: tuple[str, ...] = (
    "*** ots-originaltext",
    "ots-originaltext",
    "original-content von:",
)

# End marks, compared after removing spaces and lower-casing.
END_MARKS: frozenset[str] = frozenset(
    {
        "###",
        "#",
        "-30-",
        "–30–",
        "—30—",
        "30",
        "-end-",
        "–end–",
        "—end—",
        "end",
        "ends",
        "-ends-",
        "–ends–",
        "—ends—",
    }
)

# Headings that open an "About …" boilerplate section (prefix match, case-insensitive).
BOILERPLATE_HEADINGS: tuple[str, ...] = (
    "about ",
    "über ",
    "à propos de ",
    "a propos de ",
    "à propos d’",
    "à propos d'",
    "acerca de ",
    "sobre ",
    "notes to editors",
    "note to editors",
    "notes for editors",
    "editor’s note",
    "editor's note",
    "editors’ note",
    "editors' note",
    "hinweis für redaktionen",
)

# Words that make a colon-ended line a sentence introducing a list, not a heading.
LIST_INTRODUCERS: frozenset[str] = frozenset(
    _words(
        """
        include includes including included following follows are is were was will be been has have
        had such these those below here there can could should must would may might these our
        incluye incluyen siguiente siguientes comprend comprennent suivant suivants suivante suivantes
        umfasst umfassen folgende folgenden sind
        """
    )
)

# Finite verbs that mark a short sentence-case line as a sentence that lost its period, not a heading.
FINITE_VERBS: frozenset[str] = frozenset(
    _words(
        """
        is are was were will would has have had said says can could should must did does do may might
        shall won't can't isn't aren't wasn't weren't ist sind war waren wird werden hat haben est sont
        était sera ont es son fue será han
        """
    )
)

# Labels that look like a capitalised dateline before a colon but are not places; weekdays ("Monday,
# 7 December 2031 - 10:15am" is a date-time line, not a dateline) and prepositions ("Od 4 stycznia
# 2032 r. mieszkańcy …" opens "From 4 January", not a place).
NOT_PLACES: frozenset[str] = frozenset(
    _words(
        """
        note update updated correction breaking watch photos photo video advisory media editor editors
        what when where who why how contact contacts source sources read more live alert urgent embargo
        fact sheet moderator meeting statement readout transcript background
        warning important attention caution reminder notice speaker speakers question answer
        meanwhile today tomorrow yesterday tonight overall however finally first also
        monday tuesday wednesday thursday friday saturday sunday montag dienstag mittwoch donnerstag
        freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes
        miércoles jueves viernes sábado dilluns dimarts dimecres dijous divendres dissabte diumenge
        from since until od desde hasta ab seit bis depuis dès från sedan fram siden
        """
    )
)

# Small words that stay lower-case in Title Case headings.
TITLE_CASE_SMALL: frozenset[str] = frozenset(
    _words(
        """
        a an the and or but nor for of on in at to by with from as into over per via vs. vs up off
        out de des du la le les et ou à au aux en pour sur der die das und oder für von mit zu im am
        el los las y del della di da do dos
        """
    )
)

# Words that leave a headline's line unfinished (with TITLE_CASE_SMALL): a wrapped title carries on
# after them ("… cycle lanes along the" / "Harlow Road towpath …").
DANGLING_WORDS: frozenset[str] = TITLE_CASE_SMALL | frozenset(
    _words(
        """
        its their his her our your this that these those than after before about against amid among
        between during under without across through towards toward while who which whose will would
        could should can may must has have had is are was were be been not more most less new
        un une dans par avec sans sous chez vers entre son sa ses leur leurs ce cette ces
        ein eine einen einem einer eines den dem des aus auf bei nach über unter vor um gegen durch ohne
        zum zur beim vom ins seine ihre neue neuen
        una unos unas al con por sin sobre hacia hasta su sus ao na no em um uma pelo pela nos nas
        """
    )
)

# Articles and determiners: capitalised, they open a sentence, never the middle of a title in
# sentence case ("… pistes cyclables" / "La première section …": a dek under the headline).
SENTENCE_OPENERS: frozenset[str] = frozenset(
    _words(
        """
        the a an this these those our its their
        le la les un une ce cet cette ces
        der die das ein eine
        el los las una unos unas o os as um uma
        """
    )
)

# Words of page chrome, mastheads and section labels above a headline ("Press release",
# "News story", "BRIEFING ROOM", "Communiqué de presse", "Meetings Coverage and Press Releases"):
# a short line made only of these words (and small words) is a label, never the headline.
PAGE_CHROME_WORDS: frozenset[str] = frozenset(
    _words(
        """
        press release releases news story stories media advisory advisories alert statement statements
        briefing briefings room newsroom newsrooms home latest update updates announcement announcements
        notice notices readout readouts remarks speech speeches transcript transcripts fact sheet sheets
        coverage meetings meeting conference conferences official officielle officiel questions answers
        and q&a faq appeal appeals feature features blog article articles publication publications
        immediate for release: share this page print email subscribe rss all world national local
        international local regional daily bulletin highlights noon summary club sports
        communiqué communiqués communique presse actualités actualité accueil nota notas prensa sala
        comunicado comunicados noticias inicio publicación su para inmediata pressemitteilung
        pressemitteilungen presseinformation aktuelles nachrichten startseite meldung medieninformation
        mitteilung de la des du el del von der und et y
        """
    )
)

# The header fields of a forwarded or replied e-mail ("From:", "Betreff:", "Objet:", "Ämne:"), lower-case.
MAIL_HEADER_FIELDS: frozenset[str] = frozenset(
    _words(
        """
        from to cc bcc date sent subject reply-to von an datum gesendet betreff de à objet envoyé sujet pour
        para fecha enviado asunto van aan onderwerp verzonden fra til dato emne sendt från
        till ämne skickat od do data temat wysłano da oggetto inviato a
        """
    )
)

# The fields that say a block of "Field: value" lines is a mail header (not an FAQ's "Q:"/"A:" pair).
MAIL_HEADER_KEYS: frozenset[str] = frozenset(
    _words(
        """
        from subject sent von betreff gesendet objet sujet envoyé asunto enviado onderwerp verzonden
        emne sendt från ämne skickat temat wysłano oggetto inviato
        """
    )
)

# Phrases that open page chrome lines wherever they stand ("Share this article", "News provided by …").
PAGE_CHROME_OPENINGS: tuple[str, ...] = (
    "share this",
    "share on",
    "news provided by",
    "provided by",
    "skip to",
    "back to",
    "print this",
    "email this",
    "follow us",
    "last updated",
    "published",
    "updated",
    # the same page lines in French, Spanish, German; a syndicator's "Source: …" line under a title
    "publié le",
    "mis à jour le",
    "publicado el",
    "actualizado el",
    "veröffentlicht am",
    "aktualisiert am",
    "source:",
    "fuente:",
    "quelle:",
    "for planning purposes",
    # a government site's banner and a newsletter's first line
    "an official website of",
    "view this email",
    "view in browser",
    "not for distribution",
    "not for release",
    "for immediate release",
    "from:",
    "sent:",
    "to:",
    "subject:",
)
