# syntax=docker/dockerfile:1
# Multi-stage build of the gmc server with the SPA baked in.
#   docker build -t gmc .        (or: docker-compose build)
# The builder stages use Debian bookworm so the binary's glibc matches the bookworm-slim runtime.

# ---- 1. the SPA ---------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS spa
WORKDIR /src
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
COPY frontend/package.json frontend/package-lock.json ./frontend/
RUN npm --prefix frontend ci --no-audit --no-fund
COPY openapi ./openapi
COPY frontend ./frontend
RUN npm --prefix frontend run build

# ---- 2. the release binary ----------------------------------------------------------------------
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked -p gmc-cli \
 && install -m 0755 target/release/gmc /usr/local/bin/gmc

# ---- 3. runtime ---------------------------------------------------------------------------------
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /app --shell /usr/sbin/nologin gmc \
 && mkdir -p /app/data \
 && chown gmc:gmc /app/data
COPY --from=build /usr/local/bin/gmc /usr/local/bin/gmc
COPY --from=spa /src/frontend/dist /app/static
WORKDIR /app
ENV GMC_ENV=production \
    GMC_HOST=0.0.0.0 \
    GMC_PORT=8080 \
    GMC_STATIC_DIR=/app/static \
    GMC_LOG_FORMAT=json \
    RUST_LOG=info
# Without DATABASE_URL the default SQLite file lands in /app/data (mount a volume there).
VOLUME ["/app/data"]
USER gmc
EXPOSE 8080
CMD ["gmc", "serve"]
