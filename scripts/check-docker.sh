#!/usr/bin/env bash
# Checks docker/ without a Docker engine (there is none on our machines; ./passcom test runs this first):
#   1. the Dockerfile is valid (dockerfile-utils, the linter of VS Code's Docker support, from npm) and keeps
#      our rules (multi-stage Maven build, JRE runtime, non-root user, HEALTHCHECK on /saude, the launcher
#      as entrypoint, every COPY source present in the repository);
#   2. docker-compose.yml resolves (docker-compose config, Debian's docker-compose package) for every
#      profile, each profile runs the services it should, and without the env file it refuses to start
#      for want of the federation secret; the real env file is git-ignored.
# What this cannot check (no engine): that the image builds, that containers start, answer and stay healthy.
# Installs what is missing when root (apt-get for docker-compose and npm, npm for the linter, as
# scripts/with-postgres.sh does for PostgreSQL); tools go under ~/.cache/passcom-tools.
set -euo pipefail
# shellcheck source=lib/apt.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/apt.sh"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOCKERFILE="$ROOT/docker/Dockerfile"
COMPOSE="$ROOT/docker/docker-compose.yml"
ENV_EXAMPLE="$ROOT/docker/.env.example"
TOOLS="${PASSCOM_TOOLS_DIR:-$HOME/.cache/passcom-tools}"
LINTER_VERSION=0.16.3
passed=0 failed=0

ok() {
    passed=$((passed + 1))
    echo "check-docker: ok   $*"
}

bad() {
    failed=$((failed + 1))
    echo "check-docker: FAIL $*" >&2
}

command -v docker-compose >/dev/null 2>&1 || apt_install docker-compose
command -v npm >/dev/null 2>&1 || apt_install npm
command -v python3 >/dev/null 2>&1 || apt_install python3
python3 -c 'import yaml' 2>/dev/null || apt_install python3-yaml
LINTER="$TOOLS/node_modules/.bin/dockerfile-utils"
if [[ ! -x "$LINTER" ]] || ! grep -q "\"version\": \"$LINTER_VERSION\"" "$TOOLS/node_modules/dockerfile-utils/package.json" 2>/dev/null; then
    echo "check-docker: installing dockerfile-utils $LINTER_VERSION (npm) into $TOOLS..." >&2
    mkdir -p "$TOOLS"
    npm install --prefix "$TOOLS" --no-audit --no-fund --silent "dockerfile-utils@$LINTER_VERSION" >&2
fi

# ---- 1. the Dockerfile --------------------------------------------------------------------------------
if lint="$("$LINTER" lint "$DOCKERFILE" 2>&1)" && [[ -z "$lint" ]]; then
    ok "Dockerfile passes dockerfile-utils lint"
else
    bad "Dockerfile: dockerfile-utils lint says:"$'\n'"$lint"
fi
# Our rules, on the instructions (continuation lines joined).
rules="$(python3 - "$DOCKERFILE" "$ROOT" <<'PY'
import json, os, re, sys
path, root = sys.argv[1], sys.argv[2]
lines, cur = [], ""
for raw in open(path, encoding="utf-8"):
    line = raw.rstrip("\n")
    if not cur and (not line.strip() or line.lstrip().startswith("#")):
        continue
    if line.endswith("\\"):
        cur += line[:-1] + " "
        continue
    lines.append((cur + line).strip()); cur = ""
stages, problems = [], []
for ins in lines:
    word, _, rest = ins.partition(" ")
    word = word.upper()
    if word == "FROM":
        stages.append({"from": rest, "ins": []})
    elif stages:
        stages[-1]["ins"].append((word, rest.strip()))
def say(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
say(len(stages) >= 2, "multi-stage: %d stages" % len(stages))
say(bool(stages) and stages[0]["from"].startswith("maven:"), "the build stage is Maven's image (%s)" % (stages[0]["from"] if stages else "none"))
final = stages[-1] if stages else {"from": "", "ins": []}
say("-jre" in final["from"].split(" ")[0], "the runtime stage is a JRE (%s)" % final["from"])
users = [r for w, r in final["ins"] if w == "USER"]
say(bool(users) and users[-1].split(":")[0] not in ("root", "0"), "the runtime runs as a non-root user (%s)" % (users[-1] if users else "no USER"))
health = [r for w, r in final["ins"] if w == "HEALTHCHECK"]
say(bool(health) and "passcom" in health[-1] and "health" in health[-1], "HEALTHCHECK asks the launcher for /saude (%s)" % (health[-1] if health else "none"))
entry = [r for w, r in final["ins"] if w == "ENTRYPOINT"]
try:
    form = json.loads(entry[-1]) if entry else None
except ValueError:
    form = None
say(form == ["/opt/passcom/passcom", "server"], "ENTRYPOINT is the launcher's server command in exec form (%s)" % (entry[-1] if entry else "none"))
missing = []
for stage in stages:
    for w, r in stage["ins"]:
        if w in ("COPY", "ADD") and "--from=" not in r:
            args = [a for a in re.split(r"\s+", r) if not a.startswith("--")]
            for src in args[:-1]:
                if not os.path.exists(os.path.join(root, src)):
                    missing.append(src)
say(not missing, "every COPY source exists in the repository" + (": missing " + ", ".join(missing) if missing else ""))
PY
)"
while IFS= read -r line; do
    if [[ "$line" == "ok   "* ]]; then ok "${line#ok   }"; else bad "${line#FAIL }"; fi
done <<< "$rules"

# ---- 2. docker-compose.yml, per profile ---------------------------------------------------------------
# The services each profile must run (compose v1's `config` resolves every service, so which run is read
# from their profiles: a service without profiles always runs).
declare -A expected=(
    [embedded]="airline-a airline-b airline-c"
    [postgres]="airline-a1 airline-a2 airline-b airline-c postgres"
    [embedded,cli]="airline-a airline-b airline-c cli"
    [postgres,cli]="airline-a1 airline-a2 airline-b airline-c cli postgres"
)
for profiles in embedded postgres embedded,cli postgres,cli; do
    if ! resolved="$(COMPOSE_PROFILES="$profiles" docker-compose -f "$COMPOSE" --env-file "$ENV_EXAMPLE" config 2>&1)"; then
        bad "docker-compose config (profiles $profiles) fails: $resolved"
        continue
    fi
    ok "docker-compose config resolves with profiles $profiles"
    verdict="$(PROFILES="$profiles" EXPECTED="${expected[$profiles]}" python3 -c '
import os, sys, yaml
config = yaml.safe_load(sys.stdin)
active = set(os.environ["PROFILES"].split(","))
services = config["services"]
running = sorted(n for n, s in services.items() if not s.get("profiles") or active & set(s["profiles"]))
want = sorted(os.environ["EXPECTED"].split())
problems = [] if running == want else ["runs %s, expected %s" % (running, want)]
for name in running:
    s = services[name]
    if name.startswith("airline-"):
        env = s.get("environment", {})
        if s.get("restart") != "on-failure": problems.append(name + ": restart is not on-failure")
        if not env.get("PASSCOM_SECRET") or env.get("PASSCOM_SECRET") == "passcom-dev-secret-change-me": problems.append(name + ": no federation secret")
        vols = [v.get("source") if isinstance(v, dict) else str(v).split(":")[0] for v in s.get("volumes", [])]
        if not any(v in config.get("volumes", {}) for v in vols): problems.append(name + ": no named volume")
        if len(set(map(str, vols))) != len(vols): problems.append(name + ": repeated volume")
ports = {}
for name in running:
    for p in services[name].get("ports", []):
        published = str(p.get("published") if isinstance(p, dict) else str(p).rsplit(":", 1)[0].split(":")[-1])
        ports.setdefault(published, []).append(name)
clash = {p: n for p, n in ports.items() if len(n) > 1}
if clash: problems.append("ports published twice: %s" % clash)
for name, port in (("airline-a", "65433"), ("airline-a1", "65433"), ("airline-b", "65434"), ("airline-c", "65435")):
    if name in running and name not in ports.get(port, []): problems.append(name + " does not publish " + port)
print("; ".join(problems) if problems else "ok")
' <<< "$resolved")"
    if [[ "$verdict" == ok ]]; then
        ok "profiles $profiles run ${expected[$profiles]// /, } (restart on failure, secret set, a named volume each, no port twice)"
    else
        bad "profiles $profiles: $verdict"
    fi
done
empty_env="$(mktemp)"
trap 'rm -f "$empty_env"' EXIT
if out="$(env -u PASSCOM_SECRET COMPOSE_PROFILES=embedded docker-compose -f "$COMPOSE" --env-file "$empty_env" config 2>&1)"; then
    bad "docker-compose config without the env file should refuse for want of PASSCOM_SECRET, but resolved"
elif [[ "$out" == *PASSCOM_SECRET* ]]; then
    ok "without the env file, compose refuses and names PASSCOM_SECRET"
else
    bad "without the env file, compose fails but does not name PASSCOM_SECRET: $out"
fi
if git -C "$ROOT" check-ignore -q docker/.env 2>/dev/null || grep -qx 'docker/.env' "$ROOT/.gitignore"; then
    ok "docker/.env (the real secret) is git-ignored"
else
    bad "docker/.env is not git-ignored"
fi

echo "check-docker: $passed passed, $failed failed"
((failed == 0))
