#ifndef BRIEFING_CLIBEDIT_SHIM_H
#define BRIEFING_CLIBEDIT_SHIM_H

/* libedit's native API. Swift cannot call C variadic functions (el_set, el_get, history),
   so each operation the REPL needs gets a small non-variadic wrapper here. */
#include <stdio.h>
#include <histedit.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <errno.h>
#include <sys/ioctl.h>
#include <unistd.h>

typedef char *(*briefing_prompt_func)(EditLine *);
typedef unsigned char (*briefing_command_func)(EditLine *, int);

static inline EditLine *briefing_el_init(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}
static inline int briefing_el_set_prompt_esc(EditLine *el, briefing_prompt_func f, char delimiter) {
    return el_set(el, EL_PROMPT_ESC, f, delimiter);
}
static inline int briefing_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
static inline int briefing_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}
static inline int briefing_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}
static inline int briefing_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *briefing_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int briefing_el_add_function(EditLine *el, const char *name, const char *help,
                                           briefing_command_func f) {
    return el_set(el, EL_ADDFN, name, help, f);
}
static inline int briefing_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, NULL);
}

static inline History *briefing_history_init(void) { return history_init(); }
static inline void briefing_history_end(History *h) { history_end(h); }
static inline int briefing_history_set_size(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}
static inline int briefing_history_set_unique(History *h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}
static inline int briefing_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}
static inline int briefing_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}
static inline int briefing_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}

/* The terminal's size on `fd`, or 0 when it is not a terminal (TIOCGWINSZ; ioctl is variadic). */
static inline int briefing_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}
static inline int briefing_terminal_rows(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_row;
}

static inline int briefing_errno(void) { return errno; }
static inline void briefing_clear_errno(void) { errno = 0; }
static inline nl_item briefing_codeset_item(void) { return CODESET; }

#endif
