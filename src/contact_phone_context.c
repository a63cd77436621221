/*
 * contact_phone_context.c -- what the words just before a number say of it,
 * for both phone scanners: "call me on", "WhatsApp" (a phone), "number",
 * "Nr." (any number), "order", "invoice", "#" (not a phone).
 */
#include "contact_phone.h"

#include <string.h>

typedef struct {
    const char *word;
    gboolean prefix;         /* also matches words that start with it */
} context_word;

static const context_word phone_words_before[] = {
    {"phone", TRUE}, {"tel", FALSE}, {"tél", FALSE}, {"telf", FALSE}, {"tlf", FALSE},
    {"telef", TRUE}, {"teléf", TRUE}, {"teleph", TRUE}, {"téléph", TRUE}, {"cell", TRUE},
    {"cel", FALSE}, {"fone", FALSE}, {"celular", FALSE}, {"mobil", TRUE}, {"móvil", FALSE}, {"movil", FALSE},
    {"handy", TRUE}, {"portable", FALSE}, {"call", TRUE}, {"text", FALSE}, {"texting", FALSE},
    {"sms", FALSE}, {"ring", FALSE}, {"dial", FALSE}, {"reach", FALSE}, {"whats", TRUE},
    {"wa", FALSE}, {"zap", TRUE}, {"signal", FALSE}, {"viber", FALSE}, {"telegram", FALSE},
    {"imessage", FALSE}, {"facetime", FALSE}, {"wechat", FALSE}, {"fax", FALSE},
    {"contact", TRUE}, {"contato", FALSE}, {"llam", TRUE}, {"llám", TRUE}, {"ligue", FALSE},
    {"liga", FALSE}, {"ligar", FALSE}, {"appel", TRUE}, {"joindre", FALSE}, {"anruf", TRUE},
    {"ruf", TRUE}, {"erreich", TRUE},
};

/* Words for any number: a phone number only if the number looks like one. */
static const context_word number_words_before[] = {
    {"number", TRUE}, {"no", FALSE}, {"nº", FALSE}, {"n°", FALSE}, {"num", FALSE},
    {"nr", FALSE}, {"numer", TRUE}, {"númer", TRUE}, {"numér", TRUE}, {"nummer", TRUE},
};

/* Only when one of these is among the three words before the number. */
static const context_word other_numbers_before[] = {
    {"order", TRUE}, {"invoice", TRUE}, {"inv", FALSE}, {"ticket", TRUE}, {"ref", FALSE},
    {"refs", FALSE}, {"referen", TRUE}, {"référen", TRUE}, {"referên", TRUE}, {"tracking", FALSE},
    {"track", FALSE}, {"sku", TRUE}, {"po", FALSE}, {"case", FALSE}, {"auftrag", TRUE},
    {"rechnung", TRUE}, {"bestell", TRUE}, {"kunden", TRUE}, {"pedido", TRUE}, {"factur", TRUE},
    {"fatura", TRUE}, {"commande", TRUE}, {"isbn", FALSE}, {"issn", FALSE}, {"version", FALSE},
    {"versión", FALSE}, {"versão", FALSE}, {"build", FALSE}, {"serial", FALSE},
    {"account", FALSE}, {"acct", FALSE}, {"iban", FALSE}, {"transaction", FALSE}, {"txn", FALSE},
    {"receipt", FALSE}, {"confirmation", FALSE}, {"reservation", FALSE}, {"zip", FALSE},
    {"postcode", FALSE}, {"plz", FALSE}, {"cep", FALSE}, {"kw", FALSE}, {"item", FALSE},
    {"lot", FALSE}, {"batch", FALSE}, {"vat", FALSE}, {"ssn", FALSE}, {"cpf", FALSE},
    {"cnpj", FALSE}, {"nif", FALSE}, {"siret", FALSE}, {"id", FALSE}, {"proposal", FALSE},
    {"protocolo", FALSE}, {"awb", FALSE}, {"shipment", FALSE}, {"parcel", FALSE},
    {"budget", FALSE}, {"price", FALSE}, {"total", FALSE}, {"amount", FALSE}, {"pages", FALSE},
    {"page", FALSE}, {"pp", FALSE}, {"model", FALSE}, {"part", FALSE},
};

static gboolean
word_in(const char *w, size_t n, const context_word *list, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        const char *word = list[i].word;
        size_t k = 0;
        while (word[k] && k < n && word[k] == w[k])
            k++;
        if (!word[k] && (k == n || list[i].prefix))
            return TRUE;
    }
    return FALSE;
}

static gboolean
is_word_byte(unsigned char c)
{
    return g_ascii_isalnum(c) || c >= 0x80 || c == '_';
}

phone_context_kind
phone_context(const char *s, size_t start)
{
    /* Look back over at most six words within 120 bytes, nearest first. */
    size_t floor = start > 120 ? start - 120 : 0, i = start;
    phone_context_kind found = PHONE_CONTEXT_NONE;
    gboolean same_line = TRUE;
    for (int k = 0; k < 6 && i > floor; k++) {
        while (i > floor && !is_word_byte((unsigned char)s[i - 1])) {
            if (s[i - 1] == '#' && k < 3 && same_line)
                return PHONE_CONTEXT_NOT_PHONE;
            same_line = same_line && s[i - 1] != '\n';
            i--;
        }
        size_t end = i;
        while (i > floor && is_word_byte((unsigned char)s[i - 1]))
            i--;
        if (end == i || end - i > 40)
            continue;
        char buf[41], *owned = NULL;
        const char *w = phone_lower(s + i, end - i, buf, &owned);
        size_t n = strlen(w);
        /* "order 123" marks the number after it, not a number on the next line. */
        if (k < 3 && same_line && word_in(w, n, other_numbers_before, G_N_ELEMENTS(other_numbers_before))) {
            g_free(owned);
            return PHONE_CONTEXT_NOT_PHONE;
        }
        if (word_in(w, n, phone_words_before, G_N_ELEMENTS(phone_words_before)))
            found = PHONE_CONTEXT_PHONE;
        else if (found == PHONE_CONTEXT_NONE &&
                 word_in(w, n, number_words_before, G_N_ELEMENTS(number_words_before)))
            found = PHONE_CONTEXT_NUMBER;
        g_free(owned);
    }
    return found;
}
