// Generated from default.keymap by GeneratedFilesTests (INQUEST_RECORD=1 swift test). Do not edit.

/// The shipped key bindings, embedded so the binary does not need the repository.
public enum DefaultKeymap {
    /// The text of `default.keymap`.
    public static let text = #"""
# Inquest default key bindings.
#
# One binding per line: `key  command [argument]`. Keys are characters (`j`, `G`, `?`)
# or names (ctrl-s, alt-x, shift-tab, up, down, pgup, pgdn, home, end, enter, esc,
# space, hash, f1). A key resolves in the focused pane's section first, then in
# [global]. Override any of them in $XDG_CONFIG_HOME/inquest/keymap (same format);
# `key  none` unbinds a key. The `:` prompt runs the same command names.

[global]
q          quit
?          help
H          feeds.health
M          series
b          breakdown
S          suspects
:          command-prompt
esc        cancel
tab        focus.next
shift-tab  focus.previous
1          focus.investigations
2          focus.timeline
3          focus.details
4          focus.notes
m          pane.maximise
j          cursor.down
down       cursor.down
k          cursor.up
up         cursor.up
pgdn       cursor.page-down
ctrl-f     cursor.page-down
pgup       cursor.page-up
ctrl-b     cursor.page-up
ctrl-d     cursor.half-page-down
ctrl-u     cursor.half-page-up
g          cursor.first
home       cursor.first
G          cursor.last
end        cursor.last
/          filter
@          timeline.jump
e          timeline.next-error
E          timeline.previous-error
n          timeline.next-match
N          timeline.previous-match
ctrl-s     timeline.search
T          timeline.time-mode
F          timeline.follow
o          timeline.only-linked
O          timeline.only-opened
z          density.zoom-in
Z          density.zoom-out
s          event.star
t          event.tag
l          event.link
L          event.unlink
c          investigation.create
a          note.add
y          event.yank
Y          event.yank raw

[investigations]
enter      investigation.edit
i          investigation.edit
v          investigation.log
w          investigation.notify
x          investigation.export

[timeline]
enter      focus.details
f          details.filter-trace
C          timeline.context

[details]
f          details.filter-trace
C          timeline.context

[notes]
enter      note.open-citation
i          note.edit
E          note.edit-external

# Overlays: while one is open only its section applies; keys it does not bind edit its text.
[help]
esc        overlay.close
q          overlay.close
?          overlay.close
j          help.scroll-down
down       help.scroll-down
k          help.scroll-up
up         help.scroll-up
pgdn       help.page-down
ctrl-d     help.page-down
ctrl-f     help.page-down
space      help.page-down
pgup       help.page-up
ctrl-u     help.page-up
ctrl-b     help.page-up
g          help.top
home       help.top
G          help.bottom
end        help.bottom

[filter]
esc        overlay.close
enter      overlay.submit
up         filter.history-previous
down       filter.history-next

[prompt]
esc        overlay.close
enter      overlay.submit
tab        prompt.complete
shift-tab  prompt.complete-previous

[editor]
esc        overlay.close
ctrl-s     note.save
ctrl-r     note.cite

[series]
esc        overlay.close
enter      overlay.submit
down       series.down
up         series.up
pgdn       series.page-down
pgup       series.page-up
home       series.first
end        series.last

[form]
esc        overlay.close
enter      overlay.submit
ctrl-s     overlay.submit
tab        form.next-field
down       form.next-field
shift-tab  form.previous-field
up         form.previous-field

[breakdown]
esc        overlay.close
q          overlay.close
b          overlay.close
enter      overlay.submit
j          cursor.down
down       cursor.down
k          cursor.up
up         cursor.up
pgdn       cursor.page-down
ctrl-d     cursor.page-down
pgup       cursor.page-up
ctrl-u     cursor.page-up
g          cursor.first
home       cursor.first
G          cursor.last
end        cursor.last
tab        breakdown.next-dimension
shift-tab  breakdown.previous-dimension
c          breakdown.compare
t          breakdown.traces
[suspects]
esc        overlay.close
q          overlay.close
S          overlay.close
enter      overlay.submit
j          suspects.next
down       suspects.next
k          suspects.previous
up         suspects.previous
l          suspects.link
"""#
}
