/*
 * contact_request.c -- requests for a means of direct contact.
 *
 * "What's your WhatsApp?", "send me your email", "can I call you
 * directly?", "¿me pasas tu número?", "me passa seu zap", "ton numéro ?",
 * "deine Handynummer?".  The finding's kind is what was asked for.  A
 * request under a negation ("please don't send me your number") is not one.
 */
#include "contact.h"
#include "filtered_regex.h"

#include <string.h>

/* What can be asked for, and the kind it maps to (checked in order). */
static const struct { const char *word; const char *kind; } asked[] = {
    { "mail", "email" }, { "correo", "email" }, { "courriel", "email" },
    { "skype", "handle" }, { "telegram", "handle" }, { "signal", "handle" },
    { "wechat", "handle" }, { "discord", "handle" }, { "insta", "handle" },
    { "line", "handle" }, { "slack", "handle" }, { "viber", "handle" },
    { "linkedin", "handle" }, { "facebook", "handle" }, { "handle", "handle" },
    { "address", "address" }, { "direcci", "address" }, { "endere", "address" },
    { "adresse", "address" }, { "anschrift", "address" },
};

#define THING \
    "(?:personal\\s+|direct\\s+|private\\s+|own\\s+|cell\\s+|mobile\\s+)?" \
    "(?:e-?mail(?:\\s+address)?|gmail|mail\\s+address|phone(?:\\s+number)?|cell(?:\\s+number)?" \
    "|mobile(?:\\s+number)?|number|digits|whats\\s?app|skype(?:\\s+id)?|telegram|signal" \
    "|wechat(?:\\s+id)?|viber|line\\s+id|discord|insta(?:gram)?|contacts?(?:\\s+(?:details|info))?" \
    "|home\\s+address|(?:postal|mailing)\\s+address)"
#define ES_THING \
    "(?:n(?:u|ú)mero|tel(?:e|é)fono|celular|m(?:o|ó)vil|correo|e-?mail|whats\\s?app|wasap" \
    "|skype|telegram|contacto|direcci(?:o|ó)n)"
#define PT_THING \
    "(?:n(?:u|ú)mero|telefone|celular|zap|whats\\s?app|e-?mail|contato|endere(?:c|ç)o|skype|telegram)"
#define FR_THING \
    "(?:num(?:e|é)ro|t(?:e|é)l(?:e|é)phone|portable|mail|e-?mail|adresse(?:\\s+e-?mail)?" \
    "|whats\\s?app|skype|telegram|coordonn(?:e|é)es)"
#define DE_THING \
    "(?:handynummer|telefonnummer|nummer|e-?mail(?:-adresse)?|mailadresse|whats\\s?app|skype" \
    "|telegram|adresse|kontaktdaten)"

/* A request begins a word: "bypass your phone number check" asks for nothing. */
static const char request_pattern[] =
    "\\b(?:"
    /* English */
    "(?:what(?:'|’)?s|what\\s+is|share|send|give|drop|leave|pass|tell|dm|provide|text)\\s+"
    "(?:me\\s+|over\\s+)?(?:your|ur|yr)\\s+" THING "\\b"
    "|(?:can|could|may|shall)\\s+i\\s+(?:get|have)\\s+(?:your|ur)\\s+" THING "\\b"
    "|(?:do|would)\\s+you\\s+(?:have|use|mind\\s+sharing)\\s+(?:a\\s+|an\\s+|your\\s+)?"
    "(?:whats\\s?app|skype|telegram|signal|wechat|viber|discord|personal\\s+e-?mail|phone\\s+number)\\b"
    "|(?:how|where)\\s+(?:can|could|do)\\s+i\\s+(?:reach|contact|call|text|email)\\s+you\\s+"
    "(?:directly|outside|off|privately|personally)"
    "|(?:can|could|may)\\s+i\\s+(?:call|phone|ring|text|whatsapp|email|e-mail)\\s+you\\s+"
    "(?:directly|personally|on\\s+your\\s+(?:cell|phone|mobile)|outside)"
    /* Spanish */
    "|(?:me\\s+)?(?:pasas|pasa|das|da|env(?:i|í)as|mandas|compartes|regalas)\\s+(?:tu|su)\\s+" ES_THING
    "|(?:cu(?:a|á)l\\s+es|tienes|tiene\\s+usted)\\s+(?:tu\\s+|su\\s+)?" ES_THING
    /* Portuguese */
    "|(?:me\\s+)?(?:passa|passe|manda|mande|envia|envie|compartilha|d(?:a|á))\\s+(?:o\\s+|a\\s+)?(?:seu|teu|sua|tua)\\s+" PT_THING
    "|(?:qual\\s+(?:(?:e|é)\\s+)?(?:o\\s+)?|voc(?:e|ê)\\s+tem\\s+)(?:seu\\s+|teu\\s+)?" PT_THING
    /* French */
    "|(?:donne|envoie|passe|laisse|donnez|envoyez|communiquez|laissez)[- ]moi\\s+(?:ton|ta|tes|votre|vos)\\s+" FR_THING
    "|(?:quel\\s+est|c'est\\s+quoi)\\s+(?:ton|votre)\\s+" FR_THING
    "|(?:as-tu|avez-vous)\\s+(?:un\\s+)?(?:whats\\s?app|skype|telegram|signal)"
    /* German */
    "|(?:gib|schick|sende|geben\\s+sie|schicken\\s+sie|senden\\s+sie)\\s+mir\\s+(?:deine|ihre|dein|ihr)\\s+" DE_THING
    "|(?:hast\\s+du|haben\\s+sie)\\s+(?:eine?\\s+)?(?:whats\\s?app|skype|telegram|signal|handynummer|e-?mail)"
    "|(?:wie\\s+ist|was\\s+ist)\\s+(?:deine|ihre|dein|ihr)\\s+" DE_THING
    ")";

/* A negation just before the request turns it around. */
static const char negation_pattern[] =
    "(?:n't|\\bnot|\\bnever|\\bno\\s+need|\\bplease\\s+don|\\bno\\s+(?:puedo|podemos|hace\\s+falta)"
    "|\\bn(?:a|ã)o\\s+(?:posso|pode|precisa)|\\bne\\s+\\S+\\s+pas|\\bnicht|\\bkein)"
    "[^.!?\\n]{0,40}$";

typedef struct {
    cg_filtered_regex *request;     /* tried only where a request word begins */
    cg_regex *negation;
} request_state;

static void
request_free(void *state)
{
    request_state *st = state;
    if (!st)
        return;
    cg_filtered_regex_free(st->request);
    cg_regex_free(st->negation);
    g_free(st);
}

static void *
request_compile(const cg_config *cfg, cg_filter_group *group, GError **error)
{
    (void)cfg;
    request_state *st = g_new0(request_state, 1);
    st->request = cg_filtered_regex_new_in(group, CG_CAT_CONTACT, request_pattern, CG_RE_CASELESS,
                                           error);
    if (st->request)
        st->negation = cg_regex_new(negation_pattern, CG_RE_CASELESS, error);
    if (!st->negation) {
        request_free(st);
        return NULL;
    }
    return st;
}

static const char *
asked_kind(const char *s, size_t len)
{
    char *lower = g_ascii_strdown(s, len);
    const char *kind = "phone";        /* number, cell, call, WhatsApp, zap, contact */
    for (size_t i = 0; i < G_N_ELEMENTS(asked); i++)
        if (strstr(lower, asked[i].word)) {
            kind = asked[i].kind;
            break;
        }
    g_free(lower);
    return kind;
}

static void
request_scan(const void *state, const cg_text *text, GPtrArray *findings)
{
    const request_state *st = state;
    const char *s = text->view.text;
    size_t len = text->view.len, pos = 0;
    gssize ov[2], nv[2];
    const cg_term_candidates *cands = &text->candidates;

    while (pos < len && cg_filtered_regex_find_in(st->request, cands, s, len, pos, ov, 1)) {
        pos = (size_t)ov[1] > pos ? (size_t)ov[1] : pos + 1;
        size_t from = ov[0] > 60 ? (size_t)ov[0] - 60 : 0;
        if (cg_regex_find(st->negation, s, (size_t)ov[0], from, nv, 1))
            continue;
        g_ptr_array_add(findings, cg_finding_new(CG_CAT_CONTACT, asked_kind(s + ov[0], ov[1] - ov[0]),
                                                 "request", text, ov[0], ov[1], 0.8));
    }
}

const cg_contact_family cg_family_request = {
    .name = "request",
    .compile = request_compile,
    .scan = request_scan,
    .free = request_free,
};
