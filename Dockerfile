# citebot: a multi-stage image that runs as a non-root user, reads the articles from a volume at /data
# (/data/corpus, with its index cache inside and /library's history beside it in /data/corpus-history),
# and reports its health on port 8080.
# Build and check it on a developer machine with `scripts/docker-check.sh` (see README, "Keep it running").

# Compiles the TypeScript to JavaScript in dist/ (`npm run build`), with the development dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
RUN npm run build

FROM node:20-bookworm-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only: the image runs the compiled JavaScript, with neither TypeScript nor tsx.
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    CORPUS_DIR=/data/corpus \
    HTTP_PORT=8080 \
    HTTP_HOST=0.0.0.0
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
# package.json says the .js files are ES modules ("type": "module").
COPY package.json ./
COPY --from=build /app/dist ./dist
# The bundled articles are only a starting point: mount your own folder on /data (it must hold corpus/).
RUN mkdir -p /data && chown node:node /data
COPY --chown=node:node corpus /data/corpus
USER node
VOLUME ["/data"]
EXPOSE 8080
# 200 only with a library loaded and the gateway connected; a start retrying while Discord is out of
# reach counts as starting, not healthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.HTTP_PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# One process (no npm in between), so SIGTERM from `docker stop` reaches the bot, which stops its
# library builder and logs out. Run with `--init` (compose: `init: true`) to reap.
CMD ["node", "dist/src/discord/main.js"]
