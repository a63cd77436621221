/*
 * rules.c -- compiled PCRE2 patterns with JIT, limits and per-thread match data.
 */
#include "rules.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* Generous for real patterns, far below what a runaway backtrack needs.  The
 * match limit counts work across all start positions of one search, so it
 * grows with the text searched: a long text is not cut short, and the cost
 * stays linear in its length. */
#define CG_MATCH_LIMIT   200000
#define CG_MATCH_LIMIT_PER_BYTE 64
#define CG_DEPTH_LIMIT   5000
#define CG_OVEC_PAIRS    32
#define CG_JIT_STACK_MAX (512 * 1024)

struct cg_regex {
    pcre2_code *code;
};

G_DEFINE_QUARK(cg-rules-error-quark, cg_rules_error)

/* Per-thread match state: each thread matching needs its own. */
typedef struct thread_state {
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *stack;
    unsigned long limit_hits;
    struct thread_state *next_idle;
} thread_state;

/* The states of threads that have ended, for the next threads to take.  The
 * milter gets a new thread for every connection (libmilter), and a fresh
 * state per thread mapped and unmapped a JIT stack for every message. */
static GMutex idle_lock;
static thread_state *idle_states;

static void
thread_state_release(gpointer p)
{
    thread_state *ts = p;
    g_mutex_lock(&idle_lock);
    ts->next_idle = idle_states;
    idle_states = ts;
    g_mutex_unlock(&idle_lock);
}

/* The GPrivate hands a thread's state to the idle list when the thread
 * ends; the thread-local pointer is the fast way to it (g_private_get was a
 * call and a pthread_getspecific per match). */
static GPrivate thread_key = G_PRIVATE_INIT(thread_state_release);
static _Thread_local thread_state *this_thread_state;

static thread_state *
thread_state_new(void)
{
    thread_state *ts = g_new0(thread_state, 1);
    ts->md = pcre2_match_data_create(CG_OVEC_PAIRS, NULL);
    ts->stack = pcre2_jit_stack_create(32 * 1024, CG_JIT_STACK_MAX, NULL);
    ts->mctx = pcre2_match_context_create(NULL);
    pcre2_set_depth_limit(ts->mctx, CG_DEPTH_LIMIT);
    pcre2_jit_stack_assign(ts->mctx, NULL, ts->stack);
    return ts;
}

static thread_state *
get_thread_state(void)
{
    thread_state *ts = this_thread_state;
    if (G_UNLIKELY(!ts)) {
        g_mutex_lock(&idle_lock);
        ts = idle_states;
        if (ts)
            idle_states = ts->next_idle;
        g_mutex_unlock(&idle_lock);
        if (!ts)
            ts = thread_state_new();
        g_private_set(&thread_key, ts);
        this_thread_state = ts;
    }
    return ts;
}

cg_regex *
cg_regex_new(const char *pattern, unsigned flags, GError **error)
{
    uint32_t options = 0;
    int errcode;
    PCRE2_SIZE erroff;

    if (flags & CG_RE_CASELESS)
        options |= PCRE2_CASELESS;
    if (flags & CG_RE_UTF)
        options |= PCRE2_UTF | PCRE2_UCP;
    if (flags & CG_RE_EXTENDED)
        options |= PCRE2_EXTENDED;
    if (flags & CG_RE_MULTILINE)
        options |= PCRE2_MULTILINE;
    /* Anchored at compile time, not match time: JIT code only runs for the former. */
    if (flags & CG_RE_ANCHORED)
        options |= PCRE2_ANCHORED;

    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, options,
                                     &errcode, &erroff, NULL);
    if (!code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(errcode, msg, sizeof msg);
        g_set_error(error, CG_RULES_ERROR, 1, "bad pattern at offset %zu: %s", (size_t)erroff,
                    (const char *)msg);
        return NULL;
    }
    int rc = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
    if (rc != 0) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(rc, msg, sizeof msg);
        g_set_error(error, CG_RULES_ERROR, 2, "JIT compile failed: %s", (const char *)msg);
        pcre2_code_free(code);
        return NULL;
    }
    cg_regex *re = g_new0(cg_regex, 1);
    re->code = code;
    return re;
}

void
cg_regex_free(cg_regex *re)
{
    if (!re)
        return;
    pcre2_code_free(re->code);
    g_free(re);
}

gboolean
cg_regex_find(const cg_regex *re, const char *subject, size_t len, size_t start,
              gssize *ovec, unsigned nvec)
{
    thread_state *ts = get_thread_state();
    if (start > len)
        return FALSE;
    size_t span = len - start;
    uint64_t limit = CG_MATCH_LIMIT + (uint64_t)CG_MATCH_LIMIT_PER_BYTE * span;
    pcre2_set_match_limit(ts->mctx, limit > UINT32_MAX ? UINT32_MAX : (uint32_t)limit);
    /* Every pattern is JIT-compiled, so the JIT's own entry: pcre2_match's
     * checks cost a quarter of a term's anchored run.  It never checks UTF:
     * UTF subjects are validated once, when the view is built. */
    int rc = pcre2_jit_match(re->code, (PCRE2_SPTR)subject, len, start, 0, ts->md, ts->mctx);
    if (rc < 0) {
        if (rc != PCRE2_ERROR_NOMATCH)
            ts->limit_hits++;
        return FALSE;
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ts->md);
    uint32_t pairs = pcre2_get_ovector_count(ts->md);
    for (unsigned i = 0; i < nvec; i++) {
        if (i < pairs && i < (unsigned)(rc == 0 ? pairs : (uint32_t)rc) && ov[2 * i] != PCRE2_UNSET) {
            ovec[2 * i] = (gssize)ov[2 * i];
            ovec[2 * i + 1] = (gssize)ov[2 * i + 1];
        } else {
            ovec[2 * i] = ovec[2 * i + 1] = -1;
        }
    }
    return TRUE;
}

unsigned long
cg_regex_limit_hits(void)
{
    return get_thread_state()->limit_hits;
}
