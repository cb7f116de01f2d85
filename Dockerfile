# syntax=docker/dockerfile:1
# The SpinUp course site as a container image: Node builds the static pages, then an
# unprivileged nginx serves them on port 8080. Build it for Spin's nodes with
#   docker build --platform linux/amd64 -t registry.nersc.gov/<project>/spinup:<tag> .
# (README.md, "Deploy on Spin", has every step.)

# Stage 1: build dist/. The output is plain files, so this stage runs on the build machine's
# own platform (fast on Apple Silicon too) whatever platform the final image targets.
FROM --platform=$BUILDPLATFORM node:20.20.2-bookworm-slim AS build
WORKDIR /src
# Dependencies first: this layer is reused until package.json or the lock file changes.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Origin written into absolute links and the credential pages. Empty keeps the `site` of
# astro.config.mjs; set it with --build-arg SITE=https://<host> when the site lives elsewhere.
ARG SITE=
# /healthz is a file the probes fetch: it answers only when nginx can serve the built pages.
RUN if [ -n "$SITE" ]; then npx astro build --site "$SITE"; else npx astro build; fi \
	&& printf 'ok\n' > dist/healthz

# Stage 2: serve dist/ as the image's non-root nginx user (uid and gid 101) on port 8080, so the
# container needs no capability at all. nginx writes only below /tmp (pid file, temp files).
FROM nginxinc/nginx-unprivileged:1.28.0-alpine
COPY deploy/nginx/nginx.conf /etc/nginx/nginx.conf
COPY deploy/nginx/default.conf /etc/nginx/conf.d/default.conf
COPY --from=build /src/dist /usr/share/nginx/html
USER 101:101
EXPOSE 8080
CMD ["nginx", "-g", "daemon off;"]
