/*
 * lexicon_media.c -- what press, analyst, speaker and interview requests look
 * like, and what the mail that resembles them (newsletters, PR pitches,
 * sales, recruiting, code review) looks like, in English, Spanish,
 * Portuguese, French and German.
 *
 * Patterns are caseless and matched in byte mode on the normalised view.
 */
#include "lexicon.h"

/* Roles that, followed by "here" or "at <outlet>", introduce the sender. */
#define SENDER_ROLES "reporter|journalist|editor|writer|columnist|correspondent|blogger|producer|podcaster|host|presenter|analyst|organi[sz]er|researcher|creator|youtuber"
#define W(x) "(?<![\\w])(?:" x ")(?![\\w])"

const cg_term cg_media_terms[] = {
    { MEDIA_ROLE, "media.role",
      W("(?:senior |staff |freelance |student |tech |news |managing |contributing |business )?"
        "(?:reporter|journalist|editor(?:-in-chief)?|writer|columnist|correspondent|blogger|vlogger|youtuber"
        "|producer|podcaster|podcast host|anchor|presenter|content creator|newsletter writer|researcher)"
        "|host(?:,| of)|programme chair|program chair|(?:event |conference |meetup )?organi[sz]er"
        "|organi(?:z|s)ador(?:a)?|organisat(?:eur|rice)|veranstalter(?:in)?"
        "|(?:i|we) (?:co-?)?organi[sz]e|we(?:'re| are) (?:co-?)?organi[sz]ing|organizamos|estamos organizando"
        "|nous organisons|wir organisieren|wir veranstalten"
        "|periodista|redactor[a]?|reportera?|productor[a]?|locutor[a]?|columnista|investigador[a]?"
        "|jornalista|rep(?:o|ó)rter|produtor[a]?|editora?|pesquisador[a]?|apresentador[a]?"
        "|journaliste|r(?:e|é)dact(?:eur|rice)|productrice|producteur|chroniqueu(?:r|se)|chercheu(?:r|se)|animat(?:eur|rice)"
        "|journalistin|redakteur(?:in)?|reporterin|moderator(?:in)?|korrespondent(?:in)?|forscher(?:in)?") },
    { MEDIA_SELF, "media.self",
      W("i'?m (?:an?|the)|i am (?:an?|the)|i'?m with|i work (?:for|at)|soy|sou|je suis|ich bin|(?:mein|my) name is"
        "|i (?:run|host|produce|write|edit|interview)|we (?:run|host|produce)|i (?:make|create|film|record|shoot)|we (?:make|film|record)"
        "|(?:i'?m |i am |we'?re |we are )?(?:writing|working on|preparing)"
        "|escribo|estamos preparando|escrevo|estou apurando|j'(?:e|é)cris|nous pr(?:e|é)parons|ich schreibe|wir (?:arbeiten an|planen)") },
    { MEDIA_ANALYST, "media.analyst",
      W("(?:industry|principal|senior|research) analyst|analyst (?:briefing|inquiry|relations|firm)"
        "|market (?:landscape|guide|report|study|assessment|forecast)|magic quadrant|wave report"
        "|vendor (?:briefing|evaluation|landscape|assessment)|selected for inclusion|published report"
        "|analista de (?:mercado|la industria|ind(?:u|ú)stria)|analyste|branchenanalyst\\w*") },
    { MEDIA_SPEAKER, "media.speaker",
      W("keynote|(?:join|be on|moderate|sit on|speak on) (?:the|our|a) panel|panel(?:ist| invitation| discussion)"
        "|speak(?:er|ing)? at|as (?:a|our) speaker|give a talk|(?:\\d+[- ]?min(?:ute)?s?) talk|call for (?:speakers|papers)"
        "|gap in the \\w+ (?:lineup|line-up)|speaker (?:slot|invitation|honorarium)"
        "|as (?:a|our) guest|guest (?:invite|on|for)|have you on|fireside(?:[- ]chat)?"
        "|looking for (?:a |an )?(?:\\w+ )?(?:speakers?|panell?ists?|presenters?|moderators?)"
        "|(?:be|being|as|become) (?:a|an|our|the|one of our) (?:\\w+ )?(?:speaker|panell?ist|keynote|moderator|guest)"
        "|have (?:you|your \\w+(?: \\w+)?|\\w+) (?:on|join|speak at|present at) (?:a|an|our|the|one of our) (?:\\w+ ){0,2}(?:episode|show|podcast|programme|program|stage|panel|stream|session|track)|on the (?:show|podcast|programme|program)"
        "|ponente|conferenciante|palestrante|palestra|intervenant\\w*|conf(?:e|é)rencier|table ronde"
        "|vortrag|referent(?:in)?|podiumsdiskussion|invitad[oa] (?:al|a nuestro)|convidad[oa]") },
    { MEDIA_INTERVIEW, "media.interview",
      W("interview (?:request|with|someone|one of|your|you|a|an|the|people)|(?:to|i'd like to|like to|love to) interview"
        "|(?:for an?|quick|short|brief|phone|video|live|on-camera|tv|radio|(?:\\d+(?:–|-)?\\s?)?min(?:ute)?s?)[ -]interview"
        "|interview(?:ed)? for (?:a|an|the|my|our) (?:piece|article|story|feature|profile|segment|episode|video|series|blog|study|paper|column|podcast)"
        "|be interviewed|on[- ]camera|film (?:a|an) (?:short )?(?:interview|segment)|take part in an? (?:\\S+ )?interview"
        "|(?:una|uma) entrevista|entrevista (?:en directo|en vivo|ao vivo)|entrevistar|entrevista (?:a|con|com|para)|(?:solicitud|pedido|petici(?:o|ó)n) de entrevista|conceder (?:uma|una) entrevista"
        "|interviewer|demande d'interview|une interview|interview (?:avec|mit)|interviewen|interviewanfrage|presseanfrage"
        "|feature (?:\\S+ ){0,2}(?:product lead|ceo|founder|team|engineer)s?"
        "|(?:analyst )?briefing (?:request|with)|schedule an? (?:\\S+ )?(?:analyst )?briefing|request an? briefing"
        "|(?:appear|come on|be on|join us) (?:live|on (?:air|camera|the show|our show|the programme|the program)|by phone|in (?:the )?studio)"
        "|questions for (?:the|my|an) (?:article|piece|story)") },
    { MEDIA_COMMENT, "media.comment",
      W("(?:request|ask(?:ing)?) for (?:a )?(?:comment|statement|quote)|(?:provide|give|offer|share|send) (?:us )?(?:a |an )?"
        "(?:comment|statement|response)|like to (?:comment|respond)|chance to (?:comment|respond)|for comment"
        "|comment on (?:what|whether|this story|the (?:story|report|outage|allegations?|rumou?rs?|claims?|incident))"
        "|(?:a|an|any|official|short) statement(?! of)|is there a statement|quote (?:you|one of|someone)|(?:one-line|short|quick) quote|a quote (?:from|for (?:the|my|our))"
        "|une r(?:e|é)action|votre r(?:e|é)action|confirm or deny|fact[- ]?check\\w*|on the record|declaraciones|una declaraci(?:o|ó)n|nota oficial"
        "|posicionamento|declara(?:c|ç)(?:a|ã)o|d(?:e|é)claration|r(?:e|é)agir|stellungnahme|zitat") },
    { MEDIA_OUTLET, "media.outlet",
      W("article|story|piece|feature|column|segment|episode|issue|profile|newspaper|magazine|gazette"
        "|radio|tv|television|podcast|blog|newsletter|show|videos?|channel|edition|q&a|"
        "[a-z]+ ?(?:con|conf|summit|fest|camp|days|expo|week) ?(?:20\\d\\d|'\\d\\d)|readers|subscribers|audience|publication|published"
        "|publish|broadcast|on air|meetup|conference|summit|forum|festival|congress|congreso|congresso|conf(?:e|é)rence|konferenz|tagung|reportaje|art(?:i|í)culo|peri(?:o|ó)dico|revista|reportagem|mat(?:e|é)ria|jornal"
        "|(?:e|é)mission|journal|zeitung|artikel|beitrag|sendung|bericht") },
    { MEDIA_DEADLINE, "media.deadline",
      W("by (?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\w* \\d{1,2}|\\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\w*)"
        "|(?:by|before) (?:mon|tues|wednes|thurs|fri|satur|sun)day|before \\d{1,2}(?::\\d\\d)?\\s?(?:am|pm)"
        "|(?:edition|issue|piece|story|segment|episode) (?:goes out|runs|airs|publishes)"
        "|by (?:\\d{1,2}(?::\\d\\d)?\\s?(?:am|pm)|tomorrow|tonight|end of (?:the )?day|eod|cob|noon)|on deadline|my deadline"
        "|deadline is|filing (?:at|by|tonight|today)|before (?:we|it) (?:publish|go(?:es)? to print|airs?)"
        "|(?:we'?re|i'?m|we are|i am) (?:publishing|going to print|airing|filing)|(?:we|i) (?:publish|go to print|air|intend to publish)|closing the \\w+ issue|due to my editor"
        "|\\d(?:am|pm)? (?:et|pt|ct|est|pst|gmt|cet)|publicamos|cierre de edici(?:o|ó)n|fecha l(?:i|í)mite|prazo"
        "|bis (?:montag|dienstag|mittwoch|donnerstag|freitag|morgen|heute)|redaktionsschluss|avant (?:lundi|mardi|mercredi|jeudi|vendredi|demain)"
        "|(?:call for \\w+|submissions?|applications?) (?:closes?|close|due)|bouclage|nous bouclons|at(?:e|é) (?:amanh(?:a|ã)|segunda|ter(?:c|ç)a|quarta|quinta|sexta)|antes del? (?:lunes|martes|mi(?:e|é)rcoles|jueves|viernes)") },
    { MEDIA_BULK, "media.bulk",
      W("unsubscribe|you(?:'re| are) receiving this|manage (?:alerts|preferences|your subscription)|view in (?:your )?browser"
        "|read online|new mentions|mentions this week|media monitoring|(?:subscription|plan) (?:will )?renews?|will renew"
        "|confirm (?:your )?(?:subscription|sign-?up|email)|confirme sua inscri(?:c|ç)(?:a|ã)o|inscri(?:c|ç)(?:a|ã)o na newsletter"
        "|darse de baja|cancelar (?:la )?suscripci(?:o|ó)n|se d(?:e|é)sabonner|d(?:e|é)sinscri\\w+|abbestellen|abmelden") },
    { MEDIA_PR, "media.pr-agency",
      W("pr agency|public relations (?:agency|firm)|pr firm|boutique agency|(?:communications|comms|media relations) (?:agency|firm|consultancy)"
        "|(?:top-tier|tier-one|tier 1) (?:outlets|media|press|publications)|raise (?:your|\\w+'s) (?:profile|visibility)"
        "|(?:our|my) clients (?:in|on|into) (?:\\w+ ){0,4}(?:outlets|media|press|publications)|agencia de (?:relaciones p(?:u|ú)blicas|comunicaci(?:o|ó)n)"
        "|gabinete de prensa|ag(?:e|ê)ncia de (?:rela(?:c|ç)(?:o|õ)es p(?:u|ú)blicas|comunica(?:c|ç)(?:a|ã)o)|assessoria de imprensa"
        "|agence (?:de )?(?:rp|relations presse|relations publiques|communication)|pr-agentur|kommunikationsagentur"
        "|(?:land|landed|get|gets|got) (?:you |our clients |your \\w+ )?(?:featured|coverage|press|\\d+\\+? pieces)"
        "|media placements?|apariciones en prensa") },
    { MEDIA_SALES, "media.sales",
      W("sponsorship (?:packages?|opportunit\\w+|prospectus|tiers?)|sponsor(?:ing)? (?:the|our)|exhibit(?:or)? (?:booth|space)"
        "|booth|lead scanning|early-?bird pricing|ad (?:slots?|spots?|placements?)|advertis\\w+|rate card|mid-roll|pre-roll"
        "|sponsored (?:episode|post)|(?:free )?(?:\\d+-minute )?demo|book a demo|retainer|patrocinio|patroc(?:i|í)nio|parrainage") },
    { MEDIA_JOB, "media.job",
      W("recruiter|recruiting|talent acquisition|hiring manager|job|role|position|opening|vacancy|candidate|application"
        "|applied|second-round|first-round|phone screen|onsite|my interview|vorstellungsgespr(?:a|ä)ch\\w*|bewerbung|stelle als"
        "|entrevista de (?:trabajo|emprego)|vaga|candidatura|entretien d'embauche|poste de") },
    { MEDIA_CODE, "media.code",
      W("pull request|merge request|pr ?#?\\d+|the pr|code review|commit|diff|github|gitlab|line \\d+|review comments?") },
    { MEDIA_ATTEND, "media.attend",
      W("register (?:now|here|today)|save your seat|free (?:online )?(?:event|webinar)|join us (?:for|at|live)|rsvp"
        "|inscr(?:i|í)bete|inscreva-se|your (?:badge|ticket)|registration confirm\\w*") },
    { MEDIA_REPORTING, "media.reporting",
      W("(?:i'?m|we'?re|i am|we are) (?:covering|reporting|investigating|looking into)|i cover|we cover|i report on"
        "|(?:doing|preparing|putting together|working on|writing|producing|researching|filing) (?:a|an) (?:\\w+ ){0,2}"
        "(?:segment|story|piece|article|feature|report|episode|profile|series)"
        "|(?:" SENDER_ROLES ") (?:here|at|with|from|for)"
        "|(?:compiling|preparing|updating|writing|publishing) (?:the |our |a |an )?(?:\\w+ ){0,4}(?:report|ranking|index|landscape|guide|benchmark)"
        "|estoy preparando|estou (?:preparando|escrevendo|apurando)|je pr(?:e|é)pare|ich (?:recherchiere|schreibe (?:einen|(?:u|ü)ber))") },
    { MEDIA_TARGET, "media.target",
      W("your (?:ceo|cto|cfo|coo|cmo|ciso|cpo|founders?|co-?founders?|head of \\w+|vp(?: of)? \\w+|directors?|president"
        "|product (?:lead|leadership|managers?)|engineers?|spokes(?:person|people)|press (?:team|office)|leadership|executives?"
        "|data scientists?|experts?)"
        "|su (?:director(?:a)? general|ceo|fundador(?:a)?|portavoz)|seu (?:diretor|ceo|fundador)|sua (?:diretora|ceo|fundadora)"
        "|votre (?:directeur|directrice|pdg|ceo|fondat(?:eur|rice)|porte-parole)"
        "|ihr(?:e|en|em)? (?:gesch(?:a|ä)ftsf(?:u|ü)hrer(?:in)?|ceo|gr(?:u|ü)nder(?:in)?|sprecher(?:in)?|vorstand)") },
    { MEDIA_ASK, "media.ask",
      W("(?:get|have|grab|book) (?:\\d+|a few|some) (?:minutes|mins) with|(?:chat|speak|talk) with (?:your|one of your|someone from)"
        "|speak with (?:one|someone|two|a few)|ask \\S+ (?:two or three|a few|some) questions"
        "|(?:send|email|ask) (?:you|your \\w+) (?:\\w+ )?(?:\\w+ )?questions|answer (?:a couple of|a few|some|two|three|four|five|\\d+|my|our|the) (?:\\w+ )?questions"
        "|put me in touch with (?:your|their|the|someone)|(?:like|love|want|hoping) to (?:speak|talk|chat) (?:with|to)"
        "|available (?:to|for) (?:\\w+ ){0,2}(?:talk|speak|chat|appear|interview)"
        "|(?:set up|schedule|book|arrange) (?:a |an )?(?:\\w+ )?(?:call|chat|conversation) with (?:your|someone|one of)"
        "|(?:could|can|would|will) (?:you|someone|anyone|somebody)(?: (?:from|on|at) (?:your|the) (?:team|company|press office))? (?:please )?(?:respond|comment|weigh in|react)"
        "|(?:can|could) you (?:confirm|verify|clarify) (?:whether|if|that)|tell us if (?:it'?s|that'?s|this is|we'?re) (?:wrong|right|accurate|correct)"
        "|hablar con (?:su|alguien|usted|ustedes)|conversar com|falar com (?:o|a|seu|sua|algu(?:e|é)m)|parler (?:avec|à) (?:votre|quelqu)"
        "|(?:sprechen|reden) mit|mit (?:ihrem|ihrer|jemandem) (?:\\w+ )?sprechen|einsch(?:a|ä)tzung") },
};
const size_t cg_n_media_terms = G_N_ELEMENTS(cg_media_terms);
