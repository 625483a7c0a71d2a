#!/usr/bin/env bash
# Every relative link in README.md and docs/**/*.md must resolve: the file (or folder) exists, and a
# #fragment names a heading of that Markdown file (GitHub's anchor rules: lower case, punctuation
# dropped, spaces to hyphens). External links (http:, https:, mailto:) are not fetched.
# Run by ./passcom test; prints each broken link as FILE:LINE: TARGET and exits 1 when there is one.
# Installs python3 when missing and root (scripts/lib/apt.sh).
set -euo pipefail
# shellcheck source=lib/apt.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/apt.sh"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v python3 >/dev/null 2>&1 || apt_install python3-minimal python3
exec python3 - <<'EOF'
import glob, os, re, sys

def anchors(path):
    found, seen = set(), {}
    in_code = False
    for line in open(path, encoding="utf-8"):
        if line.lstrip().startswith("```"):
            in_code = not in_code
            continue
        m = None if in_code else re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", line)
        if not m:
            continue
        slug = re.sub(r"[^\w\- ]", "", m.group(1).strip().lower()).replace(" ", "-")
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        found.add(slug if n == 0 else f"{slug}-{n}")
    return found

link = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
broken = []
files = ["README.md"] + sorted(glob.glob("docs/**/*.md", recursive=True))
for md in files:
    in_code = False
    for number, line in enumerate(open(md, encoding="utf-8"), 1):
        if line.lstrip().startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            continue
        for target in link.findall(re.sub(r"`[^`]*`", "", line)):
            if re.match(r"[a-z]+:", target):
                continue
            path, _, fragment = target.partition("#")
            resolved = os.path.normpath(os.path.join(os.path.dirname(md), path)) if path else md
            if not os.path.exists(resolved):
                broken.append(f"{md}:{number}: {target} (no such file)")
            elif fragment and resolved.endswith(".md") and fragment not in anchors(resolved):
                broken.append(f"{md}:{number}: {target} (no such heading)")
print("\n".join(broken) if broken else f"links: {len(files)} files, every relative link resolves")
sys.exit(1 if broken else 0)
EOF
