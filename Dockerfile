# syntax=docker/dockerfile:1
# The bot in a container: one image, two modes.
#   HTTP interactions endpoint (default):  docker run -e DISCORD_PUBLIC_KEY=... -p 3000:3000 wco-partner-bot
#   Gateway bot:                           docker run -e DISCORD_TOKEN=... wco-partner-bot node dist/start.mjs
# See compose.yaml for both, and README "Deploying". tests/container.test.ts runs what this file's final stage
# holds (from a copy made the same way), since no Docker engine is available where the tests run.

ARG NODE_VERSION=22

# --- build: every dependency, compile and bundle (npm run build), check the data ---
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY commands ./commands
COPY src ./src
COPY data ./data
RUN node scripts/build.mjs && node dist/src/cli/validate-data.js

# --- runtime: production dependencies only, the built files and the data, as a non-root user ---
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    WCO_SKIP_DOTENV=1
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY data ./data
# Checks the data once more: an image with invalid data fails to build rather than to start.
RUN node dist/src/cli/validate-data.js
USER node
EXPOSE 3000
# HTTP mode only (the gateway mode serves no port; compose.yaml turns this off for it). No curl in slim
# images: Node's fetch does the probe.
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3000}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1's command (no npm, no shell), so SIGTERM from `docker stop` reaches the bot.
CMD ["node", "dist/http.mjs"]
