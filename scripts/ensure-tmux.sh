#!/usr/bin/env bash
# The end-to-end test drives reader inside tmux. Install it where we can (root with apt-get);
# otherwise say plainly what is missing.
set -u
command -v tmux >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing tmux for the end-to-end test…" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux) >/dev/null 2>&1
fi
command -v tmux >/dev/null 2>&1 && exit 0
echo "make test needs tmux for its end-to-end test: install it (apt-get install tmux, brew install tmux) and run make test again." >&2
exit 1
