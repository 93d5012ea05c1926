# The idpool emulator as a container: `docker compose up idpool` (see docker-compose.yml) or
#   docker build -t idpool . && docker run -p 127.0.0.1:4577:4566 idpool
# It listens on 0.0.0.0 inside the container and answers the Host names localhost (the published port) and idpool
# (the compose service name); pass `serve --host 0.0.0.0 --port 4566 --allowed-hosts <names>` for others.
FROM node:20-slim AS build
WORKDIR /app
# better-sqlite3 builds from source when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY emulator ./emulator
COPY contracts ./contracts
COPY src ./src
COPY bench ./bench
COPY examples ./examples
RUN npm run build && npm prune --omit=dev

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/emulator/models ./emulator/models
COPY --from=build /app/emulator/services/lambda/runtime/bootstrap.mjs ./emulator/services/lambda/runtime/bootstrap.mjs
COPY --from=build /app/examples ./examples
EXPOSE 4566
HEALTHCHECK --interval=10s --timeout=3s CMD ["node", "-e", "fetch('http://127.0.0.1:4566/_idpool/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "dist/src/cli/main.js"]
CMD ["serve", "--host", "0.0.0.0", "--port", "4566", "--allowed-hosts", "idpool"]
