#!/bin/sh
# Runs a short `verify review` session on examples/odesa-grain-terminal.txt in an 80×24 tmux
# terminal, typing keys as a reviewer would, and prints each screen: the session the README shows.
# Needs tmux; run from the top of the checkout with verify installed (.venv/bin on PATH).
set -eu
work=$(mktemp -d)
trap 'tmux -L verify-queue kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
export VERIFY_DATABASE_URL="sqlite:///$work/desk.db" XDG_STATE_HOME="$work/state" VERIFY_REVIEWER=desk
verify ingest examples/odesa-grain-terminal.txt >/dev/null
tmux -L verify-queue new-session -d -x 80 -y 24 -e VERIFY_DATABASE_URL -e XDG_STATE_HOME -e VERIFY_REVIEWER \
    -e "PATH=$PATH" "sh"
screen() { sleep "${2:-1.5}"; printf '\n--- %s\n' "$1"; tmux -L verify-queue capture-pane -p | sed -e 's/[[:space:]]*$//'; }
keys() { tmux -L verify-queue send-keys "$@"; }
keys "clear; verify review" Enter; screen "verify review" 4
keys NPage; screen "PgDn"
keys d "UN and port figures are far lower; no one names the diplomat"; screen "d, then the note"
keys Enter; screen "Enter"
keys Space; screen "space: skip"
keys s; screen "s: single-source, as the rules say"
keys '?'; screen "?"
keys x q; screen "q"
keys "clear; verify review" Enter; screen "verify review, again" 4
keys q
