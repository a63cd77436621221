/*
 * lexicon_confidential.c -- what leaks of confidential information look like,
 * in English, Spanish, Portuguese, French and German.
 *
 * Patterns are caseless and matched in byte mode on the normalised view, so
 * accented letters are written as they appear (lower case).
 */
#include "lexicon.h"

#define W(x) "(?<![\\w])(?:" x ")(?![\\w])"

const cg_term cg_confidential_terms[] = {
    { CONF_METRIC, "confidential.metric",
      W("revenues?|arr|mrr|gmv|ebitda|(?:gross|net|operating|profit|contribution|\\w{2,4}) margins?|margins?"
        "|churn|retention|nrr|ndr|bookings|burn(?: rate)?|runway|cash (?:balance|position)"
        "|(?:monthly|daily|weekly) actives?|mau|dau|active (?:users|subscribers|customers|merchants)"
        "|cohorts?|cohort retention|user counts?|paid (?:users|subscribers|conversion)|conversion(?: rate)?|loss ratio"
        "|net new(?: arr)?|arpu|ltv|cac|valuation|profit|losses|sales"
        "|facturaci(?:o|ó)n|ingresos|ventas|beneficios?|siniestralidad|bajas de clientes|cuota de mercado"
        "|receitas?|faturamento|lucro|preju(?:i|í)zo|margem"
        "|chiffre d'affaires|marge|b(?:e|é)n(?:e|é)fices?|pertes"
        "|umsatz|umsätze|gewinn|verlust|erl(?:o|ö)se?") },
    { CONF_FIGURE, "confidential.figure",
      "(?:(?:r\\$|\\$|€|£|¥)\\s?\\d[\\d.,]*(?:\\s?(?:k|m|bn|mm|million|billion))?(?![\\w])"
      "|(?<![\\w.,])\\d[\\d.,]*\\s?(?:%|(?:k|m|bn|mm|m€|k€|€|eur|usd|chf|\\$|millions?|billions?"
      "|millones|mill(?:o|ó)n|milh(?:o|õ)es|milh(?:a|ã)o|mio\\.?|mrd\\.?|milliards?|tausend|mil)(?![\\w]))"
      "|(?<![\\w])\\d{1,3}/\\d{1,3} (?:split|in (?:their|our) favou?r))" },
    { CONF_NUMBER, "confidential.number", "(?<![\\w.,])-?\\d+(?:[.,]\\d+)?(?![\\w])" },
    { CONF_PERIOD, "confidential.period",
      W("q[1-4]|h[12]|fy\\s?'?\\d{2,4}(?:-q[1-4])?|fy|(?:last|this|next|previous|prior) (?:quarter|month|year|fiscal year)"
        "|(?:last|past|next|previous|prior|coming) (?:\\w+ )?(?:quarters?|months?|years?|weeks?)"
        "|(?:end|start) of (?:the )?(?:year|quarter|month)|year[- ]end|ytd|to date|so far this (?:year|quarter|month)"
        "|today|currently|right now|at the moment|as of (?:today|now)"
        "|(?:a|per|each|every) (?:day|week|month|quarter|year)|annual(?:ly)?|annuali[sz]ed|run[- ]rate|/(?:mo|month|yr|year)"
        "|(?:in|by|since|until|from|end of|early|late|mid-?) may|jan(?:uary)?|feb(?:ruary)?|march|april|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
        "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
        "|janeiro|fevereiro|mar(?:c|ç)o|maio|junho|julho|setembro|outubro|novembro|dezembro"
        "|janvier|f(?:e|é)vrier|mars|avril|juin|juillet|ao(?:u|û)t|septembre|octobre|novembre|d(?:e|é)cembre"
        "|januar|februar|m(?:a|ä)rz|juni|juli|oktober|dezember|\\d{4}-(?:0[1-9]|1[0-2])(?![\\d-])"
        "|20[1-4]\\d|quarterly|monthly|year over year|yoy|mom|trimestr\\w*|semestre|quartal\\w*|mensual\\w*|mensal|mensuel\\w*") },
    { CONF_FORECAST, "confidential.forecast",
      W("forecasts?|projections?|projected|(?:we|they|i)(?:'re| are)? project(?:ing)?|projecting|operating plan|(?:sales|revenue|growth) targets?"
        "|on track (?:to|for) (?:hit|reach|break)\\w*|expect(?:ed)? to (?:hit|reach|close|end|break)|break-?even (?:in|by)|guidance|outlook|(?:miss|beat)(?:es|ed|ing)? (?:the )?(?:\\w+ )?plan"
        "|vs\\.? plan|plan miss|down-?round|budget for next year"
        "|pr(?:e|é)visions?|pr(?:e|é)visionnel\\w*|previsi(?:o|ó)n(?:es)?|proyecci(?:o|ó)n(?:es)?|proje(?:c|ç)(?:ão|ões|ao|oes)|previs(?:ão|ões)"
        "|\\w*prognosen?|hochrechnung|planzahlen|\\w*planung") },
    { CONF_STRATEGY, "confidential.strategy",
      W("acqui(?:re|red|ring|sition)s?|merger|takeover|buyout"
        "|(?:rais|increas|hik)(?:e|es|ed|ing) (?:\\w+ ){0,2}prices?|price (?:increase|rise|hike)s?"
        "|pull(?:ing)? out of|exit(?:ing)? (?:the )?(?:\\w+ ){0,2}markets?|market exit|wind(?:ing)? down"
        "|(?:office|plant|site|factory|warehouse|store|branch) (?:will )?(?:clos\\w+|shut\\w*)"
        "|(?:clos|shut)(?:e|es|ed|ing)(?: down)? (?:the |our )?(?:\\w+ ){0,2}(?:office|plant|site|factory|warehouse|store|branch)(?:es|s)?|will (?:close|shut down)"
        "|reorgani[sz]\\w*|restructur\\w*|roadmap|launch(?:es|ing)? (?:on |in )?(?:\\w+ )?\\d\\d?\\b"
                "|(?:sell|selling|spin(?:ning)? off|divest\\w*) (?:the |our )?(?:\\w+ ){0,2}(?:product line|business|division|unit|entity|subsidiary)"
        "|(?:goes|go|going|moves?|moving|rises?|rising|jumps?|increases?|increasing) from [$€£]?\\d[\\d.,]* to [$€£]?\\d[\\d.,]*"
        "|(?:launch|ship|release|roll)(?:es|s|ing)?(?: out)? (?:in|on|by|next|this) (?:month|quarter|spring|summer|autumn|fall|winter"
        "|jan\\w*|feb\\w*|march|april|may|june|july|aug\\w*|sep\\w*|oct\\w*|nov\\w*|dec\\w*)"
        "|code ?name|hiring freeze|paus(?:e|es|ed|ing) (?:all )?hiring|series [a-f]|fundrais\\w*|funding round|replac(?:e|ing) \\w+ (?:\\w+ )?as our|replac(?:e|ing) (?:it|them|this) with"
        "|(?:hiring|headcount) plan|adquisici(?:o|ó)n|adquirir|fusi(?:o|ó)n|subir\\w* (?:las |los )?(?:tarifas|precios)|aumentar\\w* (?:los )?precios|subida de precios|cierre de"
        "|aquisi(?:c|ç)(?:a|ã)o|adquirir|fus(?:a|ã)o|aumento de pre(?:c|ç)os?|fechamento|ser(?:a|á) transferid[ao]|transferir"
        "|rachat|racheter|hausse des prix|fermeture|d(?:e|é)localis\\w*"
        "|(?:u|ü)bernahme|fusion|preiserh(?:o|ö)hung\\w*|schlie(?:s|ß)ung|verlagerung") },
    { CONF_DEAL, "confidential.deal",
      W("(?:in|into|entered|entering) (?:\\w+-?\\w+ )?(?:talks|negotiations) (?:to|with|about|over)|term sheet|letter of intent|due diligence"
        "|(?:en|em) negociaciones? (?:para|con)|em negocia(?:c|ç)(?:a|ã)o|en n(?:e|é)gociations?|in verhandlungen") },
    { CONF_PROCESS, "confidential.process",
      W("playbook|runbook|post-?mortem|review queue|manual review|escalation (?:process|path)"
        "|approval process|sla per case|triage|(?:goes|go|sent|routed|escalated) to (?:a human|manual review|(?:the )?\\w+ (?:team|queue))"
        "|shadow-?ban\\w*|how (?:our|we) (?:\\w+ ){0,2}(?:works?|handles?|handle|decides?|decide|reviews?|review)|fraud[- ](?:ops|rules)|velocity rules?|auto-?(?:approve|decline)d?"
        "|procedimiento interno|processo interno|proc(?:e|é)dure interne|interne[rn]? (?:prozess|ablauf)") },
    { CONF_INTERNAL, "confidential.internal",
      W("internal (?:pricing|price list|price sheet|rate card|costs?|spreadsheet|sheet|dashboard|data|metrics|targets|plan|wiki|memo|mail|e-?mail|deck|docs?|documents?|version|postmortem|post-mortem|report|review"
        "|presentation|slack|channel|numbers|figures|forecast|investigation|announcement|update|only)"
        "|(?:went|sent|presented|shown|showed) to (?:the board|all[- ]staff|everyone)|all-staff"
        "|(?:board|investor) (?:session|call|offsite|meeting|deck|prep|pack|presentation|minutes|slides)|the board approved"
        "|all-?hands|town ?hall|leadership (?:group|team|offsite|notes|meeting|call)|exec(?:utive)? (?:team|offsite|meeting|notes)|(?:went|sent|goes|went out) (?:out )?internally"
        "|internally|the (?:committee|comit(?:e|é))|presentaci(?:o|ó)n interna|comit(?:e|é) de direcci(?:o|ó)n|la diretoria"
        "|a diretoria|la direction|comit(?:e|é) de direction|pr(?:e|é)visions internes|vorstand|gesch(?:a|ä)ftsleitung"
        "|\\(?intern\\)?|interno|interna") },
    { CONF_SECRET, "confidential.trade_secret",
      W("formula(?:tion)?s?|formule|f(?:o|ó)rmulas?|rezeptur|(?:model|production|ranking|current) (?:weights|parameters)"
        "|weights are|feature weights|weights? (?:\\w+ ){1,2}at|weighted at|coefficients|cut-?offs?|hyper-?parameters|thresholds?"
        "|(?:risk|fraud|scoring|ranking|pricing|underwriting|recommendation) (?:model|engine|rules)"
        "|scor(?:e|es|ing) (?:above|over|below|under)|recipe|(?:mixing|blend|stabili[sz]er) ratio|ingredients|risk scores?|source code|algorithms?|secret sauce|trade secrets?"
        "|secret de fabrication|secreto industrial|segredo industrial|betriebsgeheimnis\\w*|proprietary") },
    { CONF_PAY, "confidential.pay",
      W("salary bands?|salar(?:y|ies)|\\d+k base|base (?:salary|pay)|the band (?:tops|starts|goes)|pay bands?|pay ranges?|bonus ?(?:pool|pot)|bonustopf"
        "|comp(?:ensation)? bands?|equity refresh|raises? pool|gehaltsb(?:a|ä)nder|geh(?:a|ä)lter|gehalt"
        "|salarios?|bandas salariales|sal(?:a|á)rios?|salaires?|grilles? salariales?") },
    { CONF_HR, "confidential.hr",
      W("put (?:\\w+ ){1,3}on (?:a |an )?(?:pip|performance plan|performance improvement plan|probation|leave)|(?:on|placed on) (?:administrative |garden )?leave"
        "|let(?:ting)? (?:\\w+ ){1,3}go|(?:team|staff|headcount|workforce) (?:cut|reduced|trimmed|halved)|(?:opened|launched|started) an investigation"
        "|demitir|demitid[oa]s?|plano de melhoria|despedir|despedid[oa]s?|plan de mejora|licenci(?:er|é)s?|entlassen|entlassung"
        "|performance (?:improvement )?plans?|pip|disciplinary|(?:written|final|formal) warning|(?:people|employees|staff|roles|jobs|positions) (?:affected|impacted|at risk)|warning letter|layoffs?|laid off|lay(?:ing)? off"
        "|reductions? in force|rif|cut(?:ting)? \\d+\\s?% of (?:staff|the workforce|jobs|employees|headcount)"
        "|(?:\\d+ )?(?:roles|jobs|positions|people|employees|staff) (?:will be |are being |being )?(?:cut|eliminated|made redundant|let go)"
        "|cut(?:ting)? (?:\\d+|about \\d+) (?:roles|jobs|positions|people|employees)|job cuts|headcount (?:cut|reduction)s?|severance|terminat(?:ed|ion)|fired|be(?:ing)? exited"
        "|(?:internal|hr) investigation|investigation into|misconduct|expense claims"
        "|entlassung\\w*|stellenabbau|k(?:u|ü)ndigung\\w*|abmahnung"
        "|despidos?|expediente|demiss(?:ão|ões|ao|oes)"
        "|vagas cortadas|cortes de (?:vagas|pessoal)|licenciements?|plan social") },
    { CONF_CLIENT, "confidential.client",
      W("engagement (?:budget|fee|terms)|revenue[- ]share|rev share|contract (?:value|terms|with)"
        "|(?:\\w+ )?contractor|charges? us|per hour|blended|retainer|statement of work|sow"
        "|(?:is|are) (?:our|a|one of our) (?:\\w+ )?(?:clients?|customers?|partners?|accounts?)|our (?:biggest|largest|top|main) (?:clients?|customers?|accounts?|partners?)"
        "|(?:moved|migrated|signed|bought|added|renewed|expanded|cancel(?:l)?ed|dropped) (?:\\w+ )?\\d[\\d.,]*k? (?:seats|licen[cs]es|users|accounts|sites|locations)"
        "|lost (?:\\w+ ){1,3}as a (?:client|customer|partner)|(?:is|are|was|were) worth [$€£]?\\d[\\d.,]*\\s?(?:k|m|million)?|pays? us|paying us|(?:we|we're|we are) (?:currently )?pay(?:ing)?|renewal (?:is )?(?:at risk|in doubt)"
        "|(?:trialling|trialing|evaluating|testing|piloting) (?:a |another )?(?:competitor|rival|alternative)"
        "|threaten(?:s|ed|ing)? to (?:leave|churn|cancel)|exclusive (?:supplier|partner)|key (?:client|account|customer)|not renewing|doesn'?t renew"
        "|contrat de \\w+|fournisseur exclusif|ne renouvelle pas|proveedor exclusivo|contrato de \\w+"
        "|fornecedor exclusivo|vertrag mit|exklusiv\\w* lieferant") },
    { CONF_PERSON, "confidential.person",
      W("vp|svp|evp|ceo|cfo|cto|coo|cmo|director|manager|head of \\w+|team lead|colleague|co-?worker|teammate|boss"
        "|he|she|him|his|her|gerente|jefe|jefa|chef(?:in)?|kolleg(?:e|in)|coll(?:e|è)gue|colega")
      /* a capitalised name inside a sentence, not a weekday or a month */
      "|(?-i:(?<=[a-z,;:] )(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June"
      "|July|August|September|October|November|December|HR|I)[A-Z][a-z]{2,}(?![\\w]))" },
    { CONF_MARKER, "confidential.marker",
      W("internal only|internal use only|for internal use|do not (?:forward|distribute|share|circulate)"
        "|don'?t (?:forward|share|repeat|pass|tell|mention|quote|paste|say)|please don'?t|not for distribution"
        "|confidential|strictly between us|between (?:us|you and me|ourselves)|off the record"
        "|keep (?:it|this|that) (?:to yourself|quiet|between us|under wraps|confidential)|keep my name out"
        "|(?:did|do) not get this from me|didn'?t (?:hear|get) this from me|you didn'?t hear"
        "|internal (?:thresholds|rules|limits|criteria|scoring|scores|pricing|targets|metrics|benchmarks|rates|margins)"
        "|nothing (?:has been |is |was )?(?:announced|official|public)(?: yet)?|(?:not|isn'?t|aren'?t) official yet"
        "|(?:hasn'?t|haven'?t|has not|have not|isn'?t|aren'?t|wasn'?t|weren'?t|not) (?:yet )?been (?:told|informed|notified)"
        "|(?:none of this|this|it) (?:has|hasn'?t|has not) (?:yet )?(?:gone|been sent) out"
        "|(?:customers|clients|staff|employees|the team|everyone|the market) (?:will |only )?(?:find out|get told|get the (?:letter|email|news)"
        "|(?:are|will be|get) (?:told|notified|informed))|do not discuss|don'?t discuss"
        "|not (?:yet )?(?:public|announced|reported|disclosed|published)|nothing (?:is )?public yet"
        "|(?:hasn'?t|haven'?t|has not|have not|isn'?t|wasn'?t) (?:yet )?(?:been )?(?:announced|disclosed|published|reported|public)"
        "|(?:hasn'?t|haven'?t|has not|have not) (?:yet )?(?:told|informed)|nobody (?:outside|knows)|no one (?:outside|knows)|not supposed to (?:share|tell)|none of this is public"
        "|be discreet|under nda|nda|unannounced|undisclosed|unreleased|not yet reported|secret"
        "|no se ha (?:comunicado|anunciado|publicado)|todav(?:i|í)a no se (?:ha )?(?:comunica|anuncia|publica)\\w*|no compartir|no lo (?:compartas|comentes|digas)|confidencial|entre nosotros|(?:todav(?:i|í)a )?no publicad[ao]s"
        "|sigilos[oa]|n(?:a|ã)o (?:fale|comente|compartilhe|divulgue|conte)|ainda n(?:a|ã)o (?:foi )?(?:anunciad|divulgad|publicad)\\w*"
        "|entre n(?:o|ó)s|confidentiel(?:le)?s?|ne (?:la |le |les |l')?(?:fais|dis|mentionne|partage|diffuse)\\w* (?:surtout )?pas"
        "|pas encore (?:annonc|publi)\\w*|entre nous|ne l'a pas encore annonc\\w*"
        "|nicht weiter(?:geben|sagen|leiten)|vertraulich\\w*|unter uns|noch nicht (?:ver(?:o|ö)ffentlicht|angek(?:u|ü)ndigt|kommuniziert|bekannt)"
        "|erst im \\w+ kommuniziert|streng geheim"
        "|(?:send|sent|sending|forward|forwarding|forwarded)(?: this| it)? to my (?:personal|private|home|own)(?: \\w+)?"
        "|to my personal|for (?:the|my) side project|me lo reenv(?:í|i)o a casa|para (?:mi|meu) (?:correo|e-?mail) personal"
        "|f(?:ü|u)r zu hause|(?:à|a) mon adresse perso\\w*") },
    { CONF_PUBLIC, "confidential.public",
      W("published|publicly (?:available|announced|disclosed|released)|press release|annual report|10-k"
        "|investor relations site|newsroom|public (?:blog|release|announcement|webinar|datasets?|talk|posting|roadmap)"
        "|help ?cent(?:er|re)|case study|job posting|the posting|as listed|we publish|went live|is (?:now )?live"
        "|already live|now available|blog post"
        "|publicad[ao]s?|informe anual|comunicado de prensa|relat(?:o|ó)rio anual|comunicado de imprensa"
        "|publi(?:e|é)e?s?|rapport annuel|communiqu(?:e|é) de presse|webinaire public"
        "|ver(?:o|ö)ffentlicht|gesch(?:a|ä)ftsbericht|pressemitteilung") },
    { CONF_FOOTER, "confidential.footer",
      "(?:confidentiality notice|disclaimer:"
      "|(?<![\\w])(?:this|the) (?:e-?mail|message|communication|transmission)[^\\n.]{0,100}?(?:confidential|privileged)"
      "|(?<![\\w])(?:este|el) (?:mensaje|correo|e-?mail)[^\\n.]{0,100}?confidencial"
      "|(?<![\\w])(?:esta|a) mensagem[^\\n.]{0,100}?confidencia"
      "|(?<![\\w])ce (?:message|courriel|mail)[^\\n.]{0,100}?confidentiel"
      "|(?<![\\w])diese (?:e-?mail|nachricht)[^\\n.]{0,100}?vertraulich)" },
};
const size_t cg_n_confidential_terms = G_N_ELEMENTS(cg_confidential_terms);
