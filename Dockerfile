# Lurewatch as a container image: built from this repository, run as a non-root user.
# Used by docker-compose.yml (service "lurewatch" and the one-shot "topics").

# ---- build: the same wrapper and pom as a developer's machine
FROM maven:3.9-eclipse-temurin-17 AS build
# npm fetches the console's Noto fonts (src/main/fonts) at build time.
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends npm > /dev/null && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# Dependencies in their own layer, so editing Java source does not download them again.
# go-offline misses a few plugin artifacts; package fetches those, so a partial warm-up is fine.
RUN ./mvnw -B -q dependency:go-offline || echo "dependency warm-up incomplete; package will fetch the rest"
COPY src/ src/
RUN ./mvnw -B -DskipTests package

# ---- runtime: a JRE and the shaded jar, nothing else
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin lurewatch \
    && mkdir -p /app/state /app/secrets && chown lurewatch /app/state /app/secrets && chmod 700 /app/state /app/secrets
WORKDIR /app
# State stores survive a container restart when /app/state is a volume; without one they are rebuilt from changelogs.
ENV LUREWATCH_STATE_DIR=/app/state
COPY --from=build /src/target/lurewatch.jar /app/lurewatch.jar
USER lurewatch
# 8080: the console (/console/), /metrics, /healthz, /readyz
EXPOSE 8080
# Heap from the container's memory limit rather than the host's.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/lurewatch.jar"]
CMD ["run", "--http-port", "8080"]
