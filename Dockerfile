# syntax=docker/dockerfile:1
# Build stage: install everything, compile, then drop dev dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV REDISMS_DISABLE_POSTINSTALL=true ONNXRUNTIME_NODE_INSTALL=skip
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json nest-cli.json ./
COPY src ./src
COPY web ./web
COPY drizzle ./drizzle
RUN npm run build && npm prune --omit=dev

# Runtime stage: compiled code, production dependencies, migrations. Same image for api and worker.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# Tracing starts before the entry point loads anything (it stays off unless OTEL_EXPORTER_OTLP_ENDPOINT is set).
ENV NODE_OPTIONS="--import /app/dist/infra/telemetry/preload.js"
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/drizzle ./drizzle
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
CMD ["node", "dist/main.js"]
