#!/usr/bin/env bash
# Builds the Docker image and checks that its HEALTHCHECK passes against the local Discord stand-in.
# For a developer machine with Docker (Linux: the container shares the host's network to reach the
# stand-in on 127.0.0.1). Exit 0 when the container reports "healthy" within the time allowed.
#   scripts/docker-check.sh [image-tag]
set -euo pipefail
cd "$(dirname "$0")/.."
tag="${1:-citebot:check}"
work="$(mktemp -d)"
container=""
standin_pid=""
cleanup() {
  [[ -n "$container" ]] && docker rm -f "$container" >/dev/null 2>&1 || true
  [[ -n "$standin_pid" ]] && kill "$standin_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

docker build -t "$tag" .

# The stand-in prints one JSON line: its REST URL and the token it accepts.
mkfifo "$work/standin.out"
node --import tsx scripts/standInServer.ts > "$work/standin.out" &
standin_pid=$!
read -r info < "$work/standin.out"
field() { node -e "process.stdout.write(JSON.parse(process.argv[1])[process.argv[2]])" "$info" "$1"; }

mkdir -p "$work/data"
cp -r corpus "$work/data/corpus"
rm -rf "$work/data/corpus/.index-cache"
chmod -R a+rwX "$work/data"   # the image runs as the unprivileged user `node`

container="$(docker run -d --init --network host \
  -e DISCORD_TOKEN="$(field token)" -e DISCORD_API_URL="$(field restApi)" \
  -e DISCORD_APPLICATION_ID="$(field applicationId)" -e MODERATION_GUILD_IDS="$(field guildId)" \
  -e HTTP_PORT=18080 --health-interval=2s --health-start-period=60s \
  -v "$work/data:/data" "$tag")"

for _ in $(seq 1 60); do
  status="$(docker inspect --format '{{.State.Health.Status}}' "$container")"
  if [[ "$status" == "healthy" ]]; then
    echo "ok: the image's health check passes against the stand-in"
    docker exec "$container" id -u | grep -qv '^0$' && echo "ok: runs as a non-root user"
    exit 0
  fi
  [[ "$(docker inspect --format '{{.State.Running}}' "$container")" == "true" ]] || break
  sleep 2
done
echo "failed: the container did not become healthy (last status: ${status:-unknown}); its log:" >&2
docker logs "$container" >&2 || true
exit 1
