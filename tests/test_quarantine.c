/*
 * test_quarantine.c -- items are whole, private, and never half-written;
 * state changes happen once, under concurrency too; a damaged item is an
 * error for itself alone; the index follows changes; release re-injects
 * through the sendmail command.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mailout.h"
#include "quarantine.h"

static void
test_store(void **state)
{
    (void)state;
    char *base = g_dir_make_tmp("cg-test-quarantine-XXXXXX", NULL);
    char *dir = g_build_filename(base, "q", NULL);   /* created on demand */
    const char *raw = "Subject: hi\r\n\r\nbody\r\n";
    GMimeStream *msg = g_mime_stream_mem_new_with_buffer(raw, strlen(raw));
    GError *err = NULL;
    char *id = cg_quarantine_store(dir, "4Xy/Z.1", msg, "{\"a\": 1}\n", &err);
    assert_null(err);
    assert_non_null(id);
    assert_true(g_regex_match_simple("^[0-9]{8}T[0-9]{6}-4XyZ1-[0-9a-f]{8}$", id, 0, 0));

    struct stat st;
    assert_int_equal(g_stat(dir, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    char *item = g_build_filename(dir, id, NULL);
    assert_int_equal(g_stat(item, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    const char *const files[] = { "message.eml", "meta.json" };
    const char *const want[] = { raw, "{\"a\": 1}\n" };
    for (int i = 0; i < 2; i++) {
        char *path = g_build_filename(item, files[i], NULL), *data;
        assert_int_equal(g_stat(path, &st), 0);
        assert_int_equal(st.st_mode & 0777, 0600);
        assert_true(g_file_get_contents(path, &data, NULL, NULL));
        assert_string_equal(data, want[i]);
        g_free(data);
        g_unlink(path);
        g_free(path);
    }
    /* nothing but the item: no temporary folder left behind */
    GDir *d = g_dir_open(dir, 0, NULL);
    assert_string_equal(g_dir_read_name(d), id);
    assert_null(g_dir_read_name(d));
    g_dir_close(d);

    g_rmdir(item);
    g_rmdir(dir);
    g_rmdir(base);
    g_free(item);
    g_free(id);
    g_object_unref(msg);
    g_free(dir);
    g_free(base);
}

static void
test_store_fails_cleanly(void **state)
{
    (void)state;
    GMimeStream *msg = g_mime_stream_mem_new_with_buffer("x", 1);
    GError *err = NULL;
    assert_null(cg_quarantine_store("/dev/null/quarantine", "ID", msg, "{}", &err));
    assert_non_null(err);
    assert_non_null(strstr(err->message, "/dev/null/quarantine"));
    g_error_free(err);
    g_object_unref(msg);
}

/* ---- items with metadata, as the milter writes them ---- */

static const char sample_meta[] =
    "{\"queue_id\": \"Q1\", \"sender\": \"seller@market.test\", \"recipients\": [\"a@x.test\", \"b@x.test\"],"
    " \"subject\": \"Tab\\there \\u00e9\", \"received\": %lld, \"flow\": \"platform\", \"categories\": {"
    " \"contact\": {\"violation\": true, \"score\": 0.9, \"findings\": [{\"kind\": \"email\","
    " \"excerpt\": \"write to me at j@gmail.com\"}]},"
    " \"media\": {\"violation\": false, \"score\": 0.2, \"findings\": []}}}\n";

static char *
add_item(const char *dir, gint64 received)
{
    const char *raw = "Subject: hi\r\n\r\nbody\r\n";
    GMimeStream *msg = g_mime_stream_mem_new_with_buffer(raw, strlen(raw));
    char *meta = g_strdup_printf(sample_meta, (long long)received);
    GError *err = NULL;
    char *id = cg_quarantine_store(dir, "Q1", msg, meta, &err);
    assert_non_null(id);
    g_free(meta);
    g_object_unref(msg);
    return id;
}

static char *
new_store(void)
{
    return g_dir_make_tmp("cg-test-quarantine-XXXXXX", NULL);
}

static void
remove_tree(const char *path)
{
    char *cmd = g_strdup_printf("rm -rf '%s'", path);
    assert_int_equal(system(cmd), 0);
    g_free(cmd);
}

static void
test_load_and_transition(void **state)
{
    (void)state;
    char *dir = new_store();
    char *id = add_item(dir, 1000);
    GError *err = NULL;
    cg_qitem *it = cg_qitem_load(dir, id, &err);
    assert_non_null(it);
    assert_string_equal(it->sender, "seller@market.test");
    assert_string_equal(it->recipients[1], "b@x.test");
    assert_string_equal(it->subject, "Tab\there \xc3\xa9");
    assert_string_equal(it->categories[0], "contact");
    assert_null(it->categories[1]);
    assert_true(it->score > 0.89 && it->score < 0.91);
    assert_int_equal(it->state, CG_QSTATE_HELD);
    cg_qitem_free(it);

    assert_true(cg_quarantine_transition(dir, id, CG_QSTATE_DELETED, "alice", NULL, NULL, &err));
    it = cg_qitem_load(dir, id, &err);
    assert_int_equal(it->state, CG_QSTATE_DELETED);
    assert_string_equal(it->actor, "alice");
    assert_true(it->acted_at > 0);
    cg_qitem_free(it);
    char *msg = cg_quarantine_message_path(dir, id);
    assert_false(g_file_test(msg, G_FILE_TEST_EXISTS));    /* the message is gone, the record stays */
    g_free(msg);

    /* a second action on the same item is refused */
    assert_false(cg_quarantine_transition(dir, id, CG_QSTATE_RELEASED, "bob", NULL, NULL, &err));
    assert_true(g_error_matches(err, CG_QUARANTINE_ERROR, CG_QUARANTINE_ERROR_NOT_HELD));
    assert_non_null(strstr(err->message, "alice"));
    g_clear_error(&err);

    /* IDs that are paths never reach the file system */
    const char *bad[] = { "../etc", ".index", "a/b", "", "x y" };
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        assert_false(cg_quarantine_transition(dir, bad[i], CG_QSTATE_DELETED, "x", NULL, NULL, &err));
        assert_true(g_error_matches(err, CG_QUARANTINE_ERROR, CG_QUARANTINE_ERROR_NOT_FOUND));
        g_clear_error(&err);
    }
    remove_tree(dir);
    g_free(id);
    g_free(dir);
}

static gboolean
refuse(const cg_qitem *item, const char *path, gpointer data, GError **error)
{
    (void)item, (void)path, (void)data;
    g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "MTA down");
    return FALSE;
}

static void
test_failed_release_keeps_item_held(void **state)
{
    (void)state;
    char *dir = new_store();
    char *id = add_item(dir, 1000);
    GError *err = NULL;
    assert_false(cg_quarantine_transition(dir, id, CG_QSTATE_RELEASED, "alice", refuse, NULL, &err));
    assert_non_null(strstr(err->message, "MTA down"));
    g_clear_error(&err);
    cg_qitem *it = cg_qitem_load(dir, id, &err);
    assert_int_equal(it->state, CG_QSTATE_HELD);
    cg_qitem_free(it);
    remove_tree(dir);
    g_free(id);
    g_free(dir);
}

static void
test_corrupted_item_is_its_own_error(void **state)
{
    (void)state;
    char *dir = new_store();
    char *good = add_item(dir, 1000), *bad = add_item(dir, 2000), *bad_state = add_item(dir, 3000);
    char *meta = g_build_filename(dir, bad, "meta.json", NULL);
    assert_true(g_file_set_contents(meta, "{\"queue_id\": \"Q1\", \"sender\": \"sel", -1, NULL));  /* cut short */
    char *st = g_build_filename(dir, bad_state, "state.json", NULL);
    assert_true(g_file_set_contents(st, "{\"state\": \"eaten\"}", -1, NULL));
    GPtrArray *problems = g_ptr_array_new_with_free_func(g_free);
    GError *err = NULL;
    GPtrArray *items = cg_quarantine_list(dir, problems, &err);
    assert_non_null(items);
    assert_int_equal(items->len, 1);
    assert_string_equal(((cg_qitem *)g_ptr_array_index(items, 0))->id, good);
    assert_int_equal(problems->len, 2);
    g_ptr_array_free(items, TRUE);
    g_ptr_array_free(problems, TRUE);
    /* and an action on it fails without touching it */
    assert_false(cg_quarantine_transition(dir, bad, CG_QSTATE_DELETED, "x", NULL, NULL, &err));
    assert_true(g_error_matches(err, CG_QUARANTINE_ERROR, CG_QUARANTINE_ERROR_CORRUPT));
    g_clear_error(&err);
    char *msg = cg_quarantine_message_path(dir, bad);
    assert_true(g_file_test(msg, G_FILE_TEST_EXISTS));
    g_free(msg);
    remove_tree(dir);
    g_free(st);
    g_free(meta);
    g_free(good), g_free(bad), g_free(bad_state);
    g_free(dir);
}

static GPtrArray *
list_ok(const char *dir)
{
    GPtrArray *problems = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *items = cg_quarantine_list(dir, problems, NULL);
    assert_non_null(items);
    assert_int_equal(problems->len, 0);
    g_ptr_array_free(problems, TRUE);
    return items;
}

static void
test_index_follows_changes(void **state)
{
    (void)state;
    char *dir = new_store();
    char *a = add_item(dir, 2000), *b = add_item(dir, 1000);
    GPtrArray *items = list_ok(dir);
    assert_int_equal(items->len, 2);
    assert_string_equal(((cg_qitem *)g_ptr_array_index(items, 0))->id, b);    /* oldest first */
    g_ptr_array_free(items, TRUE);
    char *index = g_build_filename(dir, ".index", NULL), *text;
    assert_true(g_file_get_contents(index, &text, NULL, NULL));
    assert_non_null(strstr(text, a));
    assert_non_null(strstr(text, "Tab here"));    /* the tab cannot split the line */
    g_free(text);

    /* listing from the index does not read meta.json again */
    char *meta = g_build_filename(dir, a, "meta.json", NULL);
    assert_int_equal(chmod(meta, 0), 0);
    if (geteuid() != 0) {
        items = list_ok(dir);
        assert_int_equal(items->len, 2);
        g_ptr_array_free(items, TRUE);
    }
    assert_int_equal(chmod(meta, 0600), 0);

    /* a state change and a removal show in the next listing */
    assert_true(cg_quarantine_transition(dir, a, CG_QSTATE_RELEASED, "carol", NULL, NULL, NULL));
    assert_true(cg_quarantine_remove(dir, b, NULL));
    items = list_ok(dir);
    assert_int_equal(items->len, 1);
    cg_qitem *it = g_ptr_array_index(items, 0);
    assert_int_equal(it->state, CG_QSTATE_RELEASED);
    assert_string_equal(it->actor, "carol");
    g_ptr_array_free(items, TRUE);
    /* a damaged index is rebuilt */
    assert_true(g_file_set_contents(index, "garbage\n", -1, NULL));
    items = list_ok(dir);
    assert_int_equal(items->len, 1);
    assert_string_equal(((cg_qitem *)g_ptr_array_index(items, 0))->actor, "carol");
    g_ptr_array_free(items, TRUE);
    remove_tree(dir);
    g_free(meta), g_free(index), g_free(a), g_free(b), g_free(dir);
}

#define WRITERS 4
#define PER_WRITER 25

static void
test_concurrent_writers_and_listers(void **state)
{
    (void)state;
    char *dir = new_store();
    pid_t pids[WRITERS];
    for (int w = 0; w < WRITERS; w++) {
        pids[w] = fork();
        assert_true(pids[w] >= 0);
        if (pids[w] == 0) {
            for (int i = 0; i < PER_WRITER; i++) {
                char *id = add_item(dir, 1000 + i);
                if (i % 3 == 0 && !cg_quarantine_transition(dir, id, CG_QSTATE_DELETED, "w", NULL, NULL, NULL))
                    _exit(1);
                g_free(id);
            }
            _exit(0);
        }
    }
    /* listings while the writers work never see a broken item */
    for (int round = 0; round < 20; round++) {
        GPtrArray *items = list_ok(dir);
        g_ptr_array_free(items, TRUE);
    }
    for (int w = 0; w < WRITERS; w++) {
        int status;
        assert_int_equal(waitpid(pids[w], &status, 0), pids[w]);
        assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    GPtrArray *items = list_ok(dir);
    assert_int_equal(items->len, WRITERS * PER_WRITER);
    guint deleted = 0;
    for (guint i = 0; i < items->len; i++)
        deleted += ((cg_qitem *)g_ptr_array_index(items, i))->state == CG_QSTATE_DELETED;
    assert_int_equal(deleted, WRITERS * ((PER_WRITER + 2) / 3));
    g_ptr_array_free(items, TRUE);
    remove_tree(dir);
    g_free(dir);
}

static gboolean
slow_release(const cg_qitem *item, const char *path, gpointer data, GError **error)
{
    (void)item, (void)path, (void)data, (void)error;
    g_usleep(50000);    /* long enough for the other process to try meanwhile */
    return TRUE;
}

static void
test_concurrent_release_happens_once(void **state)
{
    (void)state;
    char *dir = new_store();
    char *id = add_item(dir, 1000);
    pid_t pids[3];
    for (int p = 0; p < 3; p++) {
        pids[p] = fork();
        if (pids[p] == 0) {
            gboolean won = cg_quarantine_transition(dir, id, CG_QSTATE_RELEASED, "r", slow_release,
                                                    NULL, NULL);
            g_free(id);     /* valgrind checks the child's leaks too */
            g_free(dir);
            _exit(won ? 0 : 1);
        }
    }
    int winners = 0;
    for (int p = 0; p < 3; p++) {
        int status;
        waitpid(pids[p], &status, 0);
        winners += WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    assert_int_equal(winners, 1);
    remove_tree(dir);
    g_free(id);
    g_free(dir);
}

static void
test_expire(void **state)
{
    (void)state;
    char *dir = new_store();
    gint64 now = 100 * 86400;
    char *old = add_item(dir, now - 31 * 86400), *fresh = add_item(dir, now - 86400);
    char *acted = add_item(dir, now - 86400);
    assert_true(cg_quarantine_transition(dir, acted, CG_QSTATE_DELETED, "x", NULL, NULL, NULL));
    GPtrArray *problems = g_ptr_array_new_with_free_func(g_free);
    guint expired, removed;
    cg_quarantine_expire(dir, 30 * 86400, now, &expired, &removed, problems);
    assert_int_equal(expired, 1);
    assert_int_equal(removed, 0);
    cg_qitem *it = cg_qitem_load(dir, old, NULL);
    assert_int_equal(it->state, CG_QSTATE_EXPIRED);
    cg_qitem_free(it);
    /* a record acted on more than a retention ago goes */
    cg_quarantine_expire(dir, 30 * 86400, g_get_real_time() / G_USEC_PER_SEC + 31 * 86400, &expired, &removed,
                         problems);
    assert_int_equal(expired, 1);    /* fresh, in that far future */
    assert_int_equal(removed, 2);    /* old and acted */
    assert_int_equal(problems->len, 0);
    GPtrArray *items = list_ok(dir);
    assert_int_equal(items->len, 1);
    assert_string_equal(((cg_qitem *)g_ptr_array_index(items, 0))->id, fresh);
    g_ptr_array_free(items, TRUE);
    g_ptr_array_free(problems, TRUE);
    remove_tree(dir);
    g_free(old), g_free(fresh), g_free(acted), g_free(dir);
}

/* release hands the stored message to the sendmail command with the
 * original envelope; a failing command leaves the item held */
static void
test_release_through_sendmail(void **state)
{
    (void)state;
    char *dir = new_store();
    char *id = add_item(dir, 1000);
    char *script = g_build_filename(dir, "sendmail", NULL), *out = g_build_filename(dir, "sent", NULL);
    char *body = g_strdup_printf("#!/bin/sh\nprintf '%%s|' \"$@\" >'%s'\ncat >>'%s'\n", out, out);
    assert_true(g_file_set_contents(script, body, -1, NULL));
    assert_int_equal(chmod(script, 0700), 0);
    cg_config *cfg = cg_config_new_default();
    g_free(cfg->release_command);
    cfg->release_command = g_strdup_printf("%s -C /etc/x", script);
    GError *err = NULL;
    assert_true(cg_quarantine_transition(dir, id, CG_QSTATE_RELEASED, "r", cg_mail_release, cfg, &err));
    char *sent;
    assert_true(g_file_get_contents(out, &sent, NULL, NULL));
    assert_string_equal(sent, "-C|/etc/x|-i|-f|seller@market.test|--|a@x.test|b@x.test|Subject: hi\r\n\r\nbody\r\n");
    g_free(sent);

    char *id2 = add_item(dir, 1000);
    g_free(cfg->release_command);
    cfg->release_command = g_strdup("/bin/false");
    assert_false(cg_quarantine_transition(dir, id2, CG_QSTATE_RELEASED, "r", cg_mail_release, cfg, &err));
    assert_non_null(strstr(err->message, "exited with status 1"));
    g_clear_error(&err);
    cg_qitem *it = cg_qitem_load(dir, id2, NULL);
    assert_int_equal(it->state, CG_QSTATE_HELD);
    cg_qitem_free(it);
    cg_config_free(cfg);
    remove_tree(dir);
    g_free(body), g_free(script), g_free(out), g_free(id), g_free(id2), g_free(dir);
}

int
main(void)
{
    g_mime_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_store),
        cmocka_unit_test(test_store_fails_cleanly),
        cmocka_unit_test(test_load_and_transition),
        cmocka_unit_test(test_failed_release_keeps_item_held),
        cmocka_unit_test(test_corrupted_item_is_its_own_error),
        cmocka_unit_test(test_index_follows_changes),
        cmocka_unit_test(test_concurrent_writers_and_listers),
        cmocka_unit_test(test_concurrent_release_happens_once),
        cmocka_unit_test(test_expire),
        cmocka_unit_test(test_release_through_sendmail),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
